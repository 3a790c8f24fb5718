/**
 * Service data through the HTTP API as its users use it: the OPD admin keeps the catalogue and hours, BKPSDM the
 * holiday calendar, an agency system pushes transactions with a client-credentials token, citizens answer the
 * survey link, unit heads read indicators and follow up complaints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { signSurveyLink } from '../../shared/domain/survey-token.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { demoTokens, tokenFor, who } from '../support/demo.ts';
import { openYear, recentService } from '../support/services.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
let machine: string;
const OFFICER = { rahmat: '199001152015031003', nurhayati: '199204282017032001', fajar: '199512032020121002' };
const NOV = '2026-11';
const todayPeriod = wibDate(new Date()).slice(0, 7);

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  // The fixed dates below are in 2026, whatever year the suite runs in.
  await openYear(2026);
  t = await demoTokens(stack.issuer);
  machine = await stack.issuer.machineToken();
});
afterAll(() => stack.stop());

const push = (transactions: unknown[], token = machine, extra: Record<string, unknown> = {}) =>
  stack.call('POST', '/service-transactions', { token, body: { transactions, ...extra } });
const tx = (externalId: string, over: Record<string, unknown> = {}) => ({
  externalId,
  unitCode: 'DUK-IDK',
  serviceType: 'ktp-el',
  officers: [OFFICER.rahmat],
  // Monday 23 November 2026, within opening hours (08:00–20:00 WIB).
  receivedAt: '2026-11-23T09:00:00+07:00',
  completedAt: '2026-11-23T09:40:00+07:00',
  ...over,
});
const unitIndicators = (token = t.kasi, period = NOV) =>
  stack.call('GET', `/units/DUK-IDK/service-indicators/${period}`, { token });
/** The totals follow the writes through the stream: wait until they show what `settled` expects. */
const indicatorsWhen = (settled: (body: any) => boolean, period = NOV) =>
  eventually(async () => {
    const res = await unitIndicators(t.kasi, period);
    return res.status === 200 && settled(res.body) ? res.body : undefined;
  });
