import { expectedClaims, fitWeibull, type Decision, type Finding, type PartCategory } from '@aftersale/domain';
import {
  TestAnalyticsClaimRateMonthsDocument,
  TestAnalyticsClaimRatesDocument,
  TestAnalyticsDecisionMixDocument,
  TestAnalyticsEarlyWarningFlagsDocument,
  TestAnalyticsEarlyWarningSummaryDocument,
  TestAnalyticsFailureModesDocument,
  TestAnalyticsFindingCountsDocument,
  TestAnalyticsForecastOutlineDocument,
  TestAnalyticsNevadaChartDocument,
  TestAnalyticsNevadaMonthsDocument,
  TestAnalyticsRatesByMonthsInServiceDocument,
  TestAnalyticsReliabilityForecastDocument,
  TestAnalyticsSubmitClaimDocument,
  TestAnalyticsTurnaroundDocument,
  TestAnalyticsTurnaroundMedianDocument,
  TestAnalyticsTurnaroundMonthsDocument,
  TestAnalyticsWarrantyCostDocument,
  type AnalyticsFilter,
  type TypedDocumentNode,
} from '@aftersale/graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../catalogue/customer.entity.js';
import type { ProductModel } from '../catalogue/product-model.entity.js';
import type { Device } from '../devices/device.entity.js';
import { aCustomer, aDevice, aModel, anOrder, aStaffUser } from '../testing/factories.js';
import { fixedClock, startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * Every analytics figure on a small fixed data set, answered by hand below.
 * Claims and their records are written straight into the base tables (the
 * rollups follow through the triggers, as for any writer); one more goes
 * through the API. Today is 2026-06-15: the default claim period is
 * 2025-07 … 2026-06, and 2026-05 the last complete month.
 *
 *   Alpha, customer One, 4 units received 2026-01 · customer Two, 2 units received 2026-03
 *   Beta,  customer One, 5 units received 2026-02
 *
 *   claim  model  unit(receipt)  form         submitted   decision              centre  lines (cost, covered)    findings                      invoice  shipped back
 *   1      Alpha  One 2026-01    REPAIR       2026-02-03  WARRANTY_REPAIR       Lyon    BATTERY 900 yes          —                             —        2026-02-13 (10 days)
 *   2      Alpha  One 2026-01    REPAIR       2026-03-10  PAID_MAINTENANCE      Lyon    HOUSING 500 no           HUMAN_DAMAGE                  500      2026-03-14 (4 days)
 *   3      Alpha  Two 2026-03    REPLACEMENT  2026-03-20  WARRANTY_REPLACEMENT  Porto   MAINBOARD 3000 yes       —                             —        2026-04-09 (20 days)
 *   4      Beta   One 2026-02    REPAIR       2026-04-01  NOT_COVERED           Lyon    LCD 1200 no              WATER_DAMAGE, HUMAN_DAMAGE    —        2026-04-07 (6 days)
 *   5      Beta   One 2026-02    REPAIR       2026-04-15  (submitted)           —       —                        —                             —        —
 */
let t: TestApp;
let analyst: string;
let agent: string;
let alpha: ProductModel;
let beta: ProductModel;
let one: Customer;
let two: Customer;
let lyon: number;
let porto: number;
let serial = 0;

interface ClaimRecord {
  device: Device;
  formType?: 'REPAIR' | 'REPLACEMENT';
  submittedOn: string;
  decision?: Decision;
  centre?: number;
  lines?: { category: PartCategory; cost: number; covered: boolean }[];
  findings?: Finding[];
  invoiceTotal?: number;
  shippedBackOn?: string;
}

/** A claim with its assessment, lines, invoice and outbound shipment, written as the workflow would leave them. */
async function aClaimRecord(em: EntityManager, claim: ClaimRecord): Promise<number> {
  const conn = em.getConnection();
  const [row] = await conn.execute<{ id: number }[]>(
    `insert into claim (device_id, customer_id, model_id, service_centre_id, form_type, ci_number, symptoms, data_backup_acknowledged, status, decision, submitted_on)
     values (?, ?, ?, ?, ?, 'CI-1', 'No power', true, ?, ?, ?) returning id`,
    [
      claim.device.id,
      claim.device.customer.id,
      claim.device.model.id,
      claim.centre ?? null,
      claim.formType ?? 'REPAIR',
      claim.decision ? 'SHIPPED' : 'SUBMITTED',
      claim.decision ?? null,
      claim.submittedOn,
    ],
  );
  const id = row!.id;
  if (claim.decision) {
    await conn.execute(
      `insert into assessment (claim_id, findings, proposed_decision, decision, policy_version, under_warranty, last_covered_day, replacement_allowed, agreement_required, total)
       values (?, ?::text[], ?, ?, (select version from policy_version order by effective_from limit 1), true, '2027-01-01', false, false, 0)`,
      [id, `{${(claim.findings ?? []).join(',')}}`, claim.decision, claim.decision],
    );
  }
  for (const line of claim.lines ?? []) {
    const [part] = await conn.execute<{ id: number }[]>(
      `insert into part (model_id, sku, name, category, material_cost, currency) values (?, ?, ?, ?, ?, 'USD') returning id`,
      [claim.device.model.id, `SKU-${++serial}`, `Part ${serial}`, line.category, line.cost],
    );
    await conn.execute(`insert into claim_line (claim_id, part_id, category, material_cost, covered, charge) values (?, ?, ?, ?, ?, ?)`, [
      id,
      part!.id,
      line.category,
      line.cost,
      line.covered,
      line.covered ? 0 : line.cost,
    ]);
  }
  if (claim.invoiceTotal !== undefined) {
    await conn.execute(
      `insert into invoice (claim_id, customer_id, status, year, sequence, number, currency, total, issued_on) values (?, ?, 'ISSUED', 2026, ?, ?, 'USD', ?, ?)`,
      [id, claim.device.customer.id, ++serial, `INV-2026-${serial}`, claim.invoiceTotal, claim.submittedOn],
    );
  }
  if (claim.shippedBackOn) {
    await conn.execute(`insert into shipment (claim_id, direction, carrier, tracking_number, shipped_on) values (?, 'OUTBOUND', 'DHL', 'T1', ?)`, [
      id,
      claim.shippedBackOn,
    ]);
  }
  return id;
}

async function units(em: EntityManager, model: ProductModel, customer: Customer, receivedOn: string, count: number): Promise<Device[]> {
  const order = await anOrder(em, { model, customer, receivedOn, quantity: count });
  const devices: Device[] = [];
  for (let i = 0; i < count; i++) devices.push(await aDevice(em, { order, receivedOn }));
  return devices;
}

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock('2026-06-15') });
  const em = t.app.orm.em.fork();
  analyst = await (async () => {
    const user = await aStaffUser(em, 'ANALYST');
    return t.login(user.email, user.password);
  })();
  const agentUser = await aStaffUser(em, 'AGENT');
  agent = await t.login(agentUser.email, agentUser.password);
  [alpha, beta] = [await aModel(em, { name: 'Alpha' }), await aModel(em, { name: 'Beta' })];
  [one, two] = [await aCustomer(em, { name: 'One' }), await aCustomer(em, { name: 'Two' })];
  const centre = async (name: string) =>
    (
      await em
        .getConnection()
        .execute<{ id: number }[]>(`insert into service_centre (code, name, city, country, address) values (?, ?, ?, 'FR', 'x') returning id`, [
          name.toUpperCase(),
          name,
          name,
        ])
    )[0]!.id;
  [lyon, porto] = [await centre('Lyon'), await centre('Porto')];
  const alphaOne = await units(em, alpha, one, '2026-01-10', 4);
  const alphaTwo = await units(em, alpha, two, '2026-03-05', 2);
  const betaOne = await units(em, beta, one, '2026-02-20', 5);
  await aClaimRecord(em, {
    device: alphaOne[0]!,
    submittedOn: '2026-02-03',
    decision: 'WARRANTY_REPAIR',
    centre: lyon,
    lines: [{ category: 'BATTERY', cost: 900, covered: true }],
    shippedBackOn: '2026-02-13',
  });
  await aClaimRecord(em, {
    device: alphaOne[1]!,
    submittedOn: '2026-03-10',
    decision: 'PAID_MAINTENANCE',
    centre: lyon,
    lines: [{ category: 'HOUSING', cost: 500, covered: false }],
    findings: ['HUMAN_DAMAGE'],
    invoiceTotal: 500,
    shippedBackOn: '2026-03-14',
  });
  await aClaimRecord(em, {
    device: alphaTwo[0]!,
    formType: 'REPLACEMENT',
    submittedOn: '2026-03-20',
    decision: 'WARRANTY_REPLACEMENT',
    centre: porto,
    lines: [{ category: 'MAINBOARD', cost: 3000, covered: true }],
    shippedBackOn: '2026-04-09',
  });
  await aClaimRecord(em, {
    device: betaOne[0]!,
    submittedOn: '2026-04-01',
    decision: 'NOT_COVERED',
    centre: lyon,
    lines: [{ category: 'LCD', cost: 1200, covered: false }],
    findings: ['WATER_DAMAGE', 'HUMAN_DAMAGE'],
    shippedBackOn: '2026-04-07',
  });
  await aClaimRecord(em, { device: betaOne[1]!, submittedOn: '2026-04-15' });
});
afterAll(() => t?.close());

