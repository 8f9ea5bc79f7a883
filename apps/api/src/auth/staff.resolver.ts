import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import { staffUserId } from '../platform/actor.js';
import { ConnectionArgs, findConnection, findPage, PageArgs } from '../platform/pagination.js';
import { selects } from '../platform/selection.js';
import { UserType } from './auth.types.js';
import { ApiKeyType, CreatedApiKey, UserConnection, UserPage } from './staff.types.js';
import { CreateApiKeyInput, CreateUserInput, UpdateUserInput, UserFilter, UserSort } from './staff.inputs.js';
import { StaffService } from './staff.service.js';

/** Staff users and integrator keys: administrators only. */
@Resolver()
export class StaffResolver {
  constructor(private readonly staff: StaffService) {}

  @Authorized('ADMIN')
  @Query(() => UserPage)
  users(
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined,
    @Arg('sort', () => UserSort, { nullable: true, description: 'By email when left out.' }) sort: UserSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findPage(ctx.em, this.staff.usersQuery(filter, sort), page, selects(info, 'total'));
  }

  @Authorized('ADMIN')
  @Query(() => UserConnection, {
    description: 'users as `users` gives them. As a connection (first/after, keyset: a deep page costs what the first does), for integrators and deep paging.',
  })
  usersConnection(
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined,
    @Arg('sort', () => UserSort, { nullable: true, description: 'By email when left out.' }) sort: UserSort | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.em, this.staff.usersQuery(filter, sort), page, selects(info, 'totalCount'));
  }

  @Authorized('ADMIN')
  @Query(() => UserType)
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.staff.getUser(ctx.em, id);
  }

  @Authorized('ADMIN')
  @Mutation(() => UserType)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context) {
    return this.staff.createUser(ctx.em, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => UserType, { description: 'Renames, changes the role of, (de)activates or resets the password of a user.' })
  updateUser(@Arg('input', () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: Context) {
    return this.staff.updateUser(ctx.em, input);
  }

  @Authorized('ADMIN')
  @Query(() => [ApiKeyType])
  apiKeys(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: Context) {
    return this.staff.listApiKeys(ctx.em, customerId);
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKey, { description: 'Creates an integrator key for one customer; the secret is in this answer only.' })
  createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() ctx: Context) {
    const actor = actorOf(ctx);
    return this.staff.createApiKey(ctx.em, input, staffUserId(actor));
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKeyType, { description: 'Revokes a key at once; revoking twice keeps the first date.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.staff.revokeApiKey(ctx.em, id);
  }
}
