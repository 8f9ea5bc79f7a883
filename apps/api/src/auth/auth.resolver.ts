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
  @Query(() => UserType, { description: 'The signed-in staff user.' })
  async me(@Ctx() ctx: Context): Promise<UserType> {
    const actor = actorOf(ctx);
    const user = actor.kind === 'staff' ? await ctx.em.findOne(User, actor.userId) : null;
    if (!user) throw new NotFoundError('User', actor.label);
    return user;
  }
}