const form = (answers: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(answers).map(([k, v]): [string, string] => [k, String(v)])).toString();
const allFour = { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 };
const postSurvey = (url: string, body: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

describe('service catalogue, hours and holidays', () => {
  it('lists the seeded catalogue to employees and to agency systems', async () => {
    for (const token of [t.staff, machine]) {
      const res = await stack.call('GET', '/units/DUK-IDK/service-types', { token });
      expect(res.status).toBe(200);
      expect(res.body.items.map((s: { code: string }) => s.code).sort()).toEqual(['kia', 'ktp-el']);
    }
    expect((await stack.call('GET', '/units/NOPE/service-types', { token: t.staff })).status).toBe(404);
  });

  it('lets the OPD admin add and change a service type under optimistic locking', async () => {
    const path = '/units/DUK-IDK/service-types/ktp-el-ulang';
    const created = await stack.call('PUT', path, {
      token: t.adminOpd,
      body: { name: 'KTP-el cetak ulang', standardMinutes: 45 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'ktp-el-ulang', standardMinutes: 45, active: true, version: 1 });
    const again = await stack.call('PUT', path, {
      token: t.adminOpd,
      body: { name: 'KTP-el cetak ulang', standardMinutes: 45 },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('service_type_exists');
    const changed = await stack.call('PUT', path, {
      token: t.adminOpd,
      body: { name: 'KTP-el cetak ulang', standardMinutes: 30, expectedVersion: 1 },
    });
    expect(changed.body).toMatchObject({ standardMinutes: 30, version: 2 });
    const stale = await stack.call('PUT', path, {
      token: t.adminOpd,
      body: { name: 'x', standardMinutes: 10, expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const bySomeoneElse = await stack.call('PUT', path, {
      token: t.staff,
      body: { name: 'x', standardMinutes: 10, expectedVersion: 2 },
    });
    expect(bySomeoneElse.status).toBe(403);
    const list = await stack.call('GET', '/units/DUK-IDK/service-types', { token: t.staff });
    expect(list.body.items.find((s: { code: string }) => s.code === 'ktp-el-ulang')).toMatchObject({
      standardMinutes: 30,
      version: 2,
    });
  });

  it('keeps hours as versions and refuses overlapping intervals without writing', async () => {
    const week = { mon: [{ open: '08:00', close: '16:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const bad = await stack.call('POST', '/units/DUK-KAWIN/service-hours', {
      token: t.adminOpd,
      body: {
        effectiveFrom: '2027-01-01',
        reason: 'uji',
        weekly: {
          ...week,
          tue: [
            { open: '08:00', close: '12:00' },
            { open: '11:00', close: '15:00' },
          ],
        },
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('service_hours_invalid');
    const good = await stack.call('POST', '/units/DUK-KAWIN/service-hours', {
      token: t.adminOpd,
      body: { effectiveFrom: '2027-01-01', reason: 'Jam baru 2027', weekly: week },
    });
    expect(good.status).toBe(201);
    const list = await stack.call('GET', '/units/DUK-KAWIN/service-hours', { token: machine });
    expect(list.body.items.map((h: { effectiveFrom: string }) => h.effectiveFrom)).toEqual([
      '2026-01-01',
      '2027-01-01',
    ]);
    const replaceWithoutVersion = await stack.call('POST', '/units/DUK-KAWIN/service-hours', {
      token: t.adminOpd,
      body: { effectiveFrom: '2027-01-01', reason: 'x', weekly: week },
    });
    expect(replaceWithoutVersion.status).toBe(409);
    expect(replaceWithoutVersion.body.error.details.current).toMatchObject({ effectiveFrom: '2027-01-01', version: 1 });
  });

  it('keeps the holiday calendar for BKPSDM, versioned', async () => {
    const days = [{ date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'libur_nasional' }];
    expect(
      (
        await stack.call('PUT', '/holidays/2027', {
          token: t.adminOpd,
          body: { days, reason: 'x', expectedVersion: 0 },
        })
      ).status,
    ).toBe(403);
    const outside = await stack.call('PUT', '/holidays/2027', {
      token: t.bkpsdm,
      body: { days: [{ ...days[0], date: '2026-12-31' }], reason: 'x', expectedVersion: 0 },
    });
    expect(outside.status).toBe(422);
    expect(outside.body.error.code).toBe('holidays_invalid');
    const saved = await stack.call('PUT', '/holidays/2027', {
      token: t.bkpsdm,
      body: { days, reason: 'SKB 2027', expectedVersion: 0 },
    });
    expect(saved.body).toMatchObject({ year: 2027, version: 1, days });
    const stale = await stack.call('PUT', '/holidays/2027', {
      token: t.bkpsdm,
      body: { days: [], reason: 'x', expectedVersion: 0 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ year: 2027, version: 1, days });
    expect((await stack.call('GET', '/holidays/2027', { token: t.staff })).body.version).toBe(1);
    expect((await stack.call('GET', '/holidays/2026', { token: t.staff })).body.days.length).toBeGreaterThan(20);
  });
});

describe('pushing transactions', () => {
  it('answers each item on its own and computes completion time in service hours', async () => {
    const res = await push([
      tx('T-1'),
      // Monday 19:30 → Tuesday 08:45: 30 + 45 service minutes over the night.
      tx('T-2', {
        receivedAt: '2026-11-23T19:30:00+07:00',
        completedAt: '2026-11-24T08:45:00+07:00',
        officers: [OFFICER.rahmat, OFFICER.nurhayati],
      }),
      tx('T-3', { officers: ['199901012020011001'] }),
      tx('T-4', { serviceType: 'akta-kelahiran' }),
      tx('T-5', { receivedAt: 'kemarin' }),
      tx('T-1'),
      tx('T-6', { completedAt: undefined }),
      tx('T-7', { completedAt: '2026-11-23T08:00:00+07:00' }),
    ]);
    expect(res.status).toBe(200);
    const r = res.body.results;
    expect(r.map((x: { status: string }) => x.status)).toEqual([
      'created',
      'created',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'created',
      'rejected',
    ]);
    expect(r.map((x: { error?: { code: string } }) => x.error?.code ?? null)).toEqual([
      null,
      null,
      'unknown_officer',
      'unknown_service_type',
      'validation_failed',
      'duplicate_in_batch',
      null,
      'completion_before_receipt',
    ]);
    expect(r[0].transaction).toMatchObject({ serviceMinutes: 40, withinStandard: true, periodIds: [NOV, '2026'] });
    expect(r[1].transaction).toMatchObject({ serviceMinutes: 75, withinStandard: false });
    expect(r[0].surveyUrl).toMatch(new RegExp(`^${stack.url}/s/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    expect(r[6].surveyUrl).toBeUndefined();
    expect(r[2].error.message).toContain('199901012020011001');
    expect(res.body.summary).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 5 });
  });

  it('never counts a re-sent transaction twice, and a later push completes a received one', async () => {
    const before = (await indicatorsWhen((b) => b.unit.served === 2)).unit;
    const first = await push([
      tx('T-1'),
      tx('T-2', {
        receivedAt: '2026-11-23T19:30:00+07:00',
        completedAt: '2026-11-24T08:45:00+07:00',
        officers: [OFFICER.nurhayati, OFFICER.rahmat],
      }),
    ]);
    expect(first.body.results.map((x: { status: string }) => x.status)).toEqual(['unchanged', 'unchanged']);
    await new Promise((r) => setTimeout(r, 300));
    expect((await unitIndicators()).body.unit).toEqual(before);

    // Friday 19:00 → Monday 09:00, with Saturday 08:00–13:00 and Sunday 08:00–13:00 open: 60 + 300 + 300 + 60.
    const completed = await push([
      tx('T-6', { completedAt: null }),
      tx('T-8', { receivedAt: '2026-11-20T19:00:00+07:00', completedAt: '2026-11-23T09:00:00+07:00' }),
    ]);
    expect(completed.body.results.map((x: { status: string }) => x.status)).toEqual(['unchanged', 'created']);
    expect(completed.body.results[1].transaction.serviceMinutes).toBe(720);
    const later = await push([tx('T-6', { completedAt: '2026-11-23T09:30:00+07:00' })]);
    expect(later.body.results[0]).toMatchObject({
      status: 'updated',
      transaction: { serviceMinutes: 30, withinStandard: true },
    });
    expect(later.body.results[0].surveyUrl).toBeDefined();

    const after = await indicatorsWhen((b) => b.unit.served === before.served + 2);
    expect(after.unit).toMatchObject({ served: before.served + 2, withinStandard: before.withinStandard + 1 });
    // T-1 40, T-2 75, T-8 720, T-6 30 → median of 30, 40, 75, 720.
    expect(after.unit.medianMinutes).toBe(57.5);
    expect(after.unit.withinStandardPct).toBe(50);
    expect(after.serviceTypes.map((s: { serviceType: string }) => s.serviceType)).toEqual(['ktp-el']);
    const rahmat = after.officers.find((o: { nip: string }) => o.nip === OFFICER.rahmat);
    expect(rahmat).toMatchObject({ served: 4, name: 'Rahmat Hidayat Daulay' });
    expect(after.officers.find((o: { nip: string }) => o.nip === OFFICER.nurhayati)).toMatchObject({ served: 1 });
    const own = await stack.call('GET', `/employees/me/service-indicators/${NOV}`, {
      token: await tokenFor(stack.issuer, OFFICER.rahmat),
    });
    expect(own.body.combined).toMatchObject({ served: 4, withinStandard: 2, medianMinutes: 57.5 });
  });

  it('moves the totals when a transaction is corrected', async () => {
    const before = (await unitIndicators()).body;
    const res = await push([tx('T-1', { officers: [OFFICER.fajar], completedAt: '2026-11-23T10:30:00+07:00' })]);
    expect(res.body.results[0]).toMatchObject({
      status: 'updated',
      transaction: { serviceMinutes: 90, withinStandard: false },
    });
    const after = await indicatorsWhen((b) => b.officers.some((o: { nip: string }) => o.nip === OFFICER.fajar));
    expect(after.unit.served).toBe(before.unit.served);
    expect(after.unit.withinStandard).toBe(before.unit.withinStandard - 1);
    expect(after.officers.find((o: { nip: string }) => o.nip === OFFICER.rahmat).served).toBe(3);
    expect(after.officers.find((o: { nip: string }) => o.nip === OFFICER.fajar).served).toBe(1);
  });

  it('is for machine clients with the transactions scope only', async () => {
    expect((await push([tx('T-9')], t.bkpsdm)).status).toBe(403);
    expect(
      (await push([tx('T-9')], await stack.issuer.machineToken(undefined, ['kinerja-api/directory.read']))).status,
    ).toBe(403);
    expect((await stack.call('POST', '/service-transactions', { body: { transactions: [tx('T-9')] } })).status).toBe(
      401,
    );
    const tooMany = await push(Array.from({ length: 101 }, (_, i) => tx(`B-${i}`)));
    expect(tooMany.status).toBe(400);
    expect((await stack.call('GET', '/units/DUK-IDK/service-types', { token: machine })).status).toBe(200);
  });

  it('shows unit indicators to the unit head, above and its own people, not to other units', async () => {
    expect((await unitIndicators(t.kasi)).status).toBe(200);
    expect((await unitIndicators(t.kabid)).status).toBe(200);
    expect((await unitIndicators(t.staff)).status).toBe(200);
    expect((await unitIndicators(t.otherKasi)).status).toBe(403);
    const other = await stack.call('GET', `/employees/${OFFICER.rahmat}/service-indicators/${NOV}`, {
      token: t.otherStaff,
    });
    expect(other.status).toBe(403);
  });
});

describe('the citizen survey', () => {
  let url: string;
  let lowUrl: string;

  beforeAll(async () => {
    const recent = await recentService();
    const res = await push([tx('S-1', recent), tx('S-2', recent)]);
    [url, lowUrl] = res.body.results.map((r: { surveyUrl: string }) => r.surveyUrl);
  });

  it('shows an accessible form in Bahasa Indonesia with nine elements', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<html lang="id">');
    expect(html.match(/<fieldset>/g)).toHaveLength(9);
    expect(html.match(/type="radio"/g)).toHaveLength(36);
    expect(html).toContain('KTP Elektronik (KTP-el)');
    expect(html).not.toContain('<script');
  });

  it('records one response, counts it in the current period, and refuses a second one without writing', async () => {
    const before = (await unitIndicators(t.kasi, todayPeriod)).body?.unit?.survey?.respondents ?? 0;
    const first = await postSurvey(url, form({ ...allFour, u3: 3, comment: 'Cepat dan ramah' }));
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Terima kasih');
    const second = await postSurvey(url, form(allFour));
    expect(second.status).toBe(409);
    expect(await second.text()).toContain('sudah diisi');
    expect((await fetch(url)).status).toBe(409);
    const after = (await indicatorsWhen((b) => b.unit.survey.respondents === before + 1, todayPeriod)).unit.survey;
    expect(after.respondents).toBe(before + 1);
    expect(after.ikm).toBe(Math.floor((2 * 2500 * 35 + 9) / 18) / 100);
  });

  it('refuses a tampered, an expired and an incomplete response with a page and no write', async () => {
    const [base, token] = url.split('/s/') as [string, string];
    const tampered = `${base}/s/${token.slice(0, 5)}${token[5] === 'A' ? 'B' : 'A'}${token.slice(6)}`;
    const bad = await postSurvey(tampered, form(allFour));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('tidak sah');
    const key = Buffer.from(process.env.SURVEY_SIGNING_KEY!, 'base64');
    const expired = signSurveyLink(
      {
        orgId: 'kota-medan',
        unitCode: 'DUK-IDK',
        serviceType: 'ktp-el',
        linkId: 'abc',
        expiresAt: Math.floor(Date.now() / 1000) - 60,
      },
      key,
    );
    const gone = await fetch(`${base}/s/${expired}`);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('kedaluwarsa');
    const incomplete = await postSurvey(lowUrl, form({ u1: 4 }));
    expect(incomplete.status).toBe(400);
    expect(await incomplete.text()).toContain('belum dijawab');
    // The link still takes its one response afterwards.
    expect((await fetch(lowUrl)).status).toBe(200);
  });

  it('flags a low rating or complaint for the unit head, who records the follow-up once', async () => {
    const res = await postSurvey(lowUrl, form({ ...allFour, u7: 1, comment: 'Petugas tidak ramah', complaint: 'ya' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('2×24 jam');
    const list = await eventually(async () => {
      const res = await stack.call('GET', '/units/DUK-IDK/survey-follow-ups?status=open', { token: t.kasi });
      return res.body.items?.length ? res : undefined;
    });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const item = list.body.items[0];
    expect(item).toMatchObject({
      serviceType: 'ktp-el',
      serviceName: 'KTP Elektronik (KTP-el)',
      reasons: ['complaint', 'element_rated_1'],
      comment: 'Petugas tidak ramah',
      status: 'open',
      overdue: false,
    });
    expect(Date.parse(item.dueAt) - Date.parse(item.submittedAt)).toBe(48 * 3_600_000);
    expect((await stack.call('GET', '/units/DUK-IDK/survey-follow-ups', { token: t.staff })).status).toBe(403);
    // The unit head is notified; a colleague of the unit is not.
    const note = await eventually(async () => {
      const res = await stack.call('GET', '/me/notifications?limit=100', { token: t.kasi });
      return (res.body.items as { type: string; link: string; body: string }[]).find(
        (n) => n.type === 'survey_follow_up',
      );
    });
    expect(note.link).toBe('/units/DUK-IDK/survey-follow-ups');
    // The service by its name in the catalogue, not its code.
    expect(note.body).toMatch(/^Layanan KTP Elektronik \(KTP-el\): "Petugas tidak ramah"/);
    const colleague = await stack.call('GET', '/me/notifications?limit=100', { token: t.staff });
    expect((colleague.body.items as { type: string }[]).some((n) => n.type === 'survey_follow_up')).toBe(false);
    const path = `/units/DUK-IDK/survey-follow-ups/${item.id}/resolve`;
    // Readers (an auditor, the head of the bidang above) see it but do not close it.
    for (const reader of [t.auditor, t.kabid]) {
      const refused = await stack.call('POST', path, { token: reader, body: { note: 'x' } });
      expect(refused.status).toBe(403);
    }
    const resolved = await stack.call('POST', path, {
      token: t.kasi,
      body: { note: 'Pemohon dihubungi dan petugas dibina.' },
    });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolution: {
        note: 'Pemohon dihubungi dan petugas dibina.',
        by: `nip:${who.kasi}`,
        byName: 'Rina Marlina Pohan, S.Sos',
      },
    });
    expect((await stack.call('POST', path, { token: t.kasi, body: { note: 'lagi' } })).status).toBe(409);
    const unit = (await indicatorsWhen((b) => b.unit.survey.respondents === 2, todayPeriod)).unit;
    expect(unit.followUps).toBe(1);
  });
});
