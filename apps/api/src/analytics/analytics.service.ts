import {
  addToMonth,
  claimRatePer1000,
  earlyWarning,
  expectedClaims,
  fitWeibull,
  histogramPercentile,
  monthsInService,
  observedFailureShare,
  pareto,
  weibullCdf,
  weibullCdfBands,
  weibullConfidence,
  type Decision,
  type WeibullObservation,
} from '@aftersale/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../platform/clock.js';
import { BadUserInputError } from '../platform/errors.js';
import { parseId, parseIds } from '../platform/ids.js';
import type { AnalyticsAnswers, AnalyticsFilter, AnalyticsQuery } from './analytics.types.js';

/** A filter checked and completed: every month bound set, ids as numbers. */
export interface Scope {
  modelIds: number[] | null;
  customerId: number | null;
  formType: string | null;
  receiptFrom: string;
  receiptTo: string;
  claimFrom: string;
  claimTo: string;
  /** The current month: the last one that is not complete yet. */
  currentMonth: string;
  /** A receipt period was asked for (not only the default). */
  receiptFiltered: boolean;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const EARLIEST = '0001-01';
const FORECAST_MONTHS = 12;
const CURVE_MONTHS = 36;
/** A rollup row's months in service (month of claim − month of receipt), in float arithmetic (extract's numeric is slower). */
const MONTHS_IN_SERVICE = `(date_part('year', claim_month) * 12 + date_part('month', claim_month) - date_part('year', receipt_month) * 12 - date_part('month', receipt_month))::int`;
const CURVE_MONTHS_LIST = Array.from({ length: CURVE_MONTHS }, (_, k) => k + 1);

function month(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!MONTH.test(value)) throw new BadUserInputError(`filter.${field}`, `"${value}" is not a month as YYYY-MM.`);
  return value;
}

const firstDay = (value: string) => `${value}-01`;

/** The months from `from` to `to`, both included. */
function monthsBetween(from: string, to: string): string[] {
  const count = monthsInService(from, to) + 1;
  return Array.from({ length: Math.max(count, 0) }, (_, index) => addToMonth(from, index));
}

interface Where {
  sql: string;
  params: unknown[];
}

/** How many answers the cache keeps for one rollup version (the oldest goes first). */
const CACHED_ANSWERS = 200;

type Computations = { [Q in AnalyticsQuery]: (em: EntityManager, scope: Scope) => Promise<AnalyticsAnswers[Q]> };

/**
 * Analytics read the rollup tables of migrations 0006 and 0012 only (a few
 * hundred to a few thousand rows per question, never the claims), and leave
 * the statistics to @aftersale/domain.
 *
 * Answers are cached per question and scope under the rollups' version
 * (`analytics_version`, bumped by the transaction that changes a rollup). The
 * version is read before the rollups, so a cached answer is never older than
 * its version, and any committed change moves the version: no answer lags.
 */
export class AnalyticsService {
  private cache: { version: bigint; answers: Map<string, Promise<unknown>> } = { version: -1n, answers: new Map() };

  private readonly computations: Computations = {
    claimRates: (em, scope) => this.claimRates(em, scope),
    claimRatesByMonthsInService: (em, scope) => this.claimRatesByMonthsInService(em, scope),
    failureModes: (em, scope) => this.failureModes(em, scope),
    warrantyCost: (em, scope) => this.warrantyCost(em, scope),
    decisionMix: (em, scope) => this.decisionMix(em, scope),
    turnaround: (em, scope) => this.turnaround(em, scope),
    nevadaChart: (em, scope) => this.nevadaChart(em, scope),
    reliabilityForecast: (em, scope) => this.reliabilityForecast(em, scope),
    earlyWarnings: (em, scope) => this.earlyWarnings(em, scope),
  };

  constructor(private readonly clock: Clock) {}

