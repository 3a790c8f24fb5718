/** The weekly adoption digest: each head of unit hears, once a week, what the last fairness run found in their unit. */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { sendAdoptionDigest } from '../../shared/app/adoption-digest.ts';
import { FairnessRepository, type UnitAdoptionRecord } from '../../shared/store/fairness.ts';
import { NotificationRepository } from '../../shared/store/notifications.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { who } from '../support/demo.ts';
import { useTables } from '../support/stack.ts';

const ORG = 'kota-medan';
const scope = new OrgScope(ORG);
const P = '2026-12';
const KASI_PINDAH = '198311052008012004';
const PUTRI = '199406172019032003';
const at = (date: string) => new Date(`${date}T07:00:00+07:00`);
const digests = async (nip: string) =>
  (await new NotificationRepository(scope).list(nip, { unreadOnly: false, limit: 100 })).items.filter(
    (n) => n.type === 'adoption_digest',
  );

const record = (
  unitCode: string,
  unitPath: string,
  loggingPct: number,
  idle: string[],
  overdueQueues: UnitAdoptionRecord['overdueQueues'] = [],
): UnitAdoptionRecord => ({
  unitCode,
  unitPath,
  periodId: P,
  computedAt: '2026-12-13T19:00:00.000Z',
  asOf: '2026-12-14',
  adoption: {
    members: 4,
    loggingRecently: Math.round((loggingPct * 4) / 100),
    loggingPct,
    belowThreshold: loggingPct < 70,
    idle: idle.map((nip) => ({ nip, lastLoggedDate: '2026-12-04', idleWorkingDays: 6 })),
  },
  overdueQueues,
});

const DAFDUK = '/DISDUKCAPIL/DUK-DAFDUK/';

beforeAll(async () => {
  await useTables();
  await seedDemo();
  await new FairnessRepository(scope).putUnitAdoptions([
    record('DISDUKCAPIL', '/DISDUKCAPIL/', 80, []),
    record(
      'DUK-DAFDUK',
      DAFDUK,
      62.5,
      [PUTRI],
      [{ supervisorNip: who.kasi, name: 'Rina Marlina Pohan, S.Sos', pending: 4, oldestPendingDays: 9 }],
    ),
    record('DUK-IDK', `${DAFDUK}DUK-IDK/`, 75, []),
    record('DUK-PINDAH', `${DAFDUK}DUK-PINDAH/`, 25, [PUTRI]),
  ]);
});

describe('adoption digest', () => {
  it('tells each head of unit once, with idle members, overdue queues and the units below under the threshold', async () => {
    expect(await sendAdoptionDigest(ORG, at('2026-12-14'))).toBe(3);
    const [kabid] = await digests(who.kabid);
    expect(kabid).toMatchObject({
      title: 'Ringkasan adopsi mingguan: Bidang Pelayanan Pendaftaran Penduduk',
      link: `/units/DUK-DAFDUK/adoption/${P}`,
    });
    expect(kabid!.body).toBe(
      'Per 2026-12-14: 1 pegawai belum mencatat aktivitas: Putri Ayu Simatupang (6 hari kerja); ' +
        '1 antrean verifikasi melewati batas: Rina Marlina Pohan, S.Sos (4 menunggu, tertua 9 hari); ' +
        '1 unit di bawah ambang adopsi: Seksi Pindah Datang dan Pendataan Penduduk (25 %).',
    );
    // The head of the OPD hears of the bidang below the threshold; the Kasi Pindah of his idle member.
    const [kadis] = await digests(who.kadis);
    expect(kadis!.body).toBe(
      'Per 2026-12-14: 1 unit di bawah ambang adopsi: Bidang Pelayanan Pendaftaran Penduduk (62,5 %).',
    );
    expect((await digests(KASI_PINDAH))[0]!.body).toContain('Putri Ayu Simatupang (6 hari kerja)');
    // Nothing to say about the Seksi Identitas Penduduk: its head hears nothing, nor do members.
    expect(await digests(who.kasi)).toEqual([]);
    expect(await digests(PUTRI)).toEqual([]);
  });

  it('adds nothing a second time in the same week, and tells again the next week', async () => {
    expect(await sendAdoptionDigest(ORG, at('2026-12-14'))).toBe(0);
    expect(await sendAdoptionDigest(ORG, at('2026-12-17'))).toBe(0); // Thursday, same week
    expect(await digests(who.kabid)).toHaveLength(1);
    expect(await sendAdoptionDigest(ORG, at('2026-12-21'))).toBe(3);
    expect(await digests(who.kabid)).toHaveLength(2);
  });

  it('sends nothing when no unit has anything to say', async () => {
    await new FairnessRepository(scope).putUnitAdoptions([
      record('DUK-DAFDUK', DAFDUK, 100, []),
      record('DUK-PINDAH', `${DAFDUK}DUK-PINDAH/`, 100, []),
    ]);
    expect(await sendAdoptionDigest(ORG, at('2026-12-28'))).toBe(0);
    expect(await digests(who.kabid)).toHaveLength(2);
  });
});