/** Asks one analytics query (each TestAnalytics… document selects one field, narrowed by `filter`) and answers that field. */
async function ask<TResult extends object>(
  document: TypedDocumentNode<TResult, { filter?: AnalyticsFilter | null }>,
  filter: AnalyticsFilter = {},
  credential = analyst,
): Promise<TResult[keyof TResult]> {
  const res = await t.gql(document, { filter }, credential);
  expect(res.errors).toBeUndefined();
  const [answer] = Object.values(res.data!) as TResult[keyof TResult][];
  return answer!;
}

const RATE = TestAnalyticsClaimRatesDocument;
const nonZero = (points: { claims: number }[]) => points.filter((point) => point.claims > 0);

describe('claim rate per 1000 units in the field', () => {
  it('counts each month’s claims against the units received by the end of that month, per model', async () => {
    const points = await ask(RATE);
    expect(points).toHaveLength(24); // two models × the 12 months of the default claim period
    expect(points[0]).toEqual({ modelName: 'Alpha', month: '2025-07', claims: 0, unitsInField: 0, ratePer1000: null });
    expect(nonZero(points)).toEqual([
      { modelName: 'Alpha', month: '2026-02', claims: 1, unitsInField: 4, ratePer1000: 250 },
      { modelName: 'Alpha', month: '2026-03', claims: 2, unitsInField: 6, ratePer1000: 2000 / 6 },
      { modelName: 'Beta', month: '2026-04', claims: 2, unitsInField: 5, ratePer1000: 400 },
    ]);
    expect(points.find((p) => p.modelName === 'Alpha' && p.month === '2026-06')).toMatchObject({ claims: 0, unitsInField: 6, ratePer1000: 0 });
  });

  it('narrows to models, a customer, a form type, and receipt and claim periods', async () => {
    expect(nonZero(await ask(RATE, { modelIds: [String(beta.id)] }))).toEqual([
      { modelName: 'Beta', month: '2026-04', claims: 2, unitsInField: 5, ratePer1000: 400 },
    ]);
    expect(nonZero(await ask(RATE, { customerId: String(two.id) }))).toEqual([
      { modelName: 'Alpha', month: '2026-03', claims: 1, unitsInField: 2, ratePer1000: 500 },
    ]);
    expect(nonZero(await ask(RATE, { formType: 'REPLACEMENT' }))).toEqual([
      { modelName: 'Alpha', month: '2026-03', claims: 1, unitsInField: 6, ratePer1000: 1000 / 6 },
    ]);
    expect(nonZero(await ask(RATE, { receiptFrom: '2026-02', receiptTo: '2026-02' }))).toEqual([
      { modelName: 'Beta', month: '2026-04', claims: 2, unitsInField: 5, ratePer1000: 400 },
    ]);
    const march = await ask(RATE, { claimFrom: '2026-03', claimTo: '2026-03' });
    expect(march).toEqual([
      { modelName: 'Alpha', month: '2026-03', claims: 2, unitsInField: 6, ratePer1000: 2000 / 6 },
      { modelName: 'Beta', month: '2026-03', claims: 0, unitsInField: 5, ratePer1000: 0 },
    ]);
  });

  it('compares units of the same age: claims by months in service over the units that were that age in the period', async () => {
    const rates = await ask(TestAnalyticsRatesByMonthsInServiceDocument);
    // Alpha: 4 units received 2026-01 are 0…5 months in service by 2026-06, 2 received 2026-03 are 0…3.
    expect(rates.filter((r) => r.modelName === 'Alpha')).toEqual([
      { modelName: 'Alpha', monthsInService: 0, claims: 1, unitsExposed: 6, ratePer1000: 1000 / 6 },
      { modelName: 'Alpha', monthsInService: 1, claims: 1, unitsExposed: 6, ratePer1000: 1000 / 6 },
      { modelName: 'Alpha', monthsInService: 2, claims: 1, unitsExposed: 6, ratePer1000: 1000 / 6 },
      { modelName: 'Alpha', monthsInService: 3, claims: 0, unitsExposed: 6, ratePer1000: 0 },
      { modelName: 'Alpha', monthsInService: 4, claims: 0, unitsExposed: 4, ratePer1000: 0 },
      { modelName: 'Alpha', monthsInService: 5, claims: 0, unitsExposed: 4, ratePer1000: 0 },
    ]);
    expect(rates.filter((r) => r.modelName === 'Beta').map((r) => [r.monthsInService, r.claims, r.unitsExposed])).toEqual([
      [0, 0, 5],
      [1, 0, 5],
      [2, 2, 5],
      [3, 0, 5],
      [4, 0, 5],
    ]);
  });
});

