import { buildSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallerRole } from './platform/actor.js';
import { createResolvers } from './app.js';
import { TokenSigner } from './auth/credentials.js';
import { printAppSchema } from './emit-schema.js';
import { systemClock } from './platform/clock.js';
import { aCustomer, anApiKey, aStaffUser } from './testing/factories.js';
import { startTestApp, type TestApp } from './testing/test-app.js';

const ALL_STAFF: CallerRole[] = ['ADMIN', 'AGENT', 'TECHNICIAN', 'ANALYST'];
const X = '"999999"';

/**
 * Who may call what: one line per operation of the schema. The inputs are
 * valid GraphQL but point at nothing, so an allowed call ends in NOT_FOUND or
 * BAD_USER_INPUT and changes nothing; a refused one must end in FORBIDDEN.
 */
const matrix: [operation: string, allowed: CallerRole[]][] = [
  ['{ me { email } }', ALL_STAFF],
  ['{ claims { total } }', [...ALL_STAFF, 'INTEGRATOR']],
  ['{ claimsConnection { totalCount } }', [...ALL_STAFF, 'INTEGRATOR']],
  ['{ claimStatusCounts { count } }', [...ALL_STAFF, 'INTEGRATOR']],
  [`{ claim(id: ${X}) { id } }`, [...ALL_STAFF, 'INTEGRATOR']],
  ['{ devices { total } }', [...ALL_STAFF, 'INTEGRATOR']],
  ['{ devicesConnection { totalCount } }', [...ALL_STAFF, 'INTEGRATOR']],
  [`{ device(id: ${X}) { id } }`, [...ALL_STAFF, 'INTEGRATOR']],
  ['{ warrantyStatus(imei: "490154203237518") { imei } }', [...ALL_STAFF, 'INTEGRATOR']],
  ['{ customers { total } }', ALL_STAFF],
  ['{ customersConnection { totalCount } }', ALL_STAFF],
  [`{ customer(id: ${X}) { id } }`, ALL_STAFF],
  ['{ productModels { total } }', ALL_STAFF],
  ['{ productModelsConnection { totalCount } }', ALL_STAFF],
  [`{ productModel(id: ${X}) { id } }`, ALL_STAFF],
  ['{ serviceCentres { total } }', ALL_STAFF],
  ['{ serviceCentresConnection { totalCount } }', ALL_STAFF],
  [`{ serviceCentre(id: ${X}) { id } }`, ALL_STAFF],
  ['{ parts { total } }', ALL_STAFF],
  ['{ partsConnection { totalCount } }', ALL_STAFF],
  [`{ part(id: ${X}) { id } }`, ALL_STAFF],
  ['{ policyClauses { code } }', [...ALL_STAFF, 'INTEGRATOR']],
  ['{ policyFindings { code } }', [...ALL_STAFF, 'INTEGRATOR']],
  ['{ warrantyPolicy { version } }', [...ALL_STAFF, 'INTEGRATOR']],
  ['{ warrantyPolicies { version } }', ALL_STAFF],
  ['{ users { total } }', ['ADMIN']],
  ['{ usersConnection { totalCount } }', ['ADMIN']],
  ['{ signInAttempts { total } }', ['ADMIN']],
  ['mutation { changePassword(currentPassword: "not-the-password", newPassword: "Quartz-Violin-Harbor-42") { token } }', ALL_STAFF],
  [`{ user(id: ${X}) { id } }`, ['ADMIN']],
  [`{ apiKeys(customerId: ${X}) { id } }`, ['ADMIN']],
  [
    `mutation { submitClaim(input: { imei: "490154203237518", formType: REPAIR, ciNumber: "x", symptoms: "y", dataBackupAcknowledged: true }) { id } }`,
    ['ADMIN', 'AGENT', 'INTEGRATOR'],
  ],
  [`mutation { createCustomer(input: { code: "bad code", name: "x", country: "DE" }) { id } }`, ['ADMIN', 'AGENT']],
  [`mutation { updateCustomer(input: { id: ${X}, version: 1 }) { id } }`, ['ADMIN', 'AGENT']],
  [`mutation { createServiceCentre(input: { code: "bad code", name: "x", city: "y", country: "DE", address: "z" }) { id } }`, ['ADMIN']],
  [`mutation { updateServiceCentre(input: { id: ${X}, version: 1 }) { id } }`, ['ADMIN']],
  [`mutation { createProductModel(input: { code: "bad code", name: "x", kind: "PHONE", barcodePattern: "x" }) { id } }`, ['ADMIN']],
  [`mutation { updateProductModel(input: { id: ${X}, version: 1 }) { id } }`, ['ADMIN']],
  [`mutation { createPart(input: { modelId: ${X}, sku: "x", name: "x", category: OTHER, materialCost: 1 }) { id } }`, ['ADMIN']],
  [`mutation { updatePart(input: { id: ${X}, version: 1 }) { id } }`, ['ADMIN']],
  [`mutation { createUser(input: { email: "bad", name: "x", role: AGENT, password: "x" }) { id } }`, ['ADMIN']],
  [`mutation { updateUser(input: { id: ${X}, version: 1 }) { id } }`, ['ADMIN']],
  [`mutation { createApiKey(input: { customerId: ${X}, name: "x" }) { secret } }`, ['ADMIN']],
  [`mutation { revokeApiKey(id: ${X}) { id } }`, ['ADMIN']],
  ['{ orders { total } }', ALL_STAFF],
  ['{ ordersConnection { totalCount } }', ALL_STAFF],
  [`{ order(id: ${X}) { id } }`, ALL_STAFF],
  [`mutation { createOrder(input: { customerId: ${X}, modelId: ${X}, quantity: 1 }) { id } }`, ['ADMIN', 'AGENT']],
  [`mutation { updateOrder(input: { id: ${X}, version: 1 }) { id } }`, ['ADMIN', 'AGENT']],
  [`mutation { recordOrderReceipt(input: { id: ${X}, version: 1, receivedOn: "2026-01-01" }) { id } }`, ['ADMIN', 'AGENT']],
  [`mutation { importDevices(orderId: ${X}, csv: "imei,barcode") { imported } }`, ['ADMIN', 'AGENT']],
  ['{ stockLevels { total } }', ALL_STAFF],
  ['{ stockLevelsConnection { totalCount } }', ALL_STAFF],
  [`{ stockLevel(id: "999999:999999") { id } }`, ALL_STAFF],
  ['{ stockMovements { total } }', ALL_STAFF],
  ['{ stockMovementsConnection { totalCount } }', ALL_STAFF],
  [`mutation { receiveStock(input: { serviceCentreId: ${X}, partId: ${X}, quantity: 1 }) { id } }`, ['ADMIN', 'TECHNICIAN']],
  [`mutation { adjustStock(input: { serviceCentreId: ${X}, partId: ${X}, delta: 1, reason: "x" }) { id } }`, ['ADMIN', 'TECHNICIAN']],
  [`mutation { consumeStock(input: { serviceCentreId: ${X}, partId: ${X}, quantity: 1 }) { id } }`, ['ADMIN', 'TECHNICIAN']],
  [`mutation { updateStockSettings(input: { id: "999999:999999", version: 1, lowStockThreshold: 1 }) { id } }`, ['ADMIN', 'TECHNICIAN']],
  ...claimSteps([
    ['startRemoteDiagnosis', 'AGENT', ''],
    ['resolveClaimRemotely', 'AGENT', 'how: GUIDANCE, resolution: "x"'],
    ['requestUnit', 'AGENT', `serviceCentreId: ${X}`],
    ['receiveUnit', 'TECHNICIAN', 'carrier: "x", trackingNumber: "x", shippedOn: "2026-01-01"'],
    ['startInspection', 'TECHNICIAN', ''],
    ['recordAssessment', 'TECHNICIAN', 'findings: [], lines: []'],
    ['recordMaintenanceAgreement', 'AGENT', 'signedOn: "2026-01-01", signedBy: "x"'],
    ['declineMaintenanceAgreement', 'AGENT', ''],
    ['approveQuote', 'AGENT', ''],
    ['declineQuote', 'AGENT', ''],
    ['completeRepair', 'TECHNICIAN', ''],
    ['replaceUnit', 'TECHNICIAN', 'imei: "490154203237518", barcode: "x"'],
    ['shipClaim', 'AGENT', 'carrier: "x", trackingNumber: "x", shippedOn: "2026-01-01"'],
    ['closeClaim', 'AGENT', ''],
    ['cancelClaim', 'AGENT', 'note: "x"'],
  ]),
  [`{ proposeAssessment(claimId: ${X}, input: { findings: [], lines: [] }) { decision } }`, ['ADMIN', 'TECHNICIAN']],
  ['{ invoices { total } }', [...ALL_STAFF, 'INTEGRATOR']],
  ['{ invoicesConnection { totalCount } }', [...ALL_STAFF, 'INTEGRATOR']],
  [`{ invoice(id: ${X}) { id } }`, [...ALL_STAFF, 'INTEGRATOR']],
  [`mutation { issueInvoice(input: { id: ${X}, version: 1 }) { id } }`, ['ADMIN', 'AGENT']],
  [`mutation { markInvoicePaid(input: { id: ${X}, version: 1, paidOn: "2026-01-01" }) { id } }`, ['ADMIN', 'AGENT']],
  [`mutation { voidInvoice(input: { id: ${X}, version: 1, reason: "x" }) { id } }`, ['ADMIN', 'AGENT']],
  ...[
    '{ claimRates { month } }',
    '{ claimRatesByMonthsInService { monthsInService } }',
    '{ failureModes { findings { code } } }',
    '{ warrantyCost { month } }',
    '{ decisionMix { month } }',
    '{ turnaround { month } }',
    '{ nevadaChart { claimMonths } }',
    '{ reliabilityForecast { modelId } }',
    '{ earlyWarnings { threshold } }',
  ].map((query): [string, CallerRole[]] => [query, ['ADMIN', 'ANALYST']]),
  ['{ claimEvents { edges { cursor } } }', [...ALL_STAFF, 'INTEGRATOR']],
  [`{ webhookEndpoints(customerId: ${X}) { id } }`, ['ADMIN', 'INTEGRATOR']],
  [`{ webhookDeliveries(endpointId: ${X}) { id } }`, ['ADMIN', 'INTEGRATOR']],
  [`mutation { createWebhookEndpoint(input: { customerId: ${X}, url: "https://10.0.0.1/" }) { secret } }`, ['ADMIN', 'INTEGRATOR']],
  [`mutation { enableWebhookEndpoint(id: ${X}) { id } }`, ['ADMIN', 'INTEGRATOR']],
  [`mutation { disableWebhookEndpoint(id: ${X}) { id } }`, ['ADMIN', 'INTEGRATOR']],
  [`mutation { rotateWebhookSecret(id: ${X}) { secret } }`, ['ADMIN', 'INTEGRATOR']],
  [`mutation { redeliverWebhook(id: ${X}) { id } }`, ['ADMIN', 'INTEGRATOR']],
];

