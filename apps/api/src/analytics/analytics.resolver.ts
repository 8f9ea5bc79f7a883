import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context.js';
import type { AnalyticsService } from './analytics.service.js';
import {
  AnalyticsArgs,
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

/** Warranty analytics for analysts and administrators: read-only, from the rollups. */
@Resolver()
export class AnalyticsResolver {
  constructor(private readonly analytics: AnalyticsService) {}

  @Authorized(...ANALYSTS)
  @Query(() => [ClaimRatePoint], { description: 'Claims per 1000 units in the field, per model and month of claim.' })
  claimRates(@Args() { filter }: AnalyticsArgs, @Ctx() ctx: Context) {
    return this.analytics.answer(ctx.em, 'claimRates', filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => [MonthsInServiceRate], { description: 'Claims per 1000 units by months in service, per model.' })
  claimRatesByMonthsInService(@Args() { filter }: AnalyticsArgs, @Ctx() ctx: Context) {
    return this.analytics.answer(ctx.em, 'claimRatesByMonthsInService', filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => FailureModes, { description: 'Pareto of findings and faulty part categories.' })
  failureModes(@Args() { filter }: AnalyticsArgs, @Ctx() ctx: Context) {
    return this.analytics.answer(ctx.em, 'failureModes', filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => [WarrantyCostPoint], { description: 'Warranty cost and paid-maintenance revenue per model and month, and per unit sold.' })
  warrantyCost(@Args() { filter }: AnalyticsArgs, @Ctx() ctx: Context) {
    return this.analytics.answer(ctx.em, 'warrantyCost', filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => [DecisionCount], { description: 'The mix of decisions per month of claim.' })
  decisionMix(@Args() { filter }: AnalyticsArgs, @Ctx() ctx: Context) {
    return this.analytics.answer(ctx.em, 'decisionMix', filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => [TurnaroundRow], { description: 'Median and 90th percentile of days from submission to shipping back, per service centre.' })
  turnaround(@Args() { filter }: AnalyticsArgs, @Ctx() ctx: Context) {
    return this.analytics.answer(ctx.em, 'turnaround', filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => NevadaChart, { description: 'Claims by month of receipt × month of claim (also as CSV: GET /api/analytics/nevada.csv).' })
  nevadaChart(@Args() { filter }: AnalyticsArgs, @Ctx() ctx: Context) {
    return this.analytics.answer(ctx.em, 'nevadaChart', filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => [ReliabilityForecast], { description: 'Weibull fit of time to claim per model, with its band and the next 12 months of expected claims.' })
  reliabilityForecast(@Args() { filter }: AnalyticsArgs, @Ctx() ctx: Context) {
    return this.analytics.answer(ctx.em, 'reliabilityForecast', filter);
  }

  @Authorized(...ANALYSTS)
  @Query(() => EarlyWarningReport, { description: 'Receipt months of a model claimed significantly more than its other months predict.' })
  earlyWarnings(@Args() { filter }: AnalyticsArgs, @Ctx() ctx: Context) {
    return this.analytics.answer(ctx.em, 'earlyWarnings', filter);
  }
}
