import { STAFF_ROLES } from '@aftersale/domain';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import { PageArgs } from '../platform/pagination.js';
import type { Claim } from './claim.entity.js';
import { ClaimEventType, ClaimFilter, ClaimPage, ClaimSort, ClaimStatusCountType, ClaimType, SubmitClaimInput } from './claim.types.js';
import { ClaimsService } from './claims.service.js';

@Resolver(() => ClaimType)
export class ClaimsResolver {
  constructor(private readonly service: ClaimsService) {}

  @Authorized('ADMIN', 'AGENT', 'INTEGRATOR')
  @Mutation(() => ClaimType, { description: 'Files a Repair or Replacement Form for one unit.' })
  submitClaim(@Arg('input', () => SubmitClaimInput) input: SubmitClaimInput, @Ctx() ctx: Context) {
    return this.service.submit(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => ClaimType)
  claim(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.service.get(ctx.em, actorOf(ctx), id);
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => ClaimPage, { description: 'Claims, filtered, sorted (newest first by default) and paginated.' })
  claims(
    @Arg('filter', () => ClaimFilter, { nullable: true }) filter: ClaimFilter | undefined,
    @Arg('sort', () => ClaimSort, { nullable: true }) sort: ClaimSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return this.service.list(ctx.em, actorOf(ctx), filter, sort, page.offset, page.limit);
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => [ClaimStatusCountType], { description: "Claims per status for a filter (its status filter aside): the work queue's counts." })
  claimStatusCounts(@Arg('filter', () => ClaimFilter, { nullable: true }) filter: ClaimFilter | undefined, @Ctx() ctx: Context) {
    return this.service.countByStatus(ctx.em, actorOf(ctx), filter);
  }

  @FieldResolver(() => Date)
  submittedAt(@Root() claim: Claim) {
    return claim.createdAt;
  }

  @FieldResolver(() => [ClaimEventType], { description: 'The event log, oldest first.' })
  async events(@Root() claim: Claim, @Ctx() ctx: Context): Promise<ClaimEventType[]> {
    const events = await this.service.events(ctx.em, claim.id);
    return events.map((e) => ({
      id: e.id,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: e.actorLabel,
      at: e.createdAt,
      note: typeof e.data['note'] === 'string' ? e.data['note'] : null,
      data: e.data,
    }));
  }
}