describe('failure modes', () => {
  it('ranks findings and faulty part categories with their cumulative share', async () => {
    const modes = await ask(TestAnalyticsFailureModesDocument);
    expect(modes).toEqual({
      findings: [
        { code: 'HUMAN_DAMAGE', count: 2, share: 2 / 3, cumulativeShare: 2 / 3 },
        { code: 'WATER_DAMAGE', count: 1, share: 1 / 3, cumulativeShare: 1 },
      ],
      partCategories: [
        { code: 'BATTERY', count: 1, cumulativeShare: 0.25 },
        { code: 'HOUSING', count: 1, cumulativeShare: 0.5 },
        { code: 'LCD', count: 1, cumulativeShare: 0.75 },
        { code: 'MAINBOARD', count: 1, cumulativeShare: 1 },
      ],
    });
    expect(await ask(TestAnalyticsFindingCountsDocument, { modelIds: [String(alpha.id)] })).toEqual({
      findings: [{ code: 'HUMAN_DAMAGE', count: 1 }],
    });
    // Narrowed to a customer or a receipt period, the same figures come from the finer rollup.
    expect(await ask(TestAnalyticsFindingCountsDocument, { customerId: String(two.id) })).toEqual({ findings: [] });
    expect(await ask(TestAnalyticsFindingCountsDocument, { receiptFrom: '2026-02' })).toEqual({
      findings: [
        { code: 'HUMAN_DAMAGE', count: 1 },
        { code: 'WATER_DAMAGE', count: 1 },
      ],
    });
  });
});

