import { STAFF_ROLES } from '@aftersale/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import { ConnectionArgs, PageArgs } from '../platform/pagination.js';
import { selectionOf } from '../platform/selection.js';
import { claimIncludes, type ClaimEventView } from './claim-reads.js';
import { ClaimConnection, ClaimEventType, ClaimPage, ClaimStatusCountType, ClaimType, eventsAsSeenBy } from './claim.types.js';
import { ClaimFilter, ClaimSort, SubmitClaimInput } from './claim.inputs.js';
import { ClaimsService } from './claims.service.js';

/** What the claim field resolvers read of their root: an entity (after a write) or a read-path view. */
interface ClaimRoot {
  id: number;
  createdAt: Date;
  /** Read with the claim when the query selected them (the read path). */
  events?: ClaimEventView[];
}

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
  claim(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    // One statement: the claim, the relations it selects, and its events if asked for.
    return this.service.read(ctx.reads, id, actorOf(ctx), claimIncludes(selectionOf(info)));
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => ClaimPage, { description: 'Claims, filtered, sorted (newest first by default) and paginated.' })
  claims(
    @Arg('filter', () => ClaimFilter, { nullable: true }) filter: ClaimFilter | undefined,
    @Arg('sort', () => ClaimSort, { nullable: true }) sort: ClaimSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const selected = selectionOf(info);
    const includes = claimIncludes(selected['items']);
    return this.service.list(ctx.reads, actorOf(ctx), filter, sort, { ...page, withTotal: selected['total'] !== undefined, includes });
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => ClaimConnection, {
    description: 'Claims as a Relay connection (first/after): deep pages cost what the first does. For integrators and exports.',
  })
  claimsConnection(
    @Arg('filter', () => ClaimFilter, { nullable: true }) filter: ClaimFilter | undefined,
    @Arg('sort', () => ClaimSort, { nullable: true }) sort: ClaimSort | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const selected = selectionOf(info);
    const includes = claimIncludes(selected['edges']?.['node']);
    return this.service.connection(ctx.reads, actorOf(ctx), filter, sort, { ...page, withTotal: selected['totalCount'] !== undefined, includes });
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => [ClaimStatusCountType], { description: "Claims per status for a filter (its status filter aside): the work queue's counts." })
  claimStatusCounts(@Arg('filter', () => ClaimFilter, { nullable: true }) filter: ClaimFilter | undefined, @Ctx() ctx: Context) {
    return this.service.countByStatus(ctx.reads, actorOf(ctx), filter);
  }

  @FieldResolver(() => Date)
  submittedAt(@Root() claim: ClaimRoot) {
    return claim.createdAt;
  }

  @FieldResolver(() => [ClaimEventType], { description: 'The event log, oldest first.' })
  events(@Root() claim: ClaimRoot, @Ctx() ctx: Context): ClaimEventView[] | Promise<ClaimEventView[]> {
    if (claim.events) return eventsAsSeenBy(ctx.actor, claim.events);
    return ctx.loaders
      .get('Claim.events', (ids: readonly number[]) => this.service.eventsOf(ctx.reads, ids))
      .load(claim.id)
      .then((events) => eventsAsSeenBy(ctx.actor, events));
  }
}