/** Subscriptions run over WebSocket only: their access is tested in events/events.test.ts. */
const overWebSocket = ['claimUpdates'];

/** A claim step is for ADMIN and the one role whose work it is (POLICY.md §4). */
function claimSteps(steps: [mutation: string, role: CallerRole, fields: string][]): [string, CallerRole[]][] {
  return steps.map(([mutation, role, fields]) => [
    `mutation { ${mutation}(input: { id: ${X}, version: 1 ${fields ? `, ${fields}` : ''} }) { id } }`,
    ['ADMIN', role],
  ]);
}

/** The plain HTTP routes beside /graphql, the same way: pointing at nothing, allowed callers get anything but FORBIDDEN. */
const routes: [method: 'GET' | 'POST', path: string, allowed: CallerRole[]][] = [
  ['POST', '/api/orders/999999/devices/import', ['ADMIN', 'AGENT']],
  ['GET', '/api/devices.csv?orderId=999999', [...ALL_STAFF, 'INTEGRATOR']],
  ['GET', '/api/invoices/999999.pdf', [...ALL_STAFF, 'INTEGRATOR']],
  ['POST', '/api/claims/999999/attachments', ['ADMIN', 'AGENT', 'TECHNICIAN', 'INTEGRATOR']],
  ['GET', '/api/attachments/999999', [...ALL_STAFF, 'INTEGRATOR']],
  ['GET', '/api/analytics/nevada.csv', ['ADMIN', 'ANALYST']],
];