describe('warranty cost', () => {
  it('adds the covered lines’ material cost per model and month, per unit sold, with paid-maintenance revenue beside it', async () => {
    const points = await ask(TestAnalyticsWarrantyCostDocument);
    expect(points.filter((p) => p.claims > 0)).toEqual([
      { modelName: 'Alpha', month: '2026-02', claims: 1, warrantyCost: 900, paidRevenue: 0, unitsInField: 4, costPerUnit: 225 },
      { modelName: 'Alpha', month: '2026-03', claims: 2, warrantyCost: 3000, paidRevenue: 500, unitsInField: 6, costPerUnit: 500 },
      { modelName: 'Beta', month: '2026-04', claims: 2, warrantyCost: 0, paidRevenue: 0, unitsInField: 5, costPerUnit: 0 },
    ]);
  });
});

describe('decisions and turnaround', () => {
  it('counts the decisions per month of claim', async () => {
    expect(await ask(TestAnalyticsDecisionMixDocument)).toEqual([
      { month: '2026-02', decision: 'WARRANTY_REPAIR', claims: 1 },
      { month: '2026-03', decision: 'PAID_MAINTENANCE', claims: 1 },
      { month: '2026-03', decision: 'WARRANTY_REPLACEMENT', claims: 1 },
      { month: '2026-04', decision: 'NOT_COVERED', claims: 1 },
    ]);
  });

  it('gives the median and 90th percentile of days to ship back per centre, over the period and per month', async () => {
    const rows = await ask(TestAnalyticsTurnaroundDocument);
    // Lyon shipped back after 10, 4 and 6 days; Porto after 20 (nearest rank).
    expect(rows).toEqual([
      { serviceCentreName: 'Lyon', month: null, shippedBack: 3, medianDays: 6, p90Days: 10 },
      { serviceCentreName: 'Lyon', month: '2026-02', shippedBack: 1, medianDays: 10, p90Days: 10 },
      { serviceCentreName: 'Lyon', month: '2026-03', shippedBack: 1, medianDays: 4, p90Days: 4 },
      { serviceCentreName: 'Lyon', month: '2026-04', shippedBack: 1, medianDays: 6, p90Days: 6 },
      { serviceCentreName: 'Porto', month: null, shippedBack: 1, medianDays: 20, p90Days: 20 },
      { serviceCentreName: 'Porto', month: '2026-03', shippedBack: 1, medianDays: 20, p90Days: 20 },
    ]);
    expect(await ask(TestAnalyticsTurnaroundMedianDocument, { customerId: String(two.id) })).toEqual([
      { serviceCentreName: 'Porto', month: null, medianDays: 20 },
      { serviceCentreName: 'Porto', month: '2026-03', medianDays: 20 },
    ]);
    expect(await ask(TestAnalyticsDecisionMixDocument, { receiptTo: '2026-01' })).toEqual([
      { month: '2026-02', decision: 'WARRANTY_REPAIR', claims: 1 },
      { month: '2026-03', decision: 'PAID_MAINTENANCE', claims: 1 },
    ]);
  });
});

