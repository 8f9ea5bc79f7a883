import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import { staffUserId } from '../platform/actor.js';
import { PageArgs } from '../platform/pagination.js';
import { UserType } from './auth.types.js';
import { ApiKeyType, CreatedApiKey, UserPage } from './staff.types.js';
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
  ) {
    return this.staff.listUsers(ctx.em, filter, sort, page.offset, page.limit);
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