  /** One analytics question answered for a filter: from the cache when the rollups have not changed since. */
  async answer<Q extends AnalyticsQuery>(em: EntityManager, query: Q, filter: AnalyticsFilter | undefined): Promise<AnalyticsAnswers[Q]> {
    const scope = this.scope(filter);
    const [row] = await em.getConnection().execute<{ version: string }[]>('select sum(version)::text as version from analytics_version');
    const version = BigInt(row!.version);
    const compute = () => this.computations[query](em, scope);
    // A request that read an older version than the cache holds (it raced a write) computes without caching.
    if (version < this.cache.version) return compute();
    if (version > this.cache.version) this.cache = { version, answers: new Map() };
    const { answers } = this.cache;
    const key = `${query} ${JSON.stringify(scope)}`;
    let answer = answers.get(key) as Promise<AnalyticsAnswers[Q]> | undefined;
    if (!answer) {
      if (answers.size >= CACHED_ANSWERS) answers.delete(answers.keys().next().value!);
      answer = compute();
      answers.set(key, answer);
      answer.catch(() => answers.delete(key));
    }
    return answer;
  }

  scope(filter: AnalyticsFilter | undefined = {}): Scope {
    const currentMonth = this.clock.today().slice(0, 7);
    const claimTo = month(filter.claimTo, 'claimTo') ?? currentMonth;
    const claimFrom = month(filter.claimFrom, 'claimFrom') ?? addToMonth(claimTo, -11);
    if (claimFrom > claimTo) throw new BadUserInputError('filter.claimFrom', 'must not be after claimTo.');
    const receiptFrom = month(filter.receiptFrom, 'receiptFrom') ?? EARLIEST;
    const receiptTo = month(filter.receiptTo, 'receiptTo') ?? claimTo;
    if (receiptFrom > receiptTo) throw new BadUserInputError('filter.receiptFrom', 'must not be after receiptTo.');
    return {
      modelIds: filter.modelIds && filter.modelIds.length > 0 ? parseIds(filter.modelIds, 'filter.modelIds') : null,
      customerId: filter.customerId ? parseId(filter.customerId, 'filter.customerId') : null,
      formType: filter.formType ?? null,
      receiptFrom,
      receiptTo,
      claimFrom,
      claimTo,
      currentMonth,
      receiptFiltered: (filter.receiptFrom !== undefined && filter.receiptFrom !== null) || (filter.receiptTo !== undefined && filter.receiptTo !== null),
    };
  }

  /**
   * The WHERE clause of a rollup for a scope; units have no form type or
   * claim month, the `_by_month` rollups no customer or receipt month (they
   * are read only when the scope does not ask for those).
   */
  private where(scope: Scope, options: { claims: boolean; claimPeriod?: boolean; byMonth?: boolean }): Where {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (!options.byMonth) {
      conditions.push('receipt_month between ? and ?');
      params.push(firstDay(scope.receiptFrom), firstDay(scope.receiptTo));
    }
    if (scope.modelIds) {
      conditions.push('model_id = any(?::int[])');
      params.push(`{${scope.modelIds.join(',')}}`);
    }
    if (scope.customerId !== null && !options.byMonth) {
      conditions.push('customer_id = ?');
      params.push(scope.customerId);
    }
    if (options.claims && scope.formType !== null) {
      conditions.push('form_type = ?');
      params.push(scope.formType);
    }
    if (options.claims && options.claimPeriod !== false) {
      conditions.push('claim_month between ? and ?');
      params.push(firstDay(scope.claimFrom), firstDay(scope.claimTo));
    } else if (options.claims) {
      conditions.push('claim_month <= ?');
      params.push(firstDay(scope.claimTo));
    }
    return { sql: conditions.join(' and ') || 'true', params };
  }

  /** Claims, cost and revenue: summed over customers already unless the scope names one. */
  private claimsTable(scope: Scope): string {
    return scope.customerId === null ? 'analytics_claims_by_model' : 'analytics_claims';
  }

  /**
   * A rollup, or its by-month form (no customer, no receipt month) when the
   * scope asks for neither, or its by-centre form (no model or form type
   * either) when it has one and the scope asks for none of those.
   */
  private rollup(scope: Scope, table: string, options: { byCentre?: boolean } = {}): { table: string; byMonth: boolean } {
    const byMonth = scope.customerId === null && !scope.receiptFiltered;
    if (byMonth && options.byCentre && scope.modelIds === null && scope.formType === null) return { table: `${table}_by_centre`, byMonth };
    return { table: byMonth ? `${table}_by_month` : table, byMonth };
  }

