import type { Decision, FormType } from '@aftersale/domain';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecisionEnum, FormTypeEnum } from '../policy/policy.types.js';

const MONTH = 'A month as YYYY-MM.';

@InputType({
  description:
    'What every analytics figure can be narrowed to. Months are YYYY-MM, both ends included; the claim period defaults to the 12 months ending this month.',
})
export class AnalyticsFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these models (all when empty).' }) modelIds?: string[];
  @Field(() => ID, { nullable: true }) customerId?: string;
  @Field(() => FormTypeEnum, { nullable: true }) formType?: FormType;
  @Field(() => String, { nullable: true, description: `First month units were received. ${MONTH}` }) receiptFrom?: string;
  @Field(() => String, { nullable: true, description: `Last month units were received. ${MONTH}` }) receiptTo?: string;
  @Field(() => String, { nullable: true, description: `First month of claim (submission). ${MONTH}` }) claimFrom?: string;
  @Field(() => String, { nullable: true, description: `Last month of claim (submission). ${MONTH}` }) claimTo?: string;
}

/** The arguments of every analytics query. */
@ArgsType()
export class AnalyticsArgs {
  @Field(() => AnalyticsFilter, { nullable: true }) filter?: AnalyticsFilter;
}

@ObjectType({ description: 'Claims per 1000 units in the field for one model in one month of claim.', simpleResolvers: true })
export class ClaimRatePoint {
  @Field(() => ID) modelId!: number;
  @Field() modelName!: string;
  @Field({ description: 'Month of claim, YYYY-MM.' }) month!: string;
  @Field(() => Int) claims!: number;
  @Field(() => Int, { description: 'Units received on or before the end of that month.' }) unitsInField!: number;
  @Field(() => Float, { nullable: true }) ratePer1000!: number | null;
}

@ObjectType({ description: 'Claims per 1000 units at one age (months in service = month of claim − month of receipt).', simpleResolvers: true })
export class MonthsInServiceRate {
  @Field(() => ID) modelId!: number;
  @Field() modelName!: string;
  @Field(() => Int) monthsInService!: number;
  @Field(() => Int) claims!: number;
  @Field(() => Int, { description: 'Units that were this age during the claim period.' }) unitsExposed!: number;
  @Field(() => Float, { nullable: true }) ratePer1000!: number | null;
}

@ObjectType({ description: 'One bar of a Pareto chart.', simpleResolvers: true })
export class ParetoBar {
  @Field({ description: 'A Finding or a PartCategory value.' }) code!: string;
  @Field(() => Int) count!: number;
  @Field(() => Float) share!: number;
  @Field(() => Float, { description: 'Share of this bar and every larger one.' }) cumulativeShare!: number;
}

@ObjectType({ description: 'Failure modes: what technicians found and which part categories were faulty, largest first.', simpleResolvers: true })
export class FailureModes {
  @Field(() => [ParetoBar]) findings!: ParetoBar[];
  @Field(() => [ParetoBar]) partCategories!: ParetoBar[];
}

@ObjectType({
  description: 'Warranty cost (material cost of covered lines) and paid-maintenance revenue for one model and month of claim, in minor units.',
  simpleResolvers: true,
})
export class WarrantyCostPoint {
  @Field(() => ID) modelId!: number;
  @Field() modelName!: string;
  @Field() month!: string;
  @Field(() => Int) claims!: number;
  @Field(() => Float, { description: 'Material cost of the covered lines of warranty repairs and replacements.' }) warrantyCost!: number;
  @Field(() => Float, { description: 'Paid-maintenance invoices issued (or paid).' }) paidRevenue!: number;
  @Field(() => Int, { description: 'Units sold (received) on or before the end of the month.' }) unitsInField!: number;
  @Field(() => Float, { nullable: true, description: 'warrantyCost / unitsInField.' }) costPerUnit!: number | null;
}

@ObjectType({ description: 'How many claims of one month of claim were decided one way.', simpleResolvers: true })
export class DecisionCount {
  @Field() month!: string;
  @Field(() => DecisionEnum) decision!: Decision;
  @Field(() => Int) claims!: number;
}

