import { Field, ID, ObjectType } from 'type-graphql';
import { CustomerType } from '../catalogue/catalogue.types.js';
import { ConnectionOf, PageOf } from '../platform/pagination.js';
import { UserType } from './auth.types.js';

@ObjectType()
export class UserPage extends PageOf(UserType, 'UserPage') {}

@ObjectType()
export class UserConnection extends ConnectionOf(UserType, 'User') {}

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