describe('the Nevada chart', () => {
  const NEVADA = TestAnalyticsNevadaChartDocument;

  it('crosses the month units were received with the month of claim, count and rate per 1000 of that month’s units', async () => {
    const chart = await ask(NEVADA, { claimFrom: '2026-01', claimTo: '2026-04' });
    expect(chart.claimMonths).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    const grid = chart.rows.map((row) => [row.receiptMonth, row.units, ...row.cells.map((cell) => cell.claims)]);
    expect(grid).toEqual([
      ['2026-01', 4, 0, 1, 1, 0],
      ['2026-02', 5, 0, 0, 0, 2],
      ['2026-03', 2, 0, 0, 1, 0],
    ]);
    expect(chart.rows[0]!.cells[1]).toEqual({ claimMonth: '2026-02', claims: 1, ratePer1000: 250 });
    expect(chart.rows[1]!.cells[3]).toEqual({ claimMonth: '2026-04', claims: 2, ratePer1000: 400 });
  });

  it('downloads as CSV with the same filter, credentials and error format', async () => {
    const base = t.url.replace('/graphql', '/api/analytics/nevada.csv');
    const response = await fetch(`${base}?claimFrom=2026-03&claimTo=2026-04&modelIds=${alpha.id}`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await response.text()).trim().split('\n')).toEqual([
      'receiptMonth,units,claimMonth,claims,ratePer1000',
      '2026-01,4,2026-03,1,250.000',
      '2026-01,4,2026-04,0,0.000',
      '2026-03,2,2026-03,1,500.000',
      '2026-03,2,2026-04,0,0.000',
    ]);
    expect((await fetch(base)).status).toBe(401);
    const forbidden = await fetch(base, { headers: { authorization: `Bearer ${agent}` } });
    expect(forbidden.status).toBe(403);
    const bad = await fetch(`${base}?claimFrom=2026-13`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.claimFrom' });
  });
});

describe('the reliability forecast', () => {
  it('fits a Weibull to each model’s claims by months in service, with the units still without a claim censored', async () => {
    const forecast = (await ask(TestAnalyticsReliabilityForecastDocument, { modelIds: [String(alpha.id)] }))[0]!;
    // Complete months up to 2026-05: units of 2026-01 are 4 months in service, of 2026-03 two.
    // Claims at 1 and 2 months (2026-01 units) and 0 months (2026-03 units) fail at the month's middle;
    // 2 + 1 units without a claim run on at 4.5 and 2.5 months.
    const observations = [
      { time: 1.5, censored: false, count: 1 },
      { time: 2.5, censored: false, count: 1 },
      { time: 4.5, censored: true, count: 2 },
      { time: 0.5, censored: false, count: 1 },
      { time: 2.5, censored: true, count: 1 },
    ];
    const fit = fitWeibull(observations);
    expect(forecast).toMatchObject({ modelName: 'Alpha', units: 6, claims: 3 });
    expect(forecast.shape).toBeCloseTo(fit.shape, 9);
    expect(forecast.scale).toBeCloseTo(fit.scale, 9);
    expect(forecast.b10).toBeCloseTo(fit.b10, 9);
    expect(forecast.shapeBand!.lower).toBeLessThan(fit.shape);
    expect(forecast.b10Band!.upper).toBeGreaterThan(fit.b10);
    expect(forecast.curve).toHaveLength(36);
    // Observed by the end of month in service 0: 1 of 6 units.
    expect(forecast.curve[0]!.observed).toBeCloseTo(1 / 6, 12);
    expect(forecast.curve[0]!.lower).toBeLessThan(forecast.curve[0]!.fitted);
    const expected = expectedClaims(fit, [
      { age: 4.5, units: 2 },
      { age: 2.5, units: 1 },
    ]);
    expect(forecast.expected.map((e) => e.month)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
    ]);
    forecast.expected.forEach((e, index) => expect(e.claims).toBeCloseTo(expected[index]!, 9));
  });

  it('has no fit for a model without claims', async () => {
    const empty = await aModel(t.app.orm.em.fork(), { name: 'Gamma' });
    await units(t.app.orm.em.fork(), empty, one, '2026-01-10', 2);
    const [forecast] = await ask(TestAnalyticsForecastOutlineDocument, { modelIds: [String(empty.id)] });
    expect(forecast).toEqual({ modelName: 'Gamma', units: 2, claims: 0, shape: null, curve: [], expected: [] });
  });
});