@ObjectType({
  description: 'Days from submission to shipping back, per service centre: for the whole period (month null) and per month of claim.',
  simpleResolvers: true,
})
export class TurnaroundRow {
  @Field(() => ID, { nullable: true }) serviceCentreId!: number | null;
  @Field(() => String, { nullable: true }) serviceCentreName!: string | null;
  @Field(() => String, { nullable: true, description: 'Month of claim; null for the whole period.' }) month!: string | null;
  @Field(() => Int) shippedBack!: number;
  @Field(() => Int, { nullable: true }) medianDays!: number | null;
  @Field(() => Int, { nullable: true }) p90Days!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class NevadaCell {
  @Field() claimMonth!: string;
  @Field(() => Int) claims!: number;
  @Field(() => Float, { nullable: true, description: 'Claims per 1000 of the receipt month’s units.' }) ratePer1000!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class NevadaRow {
  @Field({ description: 'Month the units were received.' }) receiptMonth!: string;
  @Field(() => Int) units!: number;
  @Field(() => [NevadaCell], { description: 'One cell per claim month of the chart, in order.' }) cells!: NevadaCell[];
}

@ObjectType({ description: 'The Nevada chart: receipt month × claim month.', simpleResolvers: true })
export class NevadaChart {
  @Field(() => [String]) claimMonths!: string[];
  @Field(() => [NevadaRow]) rows!: NevadaRow[];
}

@ObjectType({ simpleResolvers: true })
export class Interval {
  @Field(() => Float) lower!: number;
  @Field(() => Float) upper!: number;
}

@ObjectType({ description: 'The fitted and observed share of units claimed by a number of months in service.', simpleResolvers: true })
export class LifePoint {
  @Field(() => Float, { description: 'Months in service.' }) months!: number;
  @Field(() => Float, { nullable: true, description: 'Observed (actuarial life table); null beyond the data.' }) observed!: number | null;
  @Field(() => Float) fitted!: number;
  @Field(() => Float) lower!: number;
  @Field(() => Float) upper!: number;
}

@ObjectType({ simpleResolvers: true })
export class ExpectedClaims {
  @Field() month!: string;
  @Field(() => Float) claims!: number;
}

@ObjectType({
  description: 'A Weibull fit of time to claim for one model (maximum likelihood, units without a claim right-censored), with a 95 % Fisher-matrix band.',
  simpleResolvers: true,
})
export class ReliabilityForecast {
  @Field(() => ID) modelId!: number;
  @Field() modelName!: string;
  @Field(() => Int) units!: number;
  @Field(() => Int) claims!: number;
  @Field(() => Float, { nullable: true, description: 'Null when the model has no claim to fit.' }) shape!: number | null;
  @Field(() => Float, { nullable: true, description: 'Months.' }) scale!: number | null;
  @Field(() => Float, { nullable: true, description: 'Months in service by which 10 % of units are claimed.' }) b10!: number | null;
  @Field(() => Interval, { nullable: true }) shapeBand!: Interval | null;
  @Field(() => Interval, { nullable: true }) scaleBand!: Interval | null;
  @Field(() => Interval, { nullable: true }) b10Band!: Interval | null;
  @Field(() => [LifePoint]) curve!: LifePoint[];
  @Field(() => [ExpectedClaims], { description: 'Expected claims from the units in the field, for each of the next 12 months.' }) expected!: ExpectedClaims[];
}

@ObjectType({
  description: 'A model’s units of one receipt month claimed more than its other cohorts predict for units of the same age.',
  simpleResolvers: true,
})
export class EarlyWarningFlag {
  @Field(() => ID) modelId!: number;
  @Field() modelName!: string;
  @Field() receiptMonth!: string;
  @Field(() => Int) units!: number;
  @Field(() => Int, { description: 'Claims over the complete months in service compared.' }) observed!: number;
  @Field(() => Float, { description: 'Claims the other cohorts predict for the same units and ages.' }) expected!: number;
  @Field(() => Float) ratio!: number;
  @Field(() => Float, { description: 'P(X ≥ observed) for X ~ Poisson(expected).' }) pValue!: number;
  @Field(() => Int, { description: 'Complete months in service compared.' }) monthsCompared!: number;
}

@ObjectType({ description: 'Early warning: a Poisson upper-tail test per model and receipt month, Bonferroni-corrected.', simpleResolvers: true })
export class EarlyWarningReport {
  @Field(() => Int) cohortsTested!: number;
  @Field(() => Float, { description: 'The per-cohort p-value below which a cohort is flagged (0.01 / cohorts tested).' }) threshold!: number;
  @Field(() => [EarlyWarningFlag]) flags!: EarlyWarningFlag[];
}

/** What each analytics query answers: the service's one entry point and the resolver are typed by it. */
export interface AnalyticsAnswers {
  claimRates: ClaimRatePoint[];
  claimRatesByMonthsInService: MonthsInServiceRate[];
  failureModes: FailureModes;
  warrantyCost: WarrantyCostPoint[];
  decisionMix: DecisionCount[];
  turnaround: TurnaroundRow[];
  nevadaChart: NevadaChart;
  reliabilityForecast: ReliabilityForecast[];
  earlyWarnings: EarlyWarningReport;
}

export type AnalyticsQuery = keyof AnalyticsAnswers;
