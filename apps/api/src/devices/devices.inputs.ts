import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { SortOf } from '../platform/pagination.js';

@InputType()
export class DeviceFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true, description: 'The whole IMEI or its first digits.' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'imei must be up to 15 digits' })
  imei?: string;
  @Field(() => ID, { nullable: true }) orderId?: string;
  @Field(() => ID, { nullable: true }) modelId?: string;
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field({ nullable: true, description: 'The whole barcode.' })
  @IsOptional()
  @MaxLength(64)
  barcode?: string;
}

export const DeviceSortField = graphqlEnum(['IMEI', 'RECEIVED_ON', 'CREATED_AT'], 'DeviceSortField');

@InputType()
export class DeviceSort extends SortOf(DeviceSortField, 'DeviceSort') {}
