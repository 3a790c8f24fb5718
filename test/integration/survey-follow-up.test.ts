/**
 * A citizen's complaint through the survey link, as far as its follow-up: the contact the citizen leaves reaches
 * only those who handle the follow-up (never the audit trail, never those who only monitor), is kept only while
 * there is something to follow up, and the agency's transaction reference travels with the follow-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { wibMonth } from '../../shared/domain/time.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { demoTokens, type who } from '../support/demo.ts';
import { recentService } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const scope = new OrgScope('kota-medan');
const allFour = { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 };
let links: Record<'complaint' | 'happy' | 'invalid', string>;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  const recent = await recentService();
  const tx = (externalId: string) => ({
    externalId,
    unitCode: 'DUK-IDK',
    serviceType: 'ktp-el',
    officers: ['199001152015031003'],
    ...recent,
  });
  const res = await stack.call('POST', '/service-transactions', {
    token: await stack.issuer.machineToken(),
    body: { transactions: [tx('SIAK-FU-1'), tx('SIAK-FU-2'), tx('SIAK-FU-3')] },
  });
  expect(res.status).toBe(200);
  const [complaint, happy, invalid] = res.body.results.map((r: { surveyUrl: string }) => r.surveyUrl);
  links = { complaint, happy, invalid };
});
afterAll(() => stack.stop());

const post = (url: string, answers: Record<string, string | number>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(Object.entries(answers).map(([k, v]): [string, string] => [k, String(v)])).toString(),
  });
/** The link id a survey URL's token names (its payload is readable; only its signature is secret). */
const linkIdOf = (url: string) =>
  Buffer.from(url.split('/s/')[1]!.split('.')[0]!, 'base64url').toString('utf8').split('|')[3]!;
const storedContact = (url: string) => scope.get('main', scope.key('SURVEY', linkIdOf(url)), 'CONTACT', true);
const followUps = (token: string) => stack.call('GET', '/units/DUK-IDK/survey-follow-ups', { token });
const PHONE = '+6281234567890';

describe('a complaint with a contact', () => {
  it('refuses a contact that is neither a phone number nor an e-mail address, with a page and no write', async () => {
    const res = await post(links.invalid, {
      ...allFour,
      complaint: 'ya',
      contact: 'rumah saya di Jl. Sisingamangaraja',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<title>Kontak tidak sah</title>');
    expect(html).toContain('bukan nomor telepon atau alamat e-mail yang sah');
    expect((await fetch(links.invalid)).status).toBe(200);
  });

  it('keeps no contact when the response raises no follow-up', async () => {
    const res = await post(links.happy, { ...allFour, contact: 'warga@contoh.id' });
    expect(res.status).toBe(200);
    expect((await fetch(links.happy)).status).toBe(409);
    expect(await storedContact(links.happy)).toBeUndefined();
  });

  it('shows the contact to those who handle the follow-up only, with the transaction reference, until resolved', async () => {
    const res = await post(links.complaint, {
      ...allFour,
      u3: 1,
      comment: 'Antrean tiga jam',
      complaint: 'ya',
      contact: ' 0812-3456-7890 ',
    });
    expect(res.status).toBe(200);
    const handler = await eventually(async () => {
      const list = await followUps(t.kasi);
      return list.body.items?.find((f: { reference: string }) => f.reference === 'SIAK-FU-1');
    });
    expect(handler).toMatchObject({
      reference: 'SIAK-FU-1',
      comment: 'Antrean tiga jam',
      reasons: ['complaint', 'element_rated_1'],
      contact: { kind: 'phone', value: PHONE },
    });
    // The OPD admin handles follow-ups too; the head of the bidang above and the auditor only monitor.
    const admin = (await followUps(t.adminOpd)).body.items.find((f: { id: string }) => f.id === handler.id);
    expect(admin.contact).toEqual({ kind: 'phone', value: PHONE });
    for (const monitor of [t.kabid, t.auditor]) {
      const list = await followUps(monitor);
      expect(list.status).toBe(200);
      const seen = list.body.items.find((f: { id: string }) => f.id === handler.id);
      expect(seen.reference).toBe('SIAK-FU-1');
      expect(seen.contact).toBeUndefined();
      expect(JSON.stringify(list.body)).not.toContain('81234567890');
    }
    // The audit trail records the response and the follow-up, never the contact.
    const month = wibMonth(new Date());
    const trail = await eventually(async () => {
      const res = await stack.call('GET', `/audit?month=${month}&limit=100`, { token: t.auditor });
      const entities = (res.body.items ?? []).map((e: { entity: string }) => e.entity);
      return entities.includes('SurveyFollowUp') && entities.includes('SurveyResponse') ? res.body : undefined;
    });
    expect(JSON.stringify(trail)).not.toContain('81234567890');

    const resolved = await stack.call('POST', `/units/DUK-IDK/survey-follow-ups/${handler.id}/resolve`, {
      token: t.kasi,
      body: { note: 'Pemohon ditelepon; antrean sore ditambah satu loket.' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.reference).toBe('SIAK-FU-1');
    expect(resolved.body.contact).toBeUndefined();
    expect(await storedContact(links.complaint)).toBeUndefined();
    const after = (await followUps(t.kasi)).body.items.find((f: { id: string }) => f.id === handler.id);
    expect(after).toMatchObject({ status: 'resolved', reference: 'SIAK-FU-1' });
    expect(after.contact).toBeUndefined();
  });
});
