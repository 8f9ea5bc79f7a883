import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context.js';
import type { AnalyticsService } from './analytics.service.js';
import {
  AnalyticsFilter,
  ClaimRatePoint,
  DecisionCount,
  EarlyWarningReport,
  FailureModes,
  MonthsInServiceRate,
  NevadaChart,
  ReliabilityForecast,
  TurnaroundRow,
  WarrantyCostPoint,
} from './analytics.types.js';

const ANALYSTS = ['ANALYST', 'ADMIN'] as const;
const filterArg = () => Arg('filter', () => AnalyticsFilter, { nullable: true });

/** Warranty analytics for analysts and administrators: read-only, from the rollups. */
@Resolver()
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @Authorized(...ANALYSTS)
  @Query(() => [ClaimRatePoint], { description: 'Claims per 1000 units in the field, per model and month of claim.' })
  claimRates(@filterArg() filter: AnalyticsFilter | undefined, @Ctx() ctx: Context) {
    return this.analytics.claimRates(ctx.em, filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => [MonthsInServiceRate], { description: 'Claims per 1000 units by months in service, per model.' })
  claimRatesByMonthsInService(@filterArg() filter: AnalyticsFilter | undefined, @Ctx() ctx: Context) {
    return this.analytics.claimRatesByMonthsInService(ctx.em, filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => FailureModes, { description: 'Pareto of findings and faulty part categories.' })
  failureModes(@filterArg() filter: AnalyticsFilter | undefined, @Ctx() ctx: Context) {
    return this.analytics.failureModes(ctx.em, filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => [WarrantyCostPoint], { description: 'Warranty cost and paid-maintenance revenue per model and month, and per unit sold.' })
  warrantyCost(@filterArg() filter: AnalyticsFilter | undefined, @Ctx() ctx: Context) {
    return this.analytics.warrantyCost(ctx.em, filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => [DecisionCount], { description: 'The mix of decisions per month of claim.' })
  decisionMix(@filterArg() filter: AnalyticsFilter | undefined, @Ctx() ctx: Context) {
    return this.analytics.decisionMix(ctx.em, filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => [TurnaroundRow], { description: 'Median and 90th percentile of days from submission to shipping back, per service centre.' })
  turnaround(@filterArg() filter: AnalyticsFilter | undefined, @Ctx() ctx: Context) {
    return this.analytics.turnaround(ctx.em, filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => NevadaChart, { description: 'Claims by month of receipt × month of claim (also as CSV: GET /api/analytics/nevada.csv).' })
  nevadaChart(@filterArg() filter: AnalyticsFilter | undefined, @Ctx() ctx: Context) {
    return this.analytics.nevadaChart(ctx.em, filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => [ReliabilityForecast], { description: 'Weibull fit of time to claim per model, with its band and the next 12 months of expected claims.' })
  reliabilityForecast(@filterArg() filter: AnalyticsFilter | undefined, @Ctx() ctx: Context) {
    return this.analytics.reliabilityForecast(ctx.em, filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => EarlyWarningReport, { description: 'Receipt months of a model claimed significantly more than its other months predict.' })
  earlyWarnings(@filterArg() filter: AnalyticsFilter | undefined, @Ctx() ctx: Context) {
    return this.analytics.earlyWarnings(ctx.em, filter);
  }
}
