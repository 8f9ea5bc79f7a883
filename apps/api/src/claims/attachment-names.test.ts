import { TestClaimsSubmitIdDocument } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDevice, aStaffUser } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let agent: string;
let claimId: string;
let base: string;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

beforeAll(async () => {
  t = await startTestApp();
  base = t.url.replace('/graphql', '');
  const em = t.app.orm.em.fork();
  const user = await aStaffUser(em, 'AGENT');
  agent = await t.login(user.email, user.password);
  const res = await t.gql(
    TestClaimsSubmitIdDocument,
    { input: { imei: (await aDevice(em)).imei, formType: 'REPAIR', ciNumber: 'CI-1', symptoms: 'Cracked', dataBackupAcknowledged: true } },
    agent,
  );
  claimId = res.data!.submitClaim.id;
});
afterAll(() => t?.close());

describe('attachment names in downloads (RFC 6266 / 5987)', () => {
  it.each([['фото.png'], ['quote "final".png'], ['a;b\\c.png']])('serves %s back with a header any client can read', async (name) => {
    const upload = await fetch(`${base}/api/claims/${claimId}/attachments?kind=PHOTO&filename=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/octet-stream' },
      body: PNG,
    });
    expect(upload.status).toBe(201);
    const { id, filename } = (await upload.json()) as { id: number; filename: string };
    if (!/["\\]/.test(name)) expect(filename).toBe(name);
    const download = await fetch(`${base}/api/attachments/${id}`, { headers: { authorization: `Bearer ${agent}` } });
    expect(download.status).toBe(200);
    const disposition = download.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^inline; filename="[\x20-\x7e]*"/);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? /filename="([^"]*)"/.exec(disposition)![1]!)).toBe(filename);
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
  });
});