  private async models(em: EntityManager, ids: Iterable<number>): Promise<Map<number, string>> {
    const list = [...new Set(ids)];
    if (list.length === 0) return new Map();
    const rows = await em
      .getConnection()
      .execute<{ id: number; name: string }[]>('select id, name from product_model where id = any(?::int[])', [`{${list.join(',')}}`]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Units per model and receipt month, in the receipt period, received by the end of the claim period. */
  private async units(em: EntityManager, scope: Scope): Promise<{ modelId: number; receiptMonth: string; units: number }[]> {
    const where = this.where(scope, { claims: false });
    const rows = await em.getConnection().execute<{ model_id: number; receipt_month: string; units: string }[]>(
      `select model_id, to_char(receipt_month, 'YYYY-MM') as receipt_month, sum(units) as units
         from ${scope.customerId === null ? 'analytics_units_by_model' : 'analytics_units'} where ${where.sql} group by 1, 2 order by 1, 2`,
      where.params,
    );
    return rows.map((row) => ({ modelId: row.model_id, receiptMonth: row.receipt_month, units: Number(row.units) }));
  }

  /** For each model, the units received by the end of each month of the claim period. */
  private unitsInField(units: { modelId: number; receiptMonth: string; units: number }[], months: string[]): Map<number, number[]> {
    const result = new Map<number, number[]>();
    for (const row of units) {
      let perMonth = result.get(row.modelId);
      if (!perMonth) result.set(row.modelId, (perMonth = months.map(() => 0)));
      months.forEach((m, index) => {
        if (row.receiptMonth <= m) perMonth[index]! += row.units;
      });
    }
    return result;
  }

  private async claimRates(em: EntityManager, scope: Scope): Promise<AnalyticsAnswers['claimRates']> {
    const where = this.where(scope, { claims: true });
    const [claimRows, units] = await Promise.all([
      em.getConnection().execute<{ model_id: number; month: string; claims: string }[]>(
        `select model_id, to_char(claim_month, 'YYYY-MM') as month, sum(claims) as claims
           from ${this.claimsTable(scope)} where ${where.sql} group by 1, 2`,
        where.params,
      ),
      this.units(em, scope),
    ]);
    const months = monthsBetween(scope.claimFrom, scope.claimTo);
    const inField = this.unitsInField(units, months);
    const claims = new Map(claimRows.map((row) => [`${row.model_id} ${row.month}`, Number(row.claims)]));
    const names = await this.models(em, [...inField.keys(), ...claimRows.map((row) => row.model_id)]);
    return [...names.entries()]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .flatMap(([modelId, modelName]) =>
        months.map((m, index) => {
          const count = claims.get(`${modelId} ${m}`) ?? 0;
          const unitsInField = inField.get(modelId)?.[index] ?? 0;
          return { modelId, modelName, month: m, claims: count, unitsInField, ratePer1000: claimRatePer1000(count, unitsInField) };
        }),
      );
  }

  private async claimRatesByMonthsInService(em: EntityManager, scope: Scope): Promise<AnalyticsAnswers['claimRatesByMonthsInService']> {
    const where = this.where(scope, { claims: true });
    const [claimRows, units] = await Promise.all([
      em.getConnection().execute<{ model_id: number; age: number; claims: string }[]>(
        `select model_id, ${MONTHS_IN_SERVICE} as age, sum(claims) as claims
           from ${this.claimsTable(scope)} where ${where.sql} group by 1, 2`,
        where.params,
      ),
      this.units(em, scope),
    ]);
    // Units exposed at age k: cohorts whose month of age k falls in the claim period.
    const exposed = new Map<number, number[]>();
    for (const row of units) {
      let perAge = exposed.get(row.modelId);
      if (!perAge) exposed.set(row.modelId, (perAge = []));
      const first = Math.max(monthsInService(row.receiptMonth, scope.claimFrom), 0);
      const last = monthsInService(row.receiptMonth, scope.claimTo);
      for (let age = first; age <= last; age++) perAge[age] = (perAge[age] ?? 0) + row.units;
    }
    const claims = new Map(claimRows.map((row) => [`${row.model_id} ${row.age}`, Number(row.claims)]));
    const names = await this.models(em, exposed.keys());
    return [...names.entries()]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .flatMap(([modelId, modelName]) => {
        const perAge = exposed.get(modelId)!;
        return Array.from({ length: perAge.length }, (_, age) => {
          const count = claims.get(`${modelId} ${age}`) ?? 0;
          const unitsExposed = perAge[age] ?? 0;
          return { modelId, modelName, monthsInService: age, claims: count, unitsExposed, ratePer1000: claimRatePer1000(count, unitsExposed) };
        });
      });
  }

  private async failureModes(em: EntityManager, scope: Scope): Promise<AnalyticsAnswers['failureModes']> {
    const { table, byMonth } = this.rollup(scope, 'analytics_failure_modes');
    const where = this.where(scope, { claims: true, byMonth });
    const rows = await em
      .getConnection()
      .execute<{ kind: string; code: string; count: string }[]>(
        `select kind, code, sum(count) as count from ${table} where ${where.sql} group by 1, 2 having sum(count) > 0 order by 1, 2`,
        where.params,
      );
    const bars = (kind: string) =>
      pareto(rows.filter((row) => row.kind === kind).map((row) => ({ key: row.code, count: Number(row.count) }))).map(({ key, ...bar }) => ({
        code: key,
        ...bar,
      }));
    return { findings: bars('FINDING'), partCategories: bars('PART') };
  }

  private async warrantyCost(em: EntityManager, scope: Scope): Promise<AnalyticsAnswers['warrantyCost']> {
    const where = this.where(scope, { claims: true });
    const [costRows, units] = await Promise.all([
      em.getConnection().execute<{ model_id: number; month: string; claims: string; warranty_cost: string; paid_revenue: string }[]>(
        `select model_id, to_char(claim_month, 'YYYY-MM') as month, sum(claims) as claims,
                sum(warranty_cost) as warranty_cost, sum(paid_revenue) as paid_revenue
           from ${this.claimsTable(scope)} where ${where.sql} group by 1, 2`,
        where.params,
      ),
      this.units(em, scope),
    ]);
    const months = monthsBetween(scope.claimFrom, scope.claimTo);
    const inField = this.unitsInField(units, months);
    const byKey = new Map(costRows.map((row) => [`${row.model_id} ${row.month}`, row]));
    const names = await this.models(em, [...inField.keys(), ...costRows.map((row) => row.model_id)]);
    return [...names.entries()]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .flatMap(([modelId, modelName]) =>
        months.map((m, index) => {
          const row = byKey.get(`${modelId} ${m}`);
          const warrantyCost = Number(row?.warranty_cost ?? 0);
          const unitsInField = inField.get(modelId)?.[index] ?? 0;
          return {
            modelId,
            modelName,
            month: m,
            claims: Number(row?.claims ?? 0),
            warrantyCost,
            paidRevenue: Number(row?.paid_revenue ?? 0),
            unitsInField,
            costPerUnit: unitsInField === 0 ? null : warrantyCost / unitsInField,
          };
        }),
      );
  }

  private async decisionMix(em: EntityManager, scope: Scope): Promise<AnalyticsAnswers['decisionMix']> {
    const { table, byMonth } = this.rollup(scope, 'analytics_decisions');
    const where = this.where(scope, { claims: true, byMonth });
    const rows = await em.getConnection().execute<{ month: string; decision: Decision; claims: string }[]>(
      `select to_char(claim_month, 'YYYY-MM') as month, decision, sum(claims) as claims
         from ${table} where ${where.sql} group by 1, 2 having sum(claims) > 0 order by 1, 2`,
      where.params,
    );
    return rows.map((row) => ({ month: row.month, decision: row.decision, claims: Number(row.claims) }));
  }

  private async turnaround(em: EntityManager, scope: Scope): Promise<AnalyticsAnswers['turnaround']> {
    const { table, byMonth } = this.rollup(scope, 'analytics_turnaround', { byCentre: true });
    const where = this.where(scope, { claims: true, byMonth });
    // Each centre's histogram of days per month, and over the whole period (month null), summed by PostgreSQL, as two arrays.
    const rows = await em.getConnection().execute<{ centre: number; name: string | null; month: string | null; days: number[]; claims: number[] }[]>(
      `select centre, name, month, array_agg(days) as days, array_agg(claims) as claims from (
           select t.service_centre_id as centre, sc.name, to_char(t.claim_month, 'YYYY-MM') as month, t.days, sum(t.claims)::int as claims
             from ${table} t left join service_centre sc on sc.id = t.service_centre_id
            where ${where.sql}
            group by grouping sets ((t.service_centre_id, sc.name, t.claim_month, t.days), (t.service_centre_id, sc.name, t.days))
           having sum(t.claims) > 0) bars
         group by 1, 2, 3`,
      where.params,
    );
    return rows
      .map(({ centre, name, month: m, days, claims }) => ({
        centre,
        name,
        month: m,
        histogram: days.map((value, index) => ({ value, count: claims[index]! })),
      }))
      .map(({ centre, name, month: m, histogram }) => ({
        serviceCentreId: centre === 0 ? null : centre,
        serviceCentreName: name,
        month: m,
        shippedBack: histogram.reduce((sum, bar) => sum + bar.count, 0),
        medianDays: histogramPercentile(histogram, 0.5),
        p90Days: histogramPercentile(histogram, 0.9),
      }))
      .sort((a, b) => (a.serviceCentreName ?? '').localeCompare(b.serviceCentreName ?? '') || (a.month ?? '').localeCompare(b.month ?? ''));
  }

  private async nevadaChart(em: EntityManager, scope: Scope): Promise<AnalyticsAnswers['nevadaChart']> {
    const where = this.where(scope, { claims: true });
    const [claimRows, units] = await Promise.all([
      em.getConnection().execute<{ receipt_month: string; claim_month: string; claims: string }[]>(
        `select to_char(receipt_month, 'YYYY-MM') as receipt_month, to_char(claim_month, 'YYYY-MM') as claim_month, sum(claims) as claims
           from ${this.claimsTable(scope)} where ${where.sql} group by 1, 2`,
        where.params,
      ),
      this.units(em, scope),
    ]);
    const claimMonths = monthsBetween(scope.claimFrom, scope.claimTo);
    const unitsByMonth = new Map<string, number>();
    for (const row of units) unitsByMonth.set(row.receiptMonth, (unitsByMonth.get(row.receiptMonth) ?? 0) + row.units);
    const claims = new Map(claimRows.map((row) => [`${row.receipt_month} ${row.claim_month}`, Number(row.claims)]));
    const receiptMonths = [...new Set([...unitsByMonth.keys(), ...claimRows.map((row) => row.receipt_month)])].sort();
    return {
      claimMonths,
      rows: receiptMonths.map((receiptMonth) => {
        const rowUnits = unitsByMonth.get(receiptMonth) ?? 0;
        return {
          receiptMonth,
          units: rowUnits,
          cells: claimMonths.map((claimMonth) => {
            const count = claims.get(`${receiptMonth} ${claimMonth}`) ?? 0;
            return { claimMonth, claims: count, ratePer1000: claimRatePer1000(count, rowUnits) };
          }),
        };
      }),
    };
  }

  /** Per model: units and claims by receipt month and months in service, every claim up to the end of the claim period. */
  private async cohorts(em: EntityManager, scope: Scope) {
    const where = this.where(scope, { claims: true, claimPeriod: false });
    const [claimRows, units] = await Promise.all([
      // One row per model and receipt month, its claims by age as two arrays (a few hundred rows, not thousands).
      em.getConnection().execute<{ model_id: number; receipt_month: string; ages: number[]; claims: number[] }[]>(
        `select model_id, to_char(receipt_month, 'YYYY-MM') as receipt_month, array_agg(age order by age) as ages, array_agg(claims order by age) as claims from (
           select model_id, receipt_month, ${MONTHS_IN_SERVICE} as age, sum(claims)::int as claims
             from ${this.claimsTable(scope)} where ${where.sql} group by 1, 2, 3) cells
         group by 1, 2`,
        where.params,
      ),
      this.units(em, scope),
    ]);
    const claims = new Map<string, number[]>();
    for (const row of claimRows) {
      const byAge: number[] = [];
      row.ages.forEach((age, index) => (byAge[age] = row.claims[index]!));
      claims.set(`${row.model_id} ${row.receipt_month}`, byAge);
    }
    // The last month whose claims are all in: the end of the claim period, or last month.
    const asOf = scope.claimTo < scope.currentMonth ? scope.claimTo : addToMonth(scope.currentMonth, -1);
    const byModel = new Map<number, { receiptMonth: string; units: number; claimsByAge: number[]; age: number }[]>();
    for (const row of units) {
      const age = monthsInService(row.receiptMonth, asOf);
      if (age < 0) continue;
      const counted = claims.get(`${row.modelId} ${row.receiptMonth}`) ?? [];
      const claimsByAge = Array.from({ length: age + 1 }, (_, k) => counted[k] ?? 0);
      let list = byModel.get(row.modelId);
      if (!list) byModel.set(row.modelId, (list = []));
      list.push({ receiptMonth: row.receiptMonth, units: row.units, claimsByAge, age });
    }
    return { byModel, asOf, names: await this.models(em, byModel.keys()) };
  }

  private async earlyWarnings(em: EntityManager, scope: Scope): Promise<AnalyticsAnswers['earlyWarnings']> {
    const { byModel, names } = await this.cohorts(em, scope);
    const cohorts = [...byModel.entries()].flatMap(([modelId, list]) =>
      list.map((cohort) => ({ group: String(modelId), cohort: cohort.receiptMonth, units: cohort.units, claimsByMonthInService: cohort.claimsByAge })),
    );
    const result = earlyWarning(cohorts);
    return {
      cohortsTested: result.tests.filter((test) => test.expected > 0).length,
      threshold: result.threshold,
      flags: result.flags.map((flag) => ({
        modelId: Number(flag.group),
        modelName: names.get(Number(flag.group))!,
        receiptMonth: flag.cohort,
        units: flag.units,
        observed: flag.observed,
        expected: flag.expected,
        ratio: flag.ratio,
        pValue: flag.pValue,
        monthsCompared: byModel.get(Number(flag.group))!.find((cohort) => cohort.receiptMonth === flag.cohort)!.claimsByAge.length,
      })),
    };
  }

  /**
   * Weibull per model from the rollups' counts: claims at k months in service
   * are failures at k + ½ months (weighted by their count); each cohort's
   * units without a claim are censored at its age + ½.
   */
  private async reliabilityForecast(em: EntityManager, scope: Scope): Promise<AnalyticsAnswers['reliabilityForecast']> {
    const { byModel, asOf, names } = await this.cohorts(em, scope);
    return [...byModel.entries()]
      .map(([modelId, cohorts]): AnalyticsAnswers['reliabilityForecast'][number] => {
        const observations: WeibullObservation[] = [];
        const claimsByAge: number[] = [];
        const exposed: number[] = [];
        let units = 0;
        let claims = 0;
        for (const cohort of cohorts) {
          units += cohort.units;
          const cohortClaims = cohort.claimsByAge.reduce((sum, count) => sum + count, 0);
          claims += cohortClaims;
          cohort.claimsByAge.forEach((count, age) => {
            claimsByAge[age] = (claimsByAge[age] ?? 0) + count;
            exposed[age] = (exposed[age] ?? 0) + cohort.units;
            if (count > 0) observations.push({ time: age + 0.5, censored: false, count });
          });
          const running = Math.max(cohort.units - cohortClaims, 0);
          if (running > 0) observations.push({ time: cohort.age + 0.5, censored: true, count: running });
        }
        const observed = observedFailureShare(
          claimsByAge.map((count) => count ?? 0),
          exposed,
        );
        const base = { modelId, modelName: names.get(modelId)!, units, claims };
        let fit;
        try {
          fit = fitWeibull(observations);
        } catch {
          // No claim yet (or all at the very end): nothing to fit.
          return { ...base, shape: null, scale: null, b10: null, shapeBand: null, scaleBand: null, b10Band: null, curve: [], expected: [] };
        }
        const band = weibullConfidence(observations, fit);
        const fleet = cohorts.map((cohort) => ({ age: cohort.age + 0.5, units: Math.max(cohort.units - cohort.claimsByAge.reduce((s, c) => s + c, 0), 0) }));
        const expected = expectedClaims(fit, fleet, FORECAST_MONTHS);
        return {
          ...base,
          shape: fit.shape,
          scale: fit.scale,
          b10: fit.b10,
          shapeBand: band.shape,
          scaleBand: band.scale,
          b10Band: band.b10,
          curve: weibullCdfBands(CURVE_MONTHS_LIST, observations, fit).map((cdfBand, k) => {
            const months = CURVE_MONTHS_LIST[k]!;
            return { months, observed: observed[k] ?? null, fitted: weibullCdf(months, fit), lower: cdfBand.lower, upper: cdfBand.upper };
          }),
          expected: expected.map((count, index) => ({ month: addToMonth(asOf, index + 1), claims: count })),
        };
      })
      .sort((a, b) => a.modelName.localeCompare(b.modelName));
  }
}