describe('early warning', () => {
  it('raises no flag on the small set', async () => {
    const report = await ask(TestAnalyticsEarlyWarningSummaryDocument);
    expect(report.flags).toEqual([]);
    expect(report.cohortsTested).toBeGreaterThan(0);
    expect(report.threshold).toBeCloseTo(0.01 / report.cohortsTested, 15);
  });

  it('flags the receipt month of a model whose units claim three times as often, with its evidence', async () => {
    // Delta: 200 units a month from 2025-01 to 2025-12, each month 1 % of them claims per month in service;
    // the units of 2025-06 claim 3 %.
    const em = t.app.orm.em.fork();
    const delta = await aModel(em, { name: 'Delta' });
    const conn = em.getConnection();
    const order = await anOrder(em, { model: delta, customer: one, quantity: 2400, receivedOn: '2025-01-01' });
    await conn.execute(
      `insert into device (imei, barcode, order_id, model_id, customer_id, received_on)
       select lpad((900000000000000 + n)::text, 15, '0'), 'D' || n, ?, ?, ?, make_date(2025, (n - 1) / 200 + 1, 10)
         from generate_series(1, 2400) n`,
      [order.id, delta.id, one.id],
    );
    // Of each month's 200 units, a different slice claims at each month in service k: 2 units (1 %), or 6 (3 %) for 2025-06.
    await conn.execute(
      `insert into claim (device_id, customer_id, model_id, form_type, ci_number, symptoms, data_backup_acknowledged, status, submitted_on)
       select d.id, d.customer_id, d.model_id, 'REPAIR', 'CI', 'x', true, 'SUBMITTED', (d.received_on + make_interval(months => k))::date
         from device d
         cross join generate_series(0, 11) k
        where d.model_id = ? and (d.received_on + make_interval(months => k))::date < '2026-06-01'
          and d.id % 200 >= k * 16
          and d.id % 200 < k * 16 + (case when extract(month from d.received_on) = 6 then 6 else 2 end)`,
      [delta.id],
    );
    const report = await ask(TestAnalyticsEarlyWarningFlagsDocument, { modelIds: [String(delta.id)] });
    expect(report.flags).toHaveLength(1);
    const [flag] = report.flags;
    expect(flag).toMatchObject({ modelName: 'Delta', receiptMonth: '2025-06', units: 200, monthsCompared: 12 });
    expect(flag!.ratio).toBeGreaterThan(2.5);
    expect(flag!.pValue).toBeLessThan(1e-6);
  });
});

