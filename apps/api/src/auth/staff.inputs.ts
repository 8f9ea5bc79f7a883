import type { StaffRole } from '@aftersale/domain';
import { Field, ID, InputType, Int } from 'type-graphql';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { SortOf } from '../platform/pagination.js';
import { RoleEnum } from './auth.types.js';

@InputType()
export class UserFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field(() => RoleEnum, { nullable: true }) role?: StaffRole;
  @Field({ nullable: true }) active?: boolean;
  @Field({ nullable: true, description: 'Matches email or name.' }) q?: string;
}

@InputType()
export class CreateUserInput {
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => RoleEnum) role!: StaffRole;
  @Field({ description: 'At least 10 characters.' }) password!: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field({ nullable: true }) name?: string;
  @Field(() => RoleEnum, { nullable: true }) role?: StaffRole;
  @Field({ nullable: true, description: 'Deactivated users cannot sign in; their tokens stop working.' }) active?: boolean;
  @Field({ nullable: true }) password?: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID) customerId!: string;
  @Field({ description: 'What the key is for, e.g. "ERP integration".' }) name!: string;
}

export const UserSortField = graphqlEnum(['EMAIL', 'NAME', 'ROLE', 'CREATED_AT'], 'UserSortField');
@InputType()
export class UserSort extends SortOf(UserSortField, 'UserSort') {}
