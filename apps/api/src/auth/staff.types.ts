import type { StaffRole } from '@aftersale/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CustomerType } from '../catalogue/catalogue.types.js';
import { graphqlEnum } from '../platform/graphql-enums.js';
import { PageOf, SortOf } from '../platform/pagination.js';
import { RoleEnum, UserType } from './auth.types.js';

@ObjectType()
export class UserPage extends PageOf(UserType, 'UserPage') {}

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

@ObjectType('ApiKey', { description: "An integrator's key, scoped to one customer. The secret is shown once, at creation." })
export class ApiKeyType {
  @Field(() => ID) id!: number;
  @Field() name!: string;
  @Field({ description: 'The public part of the key (ask_<prefix>_…), to tell keys apart.' }) prefix!: string;
  @Field(() => CustomerType) customer!: CustomerType;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt?: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt?: Date | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKey {
  @Field(() => ApiKeyType) apiKey!: ApiKeyType;
  @Field({ description: 'The whole key, shown this once: send it as `Authorization: Bearer <key>` or `X-Api-Key`.' })
  secret!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => ID) customerId!: string;
  @Field({ description: 'What the key is for, e.g. "ERP integration".' }) name!: string;
}

export const UserSortField = graphqlEnum(['EMAIL', 'NAME', 'ROLE', 'CREATED_AT'], 'UserSortField');
@InputType()
export class UserSort extends SortOf(UserSortField, 'UserSort') {}
