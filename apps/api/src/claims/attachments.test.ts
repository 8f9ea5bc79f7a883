import { TestClaimsAttachmentsDocument, TestClaimsSubmitIdDocument } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, aDevice, anApiKey, aStaffUser } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let agent: string;
let analyst: string;
let claimId: string;
let base: string;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

beforeAll(async () => {
  t = await startTestApp();
  base = t.url.replace('/graphql', '');
  const em = t.app.orm.em.fork();
  const [a, b] = [await aStaffUser(em, 'AGENT'), await aStaffUser(em, 'ANALYST')];
  [agent, analyst] = [await t.login(a.email, a.password), await t.login(b.email, b.password)];
  const device = await aDevice(em);
  const res = await t.gql(
    TestClaimsSubmitIdDocument,
    { input: { imei: device.imei, formType: 'REPAIR', ciNumber: 'CI-1', symptoms: 'Cracked', dataBackupAcknowledged: true } },
    agent,
  );
  claimId = res.data!.submitClaim.id;
});
afterAll(() => t?.close());

const upload = (body: Buffer, query: string, credential = agent, claim = claimId) =>
  fetch(`${base}/api/claims/${claim}/attachments?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/octet-stream' },
    body,
  });

describe('claim attachments', () => {
  it('stores a photo checked by its content, lists it on the claim, logs it, and serves it back', async () => {
    const response = await upload(PNG, 'kind=PHOTO&filename=front.png');
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: number };
    expect(created).toMatchObject({ kind: 'PHOTO', filename: 'front.png', contentType: 'image/png', size: PNG.length });
    const claim = await t.gql(TestClaimsAttachmentsDocument, { id: claimId }, analyst);
    expect(claim.data!.claim.attachments).toEqual([{ id: String(created.id), filename: 'front.png', contentType: 'image/png', size: PNG.length }]);
    expect(claim.data!.claim.events.map((e) => e.type)).toContain('ATTACHMENT_ADDED');
    const download = await fetch(`${base}/api/attachments/${created.id}`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses what is not a photo or a PDF whatever its name, an empty or oversized file, and a bad kind', async () => {
    const script = await upload(Buffer.from('<script>alert(1)</script>'), 'kind=PHOTO&filename=photo.png');
    expect(script.status).toBe(400);
    expect(await script.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(await (await upload(Buffer.alloc(0), 'kind=PHOTO&filename=x.png')).json()).toMatchObject({ field: 'file' });
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect(await (await upload(big, 'kind=PHOTO&filename=big.png')).json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(await (await upload(PNG, 'kind=SELFIE&filename=x.png')).json()).toMatchObject({ field: 'kind' });
    const claim = await t.gql(TestClaimsAttachmentsDocument, { id: claimId }, analyst);
    expect(claim.data!.claim.attachments).toHaveLength(1);
  });

  it("keeps another customer's integrator away from the claim and its files; analysts only read", async () => {
    const stranger = await anApiKey(t.app.orm.em.fork(), await aCustomer(t.app.orm.em.fork()));
    expect((await upload(PNG, 'kind=PHOTO&filename=x.png', stranger)).status).toBe(404);
    const list = await t.gql(TestClaimsAttachmentsDocument, { id: claimId }, analyst);
    const id = list.data!.claim.attachments[0]!.id;
    expect((await fetch(`${base}/api/attachments/${id}`, { headers: { 'x-api-key': stranger } })).status).toBe(404);
    expect((await upload(PNG, 'kind=PHOTO&filename=x.png', analyst)).status).toBe(403);
  });
});
