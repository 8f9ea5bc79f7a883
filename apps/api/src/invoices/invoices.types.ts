import { INVOICE_ACTIONS, INVOICE_LINE_KINDS, INVOICE_STATUSES, type InvoiceLineKind, type InvoiceStatus, type PolicyClause } from '@aftersale/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CustomerType, PartType } from '../catalogue/catalogue.types.js';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { ConnectionOf, PageOf } from '../platform/pagination.js';
import { LocalDateScalar } from '../platform/scalars.js';
import { PolicyClauseEnum } from '../policy/policy.types.js';

export const InvoiceStatusEnum = graphqlEnum(INVOICE_STATUSES, 'InvoiceStatus');
export const InvoiceActionEnum = graphqlEnum(INVOICE_ACTIONS, 'InvoiceAction', 'ISSUE (issueInvoice), PAY (markInvoicePaid), VOID (voidInvoice).');
export const InvoiceLineKindEnum = graphqlEnum(
  INVOICE_LINE_KINDS,
  'InvoiceLineKind',
  'Material cost (H6) or a service charge (H8); never labour, never shipping.',
);

@ObjectType('InvoiceLine', { simpleResolvers: true })
export class InvoiceLineType {
  @Field(() => ID) id!: number;
  @Field(() => InvoiceLineKindEnum) kind!: InvoiceLineKind;
  @Field() description!: string;
  @Field(() => PartType, { nullable: true }) part?: PartType | null;
  @Field(() => Int) quantity!: number;
  @Field(() => Int) amount!: number;
  @Field(() => [PolicyClauseEnum], { description: 'The clauses that made the line chargeable.' }) clauses!: PolicyClause[];
}

@ObjectType('Invoice', { description: 'A paid-maintenance invoice; numbered gaplessly per year when issued.', simpleResolvers: true })
export class InvoiceType {
  @Field(() => ID) id!: number;
  @Field(() => String, { nullable: true, description: 'INV-YYYY-NNNNNN, given on issue; kept when void.' }) number?: string | null;
  @Field(() => InvoiceStatusEnum) status!: InvoiceStatus;
  @Field() currency!: string;
  @Field(() => Int, { description: 'Cents.' }) total!: number;
  @Field(() => LocalDateScalar, { nullable: true }) issuedOn?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) paidOn?: string | null;
  @Field(() => String, { nullable: true }) voidReason?: string | null;
  @Field(() => CustomerType) customer!: CustomerType;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
}

@ObjectType()
export class InvoicePage extends PageOf(InvoiceType, 'InvoicePage') {}

@ObjectType()
export class InvoiceConnection extends ConnectionOf(InvoiceType, 'Invoice') {}
