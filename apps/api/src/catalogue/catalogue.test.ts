import {
  TestCatalogueCreateCustomerDocument,
  TestCatalogueCreatePartDetailDocument,
  TestCatalogueCreatePartDocument,
  TestCatalogueCreateProductModelDocument,
  TestCatalogueCreateServiceCentreDocument,
  TestCatalogueCustomerCodesDocument,
  TestCatalogueCustomerDocument,
  TestCataloguePartCostsDocument,
  TestCataloguePartSkusDocument,
  TestCatalogueUpdateCustomerDocument,
  TestCatalogueUpdateCustomerEmailDocument,
  TestCatalogueUpdatePartDocument,
  TestCatalogueUserNamesDocument,
  type SortDirection,
} from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aModel, aStaffUser } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let admin: string;
let agent: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login();
  const user = await aStaffUser(t.app.orm.em.fork(), 'AGENT');
  agent = await t.login(user.email, user.password);
});
afterAll(() => t?.close());

const CREATE_CUSTOMER = TestCatalogueCreateCustomerDocument;
const UPDATE_CUSTOMER = TestCatalogueUpdateCustomerDocument;

describe('customers', () => {
  it('an agent creates a customer, normalising code and country', async () => {
    const res = await t.gql(CREATE_CUSTOMER, { input: { code: 'zen-1', name: ' Zenith Mobile ', country: 'fr', contactEmail: 'Ops@Zenith.example' } }, agent);
    expect(res.errors).toBeUndefined();
    expect(res.data!.createCustomer).toMatchObject({ code: 'ZEN-1', name: 'Zenith Mobile', country: 'FR', contactEmail: 'ops@zenith.example', version: 1 });
  });

  it.each([
    ['code', { code: 'no spaces!' }],
    ['name', { name: '   ' }],
    ['country', { country: 'France' }],
    ['contactEmail', { contactEmail: 'not-an-email' }],
  ])('refuses a bad %s, naming it', async (field, bad) => {
    const res = await t.gql(CREATE_CUSTOMER, { input: { code: 'OK-1', name: 'Ok', country: 'DE', ...bad } }, agent);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers CONFLICT for a duplicate code', async () => {
    await t.gql(CREATE_CUSTOMER, { input: { code: 'DUP', name: 'One', country: 'DE' } }, agent);
    const res = await t.gql(CREATE_CUSTOMER, { input: { code: 'dup', name: 'Two', country: 'DE' } }, agent);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
  });

  it('null clears the contact email but is refused for the name (a bug: it crashed)', async () => {
    const created = (await t.gql(CREATE_CUSTOMER, { input: { code: 'NULLS', name: 'Nulls', country: 'DE', contactEmail: 'a@b.example' } }, agent)).data!
      .createCustomer;
    const name = await t.gql(UPDATE_CUSTOMER, { input: { id: created.id, version: 1, name: null } }, agent);
    expect(name.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const cleared = await t.gql(TestCatalogueUpdateCustomerEmailDocument, { input: { id: created.id, version: 1, contactEmail: null } }, agent);
    expect(cleared.data!.updateCustomer).toEqual({ contactEmail: null });
  });

  it('refuses a stale edit with CONFLICT instead of overwriting', async () => {
    const created = (await t.gql(CREATE_CUSTOMER, { input: { code: 'EDIT', name: 'Before', country: 'DE' } }, agent)).data!.createCustomer;
    const first = await t.gql(UPDATE_CUSTOMER, { input: { id: created.id, version: 1, name: 'After' } }, agent);
    expect(first.data!.updateCustomer).toMatchObject({ name: 'After', version: 2 });
    const stale = await t.gql(UPDATE_CUSTOMER, { input: { id: created.id, version: 1, name: 'Lost update' } }, agent);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const read = await t.gql(TestCatalogueCustomerDocument, { id: created.id }, agent);
    expect(read.data!.customer.name).toBe('After');
  });
});

describe('sorting the catalogue lists', () => {
  it('sorts customers by code, parts by material cost and users by name, either way', async () => {
    for (const code of ['SRT-B', 'SRT-A', 'SRT-C']) await t.gql(CREATE_CUSTOMER, { input: { code, name: `Sort ${code}`, country: 'DE' } }, agent);
    const codes = async (direction: SortDirection) =>
      (await t.gql(TestCatalogueCustomerCodesDocument, { filter: { q: 'SRT-' }, sort: { field: 'CODE', direction } }, agent)).data!.customers.items.map(
        (c) => c.code,
      );
    expect(await codes('ASC')).toEqual(['SRT-A', 'SRT-B', 'SRT-C']);
    expect(await codes('DESC')).toEqual(['SRT-C', 'SRT-B', 'SRT-A']);
    const model = await aModel(t.app.orm.em.fork());
    for (const [sku, materialCost] of [
      ['SRT-1', 300],
      ['SRT-2', 900],
      ['SRT-3', 100],
    ] as const) {
      await t.gql(TestCatalogueCreatePartDocument, { input: { modelId: String(model.id), sku, name: sku, category: 'OTHER', materialCost } }, admin);
    }
    const costs = (
      await t.gql(TestCataloguePartCostsDocument, { filter: { modelId: String(model.id) }, sort: { field: 'MATERIAL_COST', direction: 'DESC' } }, agent)
    ).data!.parts.items.map((p) => p.materialCost);
    expect(costs).toEqual([900, 300, 100]);
    const names = (await t.gql(TestCatalogueUserNamesDocument, { sort: { field: 'NAME' } }, admin)).data!.users.items.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });
});

describe('models and parts', () => {
  it('an admin creates a model and its parts, priced in the policy currency', async () => {
    const model = await t.gql(
      TestCatalogueCreateProductModelDocument,
      { input: { code: 'ZX-9', name: 'Zed 9', kind: 'phone', barcodePattern: '^ZX9[0-9]{8}$' } },
      admin,
    );
    expect(model.data!.createProductModel).toMatchObject({ kind: 'PHONE', barcodePattern: '^ZX9[0-9]{8}$' });
    const part = await t.gql(
      TestCatalogueCreatePartDetailDocument,
      { input: { modelId: model.data!.createProductModel.id, sku: 'ZX9-BAT', name: 'Battery', category: 'BATTERY', materialCost: 1250 } },
      admin,
    );
    expect(part.data!.createPart).toEqual({ sku: 'ZX9-BAT', category: 'BATTERY', materialCost: 1250, currency: 'USD', model: { code: 'ZX-9' } });
    const list = await t.gql(TestCataloguePartSkusDocument, { filter: { modelId: model.data!.createProductModel.id, category: ['BATTERY'] } }, agent);
    expect(list.data!.parts).toEqual({ total: 1, items: [{ sku: 'ZX9-BAT' }] });
  });

  it('an edited part answers with its model (a bug: the model was a bare reference and asking its name failed)', async () => {
    const em = t.app.orm.em.fork();
    const model = await aModel(em, { name: 'Edit Model' });
    const created = await t.gql(
      TestCatalogueCreatePartDocument,
      { input: { modelId: String(model.id), sku: 'ED-1', name: 'Lens', category: 'CAMERA', materialCost: 500 } },
      admin,
    );
    const { id, version } = created.data!.createPart;
    const edited = await t.gql(TestCatalogueUpdatePartDocument, { input: { id, version, materialCost: 650 } }, admin);
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updatePart).toEqual({ materialCost: 650, model: { name: 'Edit Model' } });
  });

  it('refuses a barcode pattern that is not a regular expression and a fractional cost', async () => {
    const bad = await t.gql(TestCatalogueCreateProductModelDocument, { input: { code: 'BAD', name: 'Bad', kind: 'PHONE', barcodePattern: '([' } }, admin);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'barcodePattern' });
    const model = await aModel(t.app.orm.em.fork());
    const cost = await t.gql(
      TestCatalogueCreatePartDocument,
      { input: { modelId: String(model.id), sku: 'C-1', name: 'X', category: 'OTHER', materialCost: -5 } },
      admin,
    );
    expect(cost.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'materialCost' });
  });

  it('keeps models, parts and service centres to administrators', async () => {
    const res = await t.gql(TestCatalogueCreateServiceCentreDocument, { input: { code: 'SC-X', name: 'X', city: 'Y', country: 'DE', address: 'Z' } }, agent);
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
