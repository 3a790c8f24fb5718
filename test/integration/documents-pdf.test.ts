/**
 * Printed documents through the real local gateway: the Dokumen SKP and the Dokumen Evaluasi Kinerja as PDFs whose
 * text (read back with pdfjs-dist) carries the names, NIPs, every RHK and IKI, the figures as the API reports them,
 * the predikat and DRAFT when not approved or not final; the QR code on the page (rendered and decoded with jsQR)
 * opens the public verification page, which turns "no longer current" once the plan is revised; who may download
 * what, and every download in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../infra/local/demo-data.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { angka, tanggal } from '../../shared/domain/documents/pdf-common.ts';
import {
  type BerakhlakValue,
  berakhlak,
  periodTargetOf,
  predikatNames,
  type Rating,
  ratingNames,
} from '../../shared/domain/scoring.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { EvaluationRepository } from '../../shared/store/evaluations.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { demoTokens, who } from '../support/demo.ts';
import { pdfQrCode, pdfText } from '../support/pdf.ts';
import { approvedPlans, yesterday } from '../support/plans.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
let t: Record<keyof typeof who, string>;
const D = yesterday();
const YEAR = Number(D.slice(0, 4));
const PERIOD = D.slice(0, 7);

const get = async (token: string, path: string) => {
  const res = await stack.call('GET', path, { token });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
};

/** A document download as the web app makes it: the bytes, their type and the print's code. */
async function download(token: string | undefined, path: string) {
  const res = await fetch(`${stack.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    code: res.headers.get('x-print-code'),
    bytes,
    json: () => JSON.parse(new TextDecoder().decode(bytes)),
  };
}

/** What a phone does with the QR code: open the address it holds. */
const openPage = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, html: await res.text(), csp: res.headers.get('content-security-policy') };
};

const skpPath = (nip: string, version?: number) =>
  `/employees/${nip}/plans/${YEAR}/document${version ? `?version=${version}` : ''}`;
const evaluationPath = (nip: string) => `/employees/${nip}/evaluations/${PERIOD}/document`;

let firstPrint: { code: string; url: string };

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  t = await demoTokens(stack.issuer);
  await approvedPlans(stack, YEAR);
  // One approved activity for the staff member's first IKI, then the month scored.
  const made = await stack.call('POST', '/employees/me/activities', {
    token: t.staff,
    body: {
      date: D,
      start: '08:00',
      end: '10:00',
      description: 'Pelayanan',
      rhkId: 'staff-1',
      ikiId: 'staff-1-a',
      outputQuantity: 7.5,
      outputUnit: 'dokumen',
    },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const { id, version } = made.body.activity;
  const ok = await stack.call('POST', '/activities/decisions', {
    token: t.kasi,
    body: { decisions: [{ nip: who.staff, date: D, id, version, decision: 'approve' }] },
  });
  expect(ok.body.results[0].status).toBe(200);
  const year = await get(t.bkpsdm, `/years/${YEAR}`);
  const period = year.periods.find((p: { id: string }) => p.id === PERIOD);
  const closed = await stack.call('PATCH', `/years/${YEAR}/periods/${PERIOD}`, {
    token: t.bkpsdm,
    body: { version: period.version, state: 'closed' },
  });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  const started = await stack.call('POST', '/scoring-runs', { token: t.bkpsdm, body: { periodId: PERIOD } });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  await eventually(async () => {
    const run = await get(t.bkpsdm, `/scoring-runs/${PERIOD}/${started.body.runId}`);
    return run.state === 'done' ? run : undefined;
  }, 20_000);
  // The supervisor rates behaviour: one value above, the rest as expected.
  const evaluation = await get(t.kasi, `/employees/${who.staff}/evaluations/${PERIOD}`);
  const rated = await stack.call('PUT', `/employees/${who.staff}/evaluations/${PERIOD}/behaviour`, {
    token: t.kasi,
    body: {
      values: {
        berorientasi_pelayanan: 'di_atas',
        akuntabel: 'sesuai',
        kompeten: 'sesuai',
        harmonis: 'sesuai',
        loyal: 'sesuai',
        adaptif: 'sesuai',
        kolaboratif: 'sesuai',
      },
      version: evaluation.version,
    },
  });
  expect(rated.status, JSON.stringify(rated.body)).toBe(200);
}, 90_000);
afterAll(() => stack.stop());

describe('Dokumen SKP', () => {
  it('the employee downloads her approved SKP: names, NIPs, every RHK and IKI, place and date, no DRAFT', async () => {
    const res = await download(t.staff, skpPath('me'));
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.disposition).toBe(`attachment; filename="SKP-${YEAR}-${who.staff}-v1.pdf"`);
    expect(res.bytes.length).toBeLessThan(200_000);
    const plan = await get(t.staff, `/employees/me/plans/${YEAR}`);
    const [me, kasi] = await Promise.all([get(t.staff, '/employees/me'), get(t.kasi, '/employees/me')]);
    const { text } = await pdfText(res.bytes);
    for (const s of [
      'SASARAN KINERJA PEGAWAI',
      me.name,
      who.staff,
      me.position,
      kasi.name,
      kasi.nip,
      // The pimpinan's RHK the plan intervenes.
      'Hasil kerja kasi-1',
      `Medan, ${tanggal(wibDate(new Date(plan.latest.decidedAt)))}`,
    ])
      expect(text).toContain(s);
    for (const r of plan.latest.rhk) {
      expect(text).toContain(r.title);
      for (const k of r.iki) expect(text).toContain(k.name);
    }
    expect(text).not.toContain('DRAFT');

    const url = await pdfQrCode(res.bytes);
    expect(new URL(url!).pathname).toBe(`/v/kota-medan/${res.code}`);
    expect(res.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(text).toContain(res.code!.match(/.{4}/g)!.join('-'));
    firstPrint = { code: res.code!, url: url! };
  });

  it('the QR code opens the public verification page: kind, owner, version, date, current', async () => {
    const page = await openPage(firstPrint.url);
    expect(page.status).toBe(200);
    expect(page.csp).toContain("default-src 'none'");
    expect(page.html).toContain('BERLAKU');
    expect(page.html).not.toContain('TIDAK BERLAKU');
    expect(page.html).toContain('Dokumen Sasaran Kinerja Pegawai (SKP)');
    expect(page.html).toContain(`SKP ${YEAR} versi 1`);
    expect(page.html).toContain(who.staff);
    // Nothing beyond the document: no position, unit, figures or e-mail.
    const me = await get(t.staff, '/employees/me');
    expect(page.html).not.toContain(me.position);
    // A code typed by hand, dashes and lower case, opens the same page.
    const typed = firstPrint.code.toLowerCase().match(/.{4}/g)!.join('-');
    expect((await openPage(`${stack.url}/v/kota-medan/${typed}`)).html).toContain(`SKP ${YEAR} versi 1`);
  });

  it('the same version printed again keeps its code; the supervisor, BKPSDM and the auditor may print it too', async () => {
    for (const token of [t.staff, t.kasi, t.kabid, t.bkpsdm, t.auditor]) {
      const again = await download(token, skpPath(who.staff, 1));
      expect(again.status).toBe(200);
      expect(again.code).toBe(firstPrint.code);
    }
  });

  it('every download is in the audit trail, by whom, about whom, naming the print', async () => {
    const document = `skp:${who.staff}:${YEAR}:V001`;
    const page = await get(t.auditor, `/audit/record?entity=Download&entityId=${document}&limit=50`);
    expect(page.items.map((e: { actor: string }) => e.actor).sort()).toEqual(
      [who.staff, who.staff, who.kasi, who.kabid, who.bkpsdm, who.auditor].map((n) => `nip:${n}`).sort(),
    );
    for (const e of page.items) {
      expect(e).toMatchObject({ subjectNip: who.staff, action: 'created' });
      expect(e.after).toMatchObject({ kind: 'skp', code: firstPrint.code, title: `SKP ${YEAR} versi 1`, draft: false });
    }
    // The print itself (its code) is a record of its own, created once.
    const print = await eventually(async () => {
      const p = await get(t.auditor, `/audit/record?entity=Print&entityId=${firstPrint.code}`);
      return p.items.length ? p.items : undefined;
    }, 15_000);
    expect(print.map((e: { action: string }) => e.action)).toEqual(['created']);
    const mine = await get(t.staff, '/employees/me/audit');
    expect(mine.items.some((e: { entity: string }) => e.entity === 'Download')).toBe(true);
  });

  it('a revision prints as DRAFT; once approved, the old print is "no longer current"', async () => {
    const revised = await stack.call('POST', `/employees/me/plans/${YEAR}/revisions`, {
      token: t.staff,
      body: { reason: 'Target disesuaikan dengan kebutuhan layanan' },
    });
    expect(revised.status, JSON.stringify(revised.body)).toBe(201);
    const draft = await download(t.staff, skpPath('me'));
    expect(draft.status).toBe(200);
    expect(draft.disposition).toContain('-v2.pdf');
    const { text } = await pdfText(draft.bytes);
    expect(text).toContain('DRAFT');
    expect(text).toContain('Target disesuaikan dengan kebutuhan layanan');
    expect(draft.code).not.toBe(firstPrint.code);
    // The approved version is still in force while the revision waits.
    expect((await openPage(firstPrint.url)).html).not.toContain('TIDAK BERLAKU');

    const submitted = await stack.call('POST', `/employees/me/plans/${YEAR}/submit`, {
      token: t.staff,
      body: { version: revised.body.version },
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const approved = await stack.call('POST', `/employees/${who.staff}/plans/${YEAR}/approve`, {
      token: t.kasi,
      body: { version: submitted.body.version },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const old = await openPage(firstPrint.url);
    expect(old.status).toBe(200);
    expect(old.html).toContain('TIDAK BERLAKU LAGI');
    // The draft print of version 2 is not current either: the version is approved now and prints without DRAFT.
    const draftPage = await openPage(await pdfQrCode(draft.bytes).then((u) => u!));
    expect(draftPage.html).toContain('TIDAK BERLAKU LAGI');
    const final = await download(t.staff, skpPath('me', 2));
    expect((await pdfText(final.bytes)).text).not.toContain('DRAFT');
    expect((await openPage(`${stack.url}/v/kota-medan/${final.code}`)).html).not.toContain('TIDAK BERLAKU');
  });

  it('refuses strangers (403) and what does not exist (404)', async () => {
    expect((await download(t.otherStaff, skpPath(who.staff))).status).toBe(403);
    expect((await download(t.otherKasi, skpPath(who.staff))).json().error.code).toBe('forbidden');
    expect((await download(undefined, skpPath(who.staff))).status).toBe(401);
    const missing = await download(t.staff, skpPath('me', 9));
    expect(missing.status).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    expect((await download(t.staff, `/employees/me/plans/${YEAR + 1}/document`)).status).toBe(404);
    expect((await download(t.staff, `${skpPath('me')}?version=0`)).status).toBe(400);
  });
});

describe('Dokumen Evaluasi Kinerja', () => {
  it("carries the API's figures, the three people, the predikat, and DRAFT while not final", async () => {
    const evaluation = await get(t.staff, `/employees/me/evaluations/${PERIOD}`);
    expect(evaluation.periodState).toBe('scored');
    const res = await download(t.staff, evaluationPath('me'));
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const { text } = await pdfText(res.bytes);
    const [kasi, kabid] = await Promise.all([get(t.kasi, '/employees/me'), get(t.kabid, '/employees/me')]);
    for (const s of [
      'DOKUMEN EVALUASI KINERJA PEGAWAI',
      evaluation.name,
      who.staff,
      kasi.name,
      kasi.nip,
      kabid.name,
      kabid.nip,
      'DRAFT',
      angka(evaluation.hasilKerja.nilaiKinerja),
      ratingNames[evaluation.outcome.hasilKerja as keyof typeof ratingNames],
      ratingNames[evaluation.outcome.perilaku as keyof typeof ratingNames],
      predikatNames[evaluation.outcome.predikat as keyof typeof predikatNames],
    ])
      expect(text).toContain(s);
    for (const i of evaluation.hasilKerja.indicators) {
      expect(text).toContain(i.name);
      expect(text).toContain(angka(i.realisasi));
      expect(text).toContain(angka(i.capaian));
      const target = periodTargetOf(i.target, i.months);
      if (target.kind === 'single') expect(text).toContain(`${angka(target.value)} dokumen`);
    }
    // The one IKI with approved output: 7.5 of 100/12 = 8.33 → capaian 90 exactly (exact arithmetic), shown "90".
    expect(evaluation.hasilKerja.indicators[0]).toMatchObject({ realisasi: 7.5, capaian: 90 });

    const url = await pdfQrCode(res.bytes);
    const page = await openPage(url!);
    expect(page.html).toContain('Dokumen Evaluasi Kinerja Pegawai');
    expect(page.html).toContain('DRAFT');
    expect(page.html).not.toContain('TIDAK BERLAKU');
  });

  it('once final: no DRAFT, dated the day of finalisation; the draft print is no longer current', async () => {
    const draft = await download(t.staff, evaluationPath('me'));
    const draftUrl = (await pdfQrCode(draft.bytes))!;
    // Everyone else's behaviour rated (through the repository: the API path is tested above), then the period final.
    const repo = new EvaluationRepository(new OrgScope('kota-medan'));
    const meets = Object.fromEntries(berakhlak.map((v) => [v, 'sesuai'])) as Record<BerakhlakValue, Rating>;
    const now = new Date().toISOString();
    for (const { nip } of demoPeople.filter((p) => p.nip !== who.staff))
      await repo.change(nip, PERIOD, undefined, () => ({ behaviour: { values: meets, by: 'test', at: now } }), {
        actor: 'test',
        now,
      });
    const period = (await get(t.bkpsdm, `/years/${YEAR}`)).periods.find((p: { id: string }) => p.id === PERIOD);
    const finalised = await stack.call('POST', `/years/${YEAR}/periods/${PERIOD}/finalise`, {
      token: t.bkpsdm,
      body: { version: period.version, acceptRecommendations: true },
    });
    expect(finalised.status, JSON.stringify(finalised.body)).toBe(200);

    expect((await openPage(draftUrl)).html).toContain('TIDAK BERLAKU LAGI');
    const final = await download(t.staff, evaluationPath('me'));
    const { text } = await pdfText(final.bytes);
    expect(text).not.toContain('DRAFT');
    expect(text).toContain('Status: final');
    expect(text).toContain(`Medan, ${tanggal(wibDate(new Date()))}`);
    expect(final.code).not.toBe(draft.code);
    const page = await openPage((await pdfQrCode(final.bytes))!);
    expect(page.html).toContain('BERLAKU — dokumen ini masih yang terkini.');
  });

  it('a supervisor prints the team member’s; strangers are refused; an unknown evaluation is 404', async () => {
    expect((await download(t.kasi, evaluationPath(who.staff))).status).toBe(200);
    expect((await download(t.otherStaff, evaluationPath(who.staff))).status).toBe(403);
    expect((await download(t.staff, `/employees/me/evaluations/${YEAR - 1}-01/document`)).status).toBe(404);
  });
});

describe('verification page', () => {
  it.each([
    ['an unknown code', '/v/kota-medan/ZZZZZZZZZZZZZZZZ'],
    ['a malformed code', '/v/kota-medan/not-a-code'],
    ['another organisation', '/v/kota-binjai/ZZZZZZZZZZZZZZZZ'],
    ['an impossible organisation', '/v/KOTA_MEDAN/ZZZZZZZZZZZZZZZZ'],
  ])('%s is a 404 page', async (_, path) => {
    const res = await stack.call('GET', path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.body).toContain('Kode tidak dikenal');
  });
});
