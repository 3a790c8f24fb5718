/**
 * The demo month as the web tests play it through the API, on a `webAppUnderTest({ withWork: true })` stack: the
 * month of yesterday (WIB), where the seed left the Pegawai's (`who.staff`) entries of yesterday waiting for his
 * Kepala Seksi. A file calls the steps it needs, with its own page work between them.
 */
import { demoPeople } from '../../infra/local/demo-data.ts';
import { EvaluationRepository } from '../../shared/store/evaluations.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import type { WebAppUnderTest } from './browser.ts';
import { who } from './demo.ts';
import { yesterday } from './plans.ts';
import { eventually } from './stack.ts';

/** All seven BerAKHLAK values rated "Sesuai Ekspektasi". */
export const MEETS_EXPECTATIONS = Object.fromEntries(
  ['berorientasi_pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif'].map((v) => [
    v,
    'sesuai',
  ]),
);

export function demoMonth(web: WebAppUnderTest) {
  const day = yesterday();
  const year = Number(day.slice(0, 4));
  const period = day.slice(0, 7);
  /** The period as the API holds it now (`GET /years/{year}`, as BKPSDM). */
  const periodNow = async () =>
    (await web.call(who.bkpsdm, 'GET', `/years/${year}`)).periods.find((p: { id: string }) => p.id === period);

  /** Leaves the Pegawai's seeded entries approved by his Kepala Seksi; returns them and the decisions' answer. */
  async function verifyActivities() {
    const entries = await web.call(who.kasi, 'GET', `/employees/${who.staff}/activities?from=${day}&to=${day}`);
    const decided = await web.call(who.kasi, 'POST', '/activities/decisions', {
      decisions: entries.items.map((a: { id: string; version: number }) => ({
        nip: who.staff,
        date: day,
        id: a.id,
        version: a.version,
        decision: 'approve',
      })),
    });
    return { entries, decided };
  }

  /**
   * Everyone's behaviour rated "Sesuai" through the repository (not through the pages the files test), all but
   * `except`.
   */
  async function rateBehaviour(except?: string) {
    const repo = new EvaluationRepository(new OrgScope('kota-medan'));
    const now = new Date().toISOString();
    for (const { nip } of demoPeople.filter((p) => p.nip !== except))
      await repo.change(
        nip,
        period,
        undefined,
        () => ({ behaviour: { values: MEETS_EXPECTATIONS as never, by: 'test', at: now } }),
        { actor: 'test', now },
      );
  }

  return {
    /** Yesterday (WIB), the demo entries' day. */
    day,
    year,
    /** The month's period id, `YYYY-MM`. */
    period,
    /** The period as the pages name it, e.g. "November 2026". */
    periodName: new Date(`${period}-01T00:00:00Z`).toLocaleDateString('id-ID', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }),
    periodNow,
    verifyActivities,
    rateBehaviour,
    /**
     * Leaves the month scored: the entries approved, the period closed by BKPSDM and its scoring run done (every
     * evaluation computed with a recommendation, nothing rated or reviewed).
     */
    async score() {
      await verifyActivities();
      await web.call(who.bkpsdm, 'PATCH', `/years/${year}/periods/${period}`, {
        version: (await periodNow()).version,
        state: 'closed',
      });
      const run = await web.call(who.bkpsdm, 'POST', '/scoring-runs', { periodId: period });
      await eventually(
        async () => (await web.call(who.bkpsdm, 'GET', `/scoring-runs/${period}/${run.runId}`)).state === 'done',
        30_000,
      );
    },
    /**
     * Leaves the month final: everyone's behaviour but the Pegawai's (his Kepala Seksi's to rate) rated, then the
     * period finalised by BKPSDM with the unreviewed recommendations accepted.
     */
    async finalise() {
      await rateBehaviour(who.staff);
      await web.call(who.bkpsdm, 'POST', `/years/${year}/periods/${period}/finalise`, {
        version: (await periodNow()).version,
        acceptRecommendations: true,
      });
    },
  };
}
