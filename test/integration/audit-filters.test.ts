/**
 * The audit trail's filters, each served by a key: the organisation's month narrowed to one WIB day, a person's
 * trail by month and day, one record's history (GET /audit/record); auditors only where the organisation is read,
 * and nothing from another organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { tokenFor, who } from '../support/demo.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let auditor: string;
let requestId: string;
const today = wibDate(new Date());
const month = today.slice(0, 7);
const day = Number(today.slice(8));
const otherDay = day === 1 ? 2 : day - 1;
const previousMonth = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)) - 2, 1))
  .toISOString()
  .slice(0, 7);

const ids = (body: { items: { requestId?: string }[] }) => body.items.map((e) => e.requestId);
const get = async (token: string, path: string) => {
  const res = await stack.call('GET', path, { token });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
};

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  auditor = await tokenFor(stack.issuer, who.auditor);
  const bkpsdm = await tokenFor(stack.issuer, who.bkpsdm);
  const current = (await stack.call('GET', `/employees/${who.staff}`, { token: bkpsdm })).body;
  const patch = await stack.call('PATCH', `/employees/${who.staff}`, {
    token: bkpsdm,
    body: { version: current.version, position: 'Analis Data Kependudukan' },
  });
  expect(patch.status).toBe(200);
  requestId = patch.headers.get('x-correlation-id')!;
  await eventually(async () => ids(await get(auditor, `/audit?month=${month}`)).includes(requestId));
});
afterAll(() => stack.stop());

describe('audit filters served by keys', () => {
  it("narrows the organisation's month to one WIB day", async () => {
    expect(ids(await get(auditor, `/audit?month=${month}&day=${day}`))).toContain(requestId);
    expect(ids(await get(auditor, `/audit?month=${month}&day=${otherDay}`))).not.toContain(requestId);
    // A day the month does not have: nothing, not an error.
    expect((await get(auditor, '/audit?month=2026-02&day=30')).items).toEqual([]);
    const bad = await stack.call('GET', `/audit?month=${month}&day=32`, { token: auditor });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('query.day');
  });

  it("narrows a person's trail by month and day", async () => {
    const path = `/employees/${who.staff}/audit`;
    expect(ids(await get(auditor, `${path}?month=${month}&day=${day}`))).toContain(requestId);
    expect(ids(await get(auditor, `${path}?month=${month}`))).toContain(requestId);
    expect(ids(await get(auditor, `${path}?month=${previousMonth}`))).not.toContain(requestId);
    expect(ids(await get(auditor, `${path}?month=${month}&day=${otherDay}`))).not.toContain(requestId);
  });

  it("reads one record's history, auditors only", async () => {
    const history = await get(auditor, `/audit/record?entity=Employee&entityId=${who.staff}`);
    expect(history.items[0]).toMatchObject({
      entity: 'Employee',
      entityId: who.staff,
      requestId,
      changedFields: ['position'],
      after: { position: 'Analis Data Kependudukan' },
      actorName: 'Melati Kusuma Dewi, S.Psi',
    });
    expect(history.items.every((e: { entityId: string }) => e.entityId === who.staff)).toBe(true);
    expect((await get(auditor, `/audit/record?entity=Employee&entityId=${who.kasi}`)).items).not.toContainEqual(
      expect.objectContaining({ requestId }),
    );
    for (const nip of [who.kabid, who.staff, who.bkpsdm]) {
      const refused = await stack.call('GET', `/audit/record?entity=Employee&entityId=${who.staff}`, {
        token: await tokenFor(stack.issuer, nip),
      });
      expect(refused.status).toBe(403);
    }
  });

  it('never reads another organisation', async () => {
    const binjai = await stack.issuer.userToken({ orgId: 'kota-binjai', nip: who.auditor, groups: ['auditor'] });
    const res = await stack.call('GET', `/audit/record?entity=Employee&entityId=${who.staff}`, { token: binjai });
    expect(JSON.stringify(res.body)).not.toContain(requestId);
  });
});
