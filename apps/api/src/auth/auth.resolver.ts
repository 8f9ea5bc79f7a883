import { STAFF_ROLES } from '@aftersale/domain';
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { listSignInAttempts } from './sign-in-attempts.js';
import { actorOf, type Context } from '../platform/context.js';
import { NotFoundError } from '../platform/errors.js';
import { PUBLIC } from '../platform/graphql-schema.js';
import { PageArgs } from '../platform/pagination.js';
import { AuthService } from './auth.service.js';
import { AuthPayload, SignInAttemptPage, UserType } from './auth.types.js';
import { User } from './user.entity.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Authorized(PUBLIC)
  @Mutation(() => AuthPayload, { description: 'Signs a staff user in.' })
  login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return this.auth.login(ctx.em, email, password, ctx.clientAddress ?? 'unknown');
  }

  @Authorized(PUBLIC)
  @Mutation(() => AuthPayload, { description: 'A new token (and refresh token) for a refresh token; the one sent stops working.' })
  refreshSession(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return this.auth.refresh(ctx.em, refreshToken);
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => Boolean, { description: "Ends the caller's session: its token and refresh token stop working." })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await this.auth.logout(ctx.em, actorOf(ctx));
    return true;
  }

  @Authorized(...STAFF_ROLES)
  @Mutation(() => AuthPayload, { description: 'Changes your own password; every other session of yours ends.' })
  changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: Context): Promise<AuthPayload> {
    return this.auth.changePassword(ctx.em, actorOf(ctx), currentPassword, newPassword);
  }

  @Authorized('ADMIN')
  @Query(() => SignInAttemptPage, { description: 'Sign-in attempts, newest first: failed ones only unless told otherwise.' })
  signInAttempts(@Arg('failedOnly', { defaultValue: true }) failedOnly: boolean, @Args() page: PageArgs, @Ctx() ctx: Context): Promise<SignInAttemptPage> {
    return listSignInAttempts(ctx.em, failedOnly, page.offset, page.limit);
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
