import { STAFF_ROLES } from '@aftersale/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../platform/graphql-enums.js';

export const RoleEnum = graphqlEnum(STAFF_ROLES, 'Role', 'What a staff user may do.');

@ObjectType('User', { simpleResolvers: true })
export class UserType {
  @Field(() => ID) id!: number;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => RoleEnum) role!: keyof typeof RoleEnum;
  @Field() active!: boolean;
  @Field(() => Int) version!: number;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>` on every other call.' })
  token!: string;
  @Field({ description: 'Trade it with `refreshSession` for a new token before `token` expires; it works once.' })
  refreshToken!: string;
  @Field(() => UserType) user!: UserType;
}

@ObjectType('SignInAttempt', { simpleResolvers: true })
export class SignInAttemptType {
  @Field({ description: 'The email as typed (lower-cased), whether or not such a user exists.' }) email!: string;
  @Field() clientAddress!: string;
  @Field() succeeded!: boolean;
  @Field() at!: Date;
}

@ObjectType('SignInAttemptPage')
export class SignInAttemptPage {
  @Field(() => [SignInAttemptType]) items!: SignInAttemptType[];
  @Field(() => Int) total!: number;
}