let t: TestApp;
const credentials = new Map<CallerRole, string>();
beforeAll(async () => {
  t = await startTestApp();
  const em = t.app.orm.em.fork();
  credentials.set('ADMIN', await t.login());
  for (const role of ['AGENT', 'TECHNICIAN', 'ANALYST'] as const) {
    const user = await aStaffUser(em, role);
    credentials.set(role, await t.login(user.email, user.password));
  }
  credentials.set('INTEGRATOR', await anApiKey(em, await aCustomer(em)));
});
afterAll(() => t?.close());

describe('access control', () => {
  // login and refreshSession are the public operations; logout would end the session the matrix signs in with (sign-in-security.test.ts covers it).
  it('has a line for every operation of the schema (login is the one public operation)', async () => {
    const schema = buildSchema(await printAppSchema());
    const operations = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) => Object.keys(type?.getFields() ?? {}));
    const listed = matrix.map(([op]) => /^(?:mutation\s*)?\{\s*(\w+)/.exec(op)![1]);
    expect(
      operations.filter((name) => !['login', 'refreshSession', 'logout'].includes(name) && !listed.includes(name) && !overWebSocket.includes(name)),
    ).toEqual([]);
  });

  it.each(matrix)('answers UNAUTHENTICATED without a credential: %s', async (op) => {
    const res = await t.gql(op);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(matrix)('lets exactly the allowed roles through: %s', async (op, allowed) => {
    for (const [role, credential] of credentials) {
      const code = (await t.gql(op, {}, credential)).errors?.[0]?.extensions?.code;
      if (allowed.includes(role)) expect([role, code]).not.toEqual([role, 'FORBIDDEN']);
      else expect([role, code]).toEqual([role, 'FORBIDDEN']);
    }
  });

  it('has a line for every HTTP route', () => {
    const declared = createResolvers(new TokenSigner('x'.repeat(32), '1h'), systemClock).routes.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    const listed = routes.map(([method, path]) => `${method} ${path.replace('999999', ':id').replace(/\?.*/, '')}`);
    expect(declared.sort()).toEqual(listed.sort());
  });

  it.each(routes)('lets exactly the allowed roles call %s %s', async (method, path, allowed) => {
    const call = (headers: Record<string, string>) =>
      fetch(t.url.replace('/graphql', path), { method, headers, ...(method === 'POST' && { body: 'imei,barcode\n' }) });
    expect((await call({})).status).toBe(401);
    for (const [role, credential] of credentials) {
      const { status } = await call({ authorization: `Bearer ${credential}` });
      if (allowed.includes(role)) expect([role, status]).not.toEqual([role, 403]);
      else expect([role, status]).toEqual([role, 403]);
    }
  });

  it('answers UNAUTHENTICATED to a forged token and to a malformed API key', async () => {
    for (const credential of ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.bm90LXNpZ25lZA', `ask_000000000000_${'a'.repeat(43)}`]) {
      expect((await t.gql('{ claims { total } }', {}, credential)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