describe('rollups kept current', () => {
  it('moves with a claim submitted through the API, in the same transaction', async () => {
    const em = t.app.orm.em.fork();
    const [device] = await units(em, beta, two, '2026-05-02', 1);
    const before = await ask(RATE, { modelIds: [String(beta.id)], claimFrom: '2026-06', claimTo: '2026-06' });
    expect(before).toEqual([{ modelName: 'Beta', month: '2026-06', claims: 0, unitsInField: 6, ratePer1000: 0 }]);
    const admin = await t.login();
    const submitted = await t.gql(
      TestAnalyticsSubmitClaimDocument,
      { input: { imei: device!.imei, formType: 'REPAIR', ciNumber: 'CI-9', symptoms: 'No power', dataBackupAcknowledged: true } },
      admin,
    );
    expect(submitted.errors).toBeUndefined();
    const after = await ask(RATE, { modelIds: [String(beta.id)], claimFrom: '2026-06', claimTo: '2026-06' });
    expect(after).toEqual([{ modelName: 'Beta', month: '2026-06', claims: 1, unitsInField: 6, ratePer1000: 1000 / 6 }]);
  });

  it('analytics_month() gives the first day of the month of every date', async () => {
    const conn = t.app.orm.em.fork().getConnection();
    const [row] = await conn.execute<{ days: number; wrong: number }[]>(
      `select count(*)::int as days, count(*) filter (where analytics_month(d::date) is distinct from date_trunc('month', d)::date)::int as wrong
         from generate_series(date '1999-12-01', date '2101-03-01', interval '1 day') d`,
    );
    expect(row).toEqual({ days: 36981, wrong: 0 });
  });

  it('analytics_rebuild() recomputes exactly what the triggers kept', async () => {
    const conn = t.app.orm.em.fork().getConnection();
    const MEASURES = ['units', 'claims', 'warranty_cost', 'paid_revenue', 'count'];
    const tables = (await conn.execute<{ rollup: string }[]>(`select distinct rollup from analytics_rollup order by 1`)).map((row) => row.rollup);
    expect(tables).toHaveLength(11);
    // Every rollup, fine and coarse, without the cells that came back to zero.
    const snapshot = async () =>
      Object.fromEntries(
        await Promise.all(
          tables.map(async (table): Promise<[string, string[]]> => [
            table,
            (await conn.execute<Record<string, unknown>[]>(`select * from ${table}`))
              .filter((row) => MEASURES.some((measure) => Number(row[measure] ?? 0) !== 0))
              .map((row) => JSON.stringify(row))
              .sort(),
          ]),
        ),
      );
    const kept = await snapshot();
    expect(kept['analytics_claims']!.length).toBeGreaterThan(5);
    await conn.execute('select analytics_rebuild()');
    expect(await snapshot()).toEqual(kept);
  });

  it('answers a question again from its cache until the rollups’ version moves', async () => {
    const conn = t.app.orm.em.fork().getConnection();
    const filter = { modelIds: [String(alpha.id)], claimFrom: '2026-02', claimTo: '2026-02' };
    const first = await ask(RATE, filter);
    expect(first).toEqual([{ modelName: 'Alpha', month: '2026-02', claims: 1, unitsInField: 4, ratePer1000: 250 }]);
    // A rollup changed behind the triggers' back (no writer does this): the version did not move, the cached answer stands.
    const poke = (by: number) =>
      conn.execute(`update analytics_claims_by_model set claims = claims + ? where model_id = ? and claim_month = '2026-02-01'`, [by, alpha.id]);
    await poke(2);
    try {
      expect(await ask(RATE, filter)).toEqual(first);
      await conn.execute('select analytics_bump_version()');
      expect((await ask(RATE, filter))[0]!.claims).toBe(3);
    } finally {
      await poke(-2);
      await conn.execute('select analytics_bump_version()');
    }
    expect(await ask(RATE, filter)).toEqual(first);
  });

  it('writes nothing to the rollups when a claim only changes status', async () => {
    const conn = t.app.orm.em.fork().getConnection();
    const total = async () =>
      (
        await conn.execute<{ n: string; version: string }[]>(
          'select (select sum(claims) from analytics_claims_by_model) as n, (select sum(version) from analytics_version) as version',
        )
      )[0]!;
    const before = await total();
    const { count } = (await conn.execute<{ count: string }[]>(`select count(*) from claim where status = 'SHIPPED'`))[0]!;
    expect(Number(count)).toBeGreaterThan(0);
    await conn.execute(`update claim set status = 'CLOSED' where status = 'SHIPPED'`);
    // Nothing moved: the rollups' version stays, and so do the answers cached under it.
    expect(await total()).toEqual(before);
  });
});

describe('who may ask', () => {
  it('is for analysts and administrators only, and names a bad month', async () => {
    const refused = await t.gql(TestAnalyticsClaimRateMonthsDocument, {}, agent);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await t.gql(TestAnalyticsNevadaMonthsDocument, { filter: { receiptFrom: '2026-1' } }, analyst);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.receiptFrom' });
    const backwards = await t.gql(TestAnalyticsTurnaroundMonthsDocument, { filter: { claimFrom: '2026-05', claimTo: '2026-01' } }, analyst);
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.claimFrom' });
  });
});
