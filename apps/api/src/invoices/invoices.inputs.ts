import { type InvoiceStatus } from '@aftersale/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
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
}

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
