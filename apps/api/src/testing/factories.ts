import { completeImei } from '@aftersale/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClaimStatus, Decision, StaffRole } from '@aftersale/domain';
import { ApiKey } from '../auth/api-key.entity.js';
import { hashPassword, newApiKey } from '../auth/credentials.js';
import { User } from '../auth/user.entity.js';
import { Customer } from '../catalogue/customer.entity.js';
import { Claim } from '../claims/claim.entity.js';
import { ProductModel } from '../catalogue/product-model.entity.js';
import { Device } from '../devices/device.entity.js';
import { Order } from '../orders/order.entity.js';

/**
 * Small builders for integration tests: each makes one row with sensible
 * defaults and returns it flushed. Tests build the world they need.
 */
let serial = 0;
const next = () => ++serial;

export async function aCustomer(em: EntityManager, overrides: Partial<Customer> = {}): Promise<Customer> {
  const n = next();
  const customer = em.create(Customer, { code: `C${n}`, name: `Customer ${n}`, country: 'DE', ...overrides });
  await em.flush();
  return customer;
}

export async function aModel(em: EntityManager, overrides: Partial<ProductModel> = {}): Promise<ProductModel> {
  const n = next();
  const model = em.create(ProductModel, { code: `M-${n}`, name: `Model ${n}`, kind: 'PHONE', barcodePattern: '^[0-9]{12}$', ...overrides });
  await em.flush();
  return model;
}

export async function anOrder(
  em: EntityManager,
  overrides: Partial<Omit<Order, 'customer' | 'model'>> & { customer?: Customer; model?: ProductModel } = {},
): Promise<Order> {
  const n = next();
  const order = em.create(Order, {
    number: `SO-T-${n}`,
    quantity: 100,
    receivedOn: '2026-01-15',
    ...overrides,
    customer: overrides.customer ?? (await aCustomer(em)),
    model: overrides.model ?? (await aModel(em)),
  });
  await em.flush();
  return order;
}

/** A unit with a valid IMEI (the 14 digits come from a counter). */
export async function aDevice(em: EntityManager, overrides: { order?: Order; receivedOn?: string | null; imei?: string } = {}): Promise<Device> {
  const order = overrides.order ?? (await anOrder(em));
  const n = next();
  const device = em.create(Device, {
    imei: overrides.imei ?? completeImei(`35${String(process.pid % 1000).padStart(3, '0')}${String(n).padStart(9, '0')}`),
    barcode: String(100000000000 + n),
    order,
    model: order.model,
    customer: order.customer,
    receivedOn: overrides.receivedOn ?? null,
  });
  await em.flush();
  return device;
}

/**
 * A claim row as the work queue sees it, in any status, for lists and counts:
 * written directly, without walking the steps of §4 (tests of the steps use the API).
 */
export async function aClaim(
  em: EntityManager,
  overrides: { device?: Device; status?: ClaimStatus; decision?: Decision | null; submittedOn?: string } = {},
): Promise<Claim> {
  const device = overrides.device ?? (await aDevice(em));
  const n = next();
  const claim = em.create(Claim, {
    device,
    customer: device.customer,
    model: device.model,
    formType: 'REPAIR',
    ciNumber: `CI-T-${n}`,
    symptoms: 'Does not charge',
    dataBackupAcknowledged: true,
    status: overrides.status ?? 'SUBMITTED',
    decision: overrides.decision ?? null,
    submittedOn: overrides.submittedOn ?? '2026-06-01',
  });
  await em.flush();
  return claim;
}

export async function aStaffUser(em: EntityManager, role: StaffRole, password = 'password-123'): Promise<User & { password: string }> {
  const n = next();
  const user = em.create(User, { email: `${role.toLowerCase()}${n}@test.local`, name: `${role} ${n}`, role, passwordHash: await hashPassword(password) });
  await em.flush();
  return Object.assign(user, { password });
}

/** An integrator key for a customer; returns the secret once, as an admin would see it. */
export async function anApiKey(em: EntityManager, customer: Customer): Promise<string> {
  const { key, prefix, secretHash } = newApiKey();
  em.create(ApiKey, { customer, name: `key-${next()}`, prefix, secretHash });
  await em.flush();
  return key;
}
