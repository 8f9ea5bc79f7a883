import { type InvoiceStatus } from '@aftersale/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, MaxLength, Min } from 'class-validator';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { SortOf } from '../platform/pagination.js';
import { LocalDateScalar } from '../platform/scalars.js';
import { InvoiceStatusEnum } from './invoices.types.js';

@InputType()
export class InvoiceFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => [InvoiceStatusEnum], { nullable: true }) status?: InvoiceStatus[];
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => ID, { nullable: true }) claimId?: string;
  @Field({ nullable: true, description: 'Matches the invoice number.' })
  @IsOptional()
  @MaxLength(64)
  q?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Issued on or after.' }) issuedFrom?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Issued on or before.' }) issuedTo?: string;
  @Field(() => Int, { nullable: true, description: 'Unpaid ageing: issued, not paid, and at least this many days past the due day (0: due today or before).' })
  @IsOptional()
  @Min(0)
  overdueDays?: number;
}

export const InvoiceSortField = graphqlEnum(['NUMBER', 'STATUS', 'CUSTOMER', 'TOTAL', 'ISSUED_ON', 'PAID_ON', 'CREATED_AT'], 'InvoiceSortField');

@InputType()
export class InvoiceSort extends SortOf(InvoiceSortField, 'InvoiceSort') {}

@InputType()
export class InvoiceStepInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
}

@InputType()
export class PayInvoiceInput extends InvoiceStepInput {
  @Field(() => LocalDateScalar) paidOn!: string;
}

@InputType()
export class VoidInvoiceInput extends InvoiceStepInput {
  @Field() reason!: string;
}
