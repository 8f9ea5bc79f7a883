import { STAFF_ROLES } from '@aftersale/domain';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import { NotFoundError } from '../platform/errors.js';
import { PUBLIC } from '../platform/graphql-schema.js';
import { AuthService } from './auth.service.js';
import { AuthPayload, UserType } from './auth.types.js';
import { User } from './user.entity.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Authorized(PUBLIC)
  @Mutation(() => AuthPayload, { description: 'Signs a staff user in.' })
  login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return this.auth.login(ctx.em, email, password);
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => Boolean, { description: 'The signed-in staff user changes their own password (BAD_USER_INPUT on currentPassword when it is wrong).' })
  async changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: Context): Promise<boolean> {
    const actor = actorOf(ctx);
    if (actor.kind !== 'staff') throw new NotFoundError('User', actor.label);
    await this.auth.changePassword(ctx.em, actor.userId, currentPassword, newPassword);
    return true;
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => UserType, { description: 'The signed-in staff user.' })
  async me(@Ctx() ctx: Context): Promise<UserType> {
    const actor = actorOf(ctx);
    const user = actor.kind === 'staff' ? await ctx.em.findOne(User, actor.userId) : null;
    if (!user) throw new NotFoundError('User', actor.label);
    return user;
  }
}
