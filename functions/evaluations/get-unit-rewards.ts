import { getUnitRewards } from '#shared/api/evaluations';
import { monitoredUnit } from '#shared/app/access';
import { canReadRewards, reasons } from '#shared/auth/policy';
import { forbidden } from '#shared/messages/errors';
import { EmployeeRepository } from '#shared/store/employees';
import { predikatNames, ratingNames, rewardOrder } from '#shared/domain/scoring';
import { json, userHandler } from '#shared/http/handler';
import { EvaluationRepository, outcomeOf } from '#shared/store/evaluations';
import { YearRepository } from '#shared/store/years';

const csvCell = (v: unknown) => {
  const s = String(v ?? '');
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The reward list of a unit subtree: people with a predikat, in the documented order (rewardOrder). Heads and above. */
export const handler = userHandler(getUnitRewards, async (req) => {
  const { unit, heads, isHead } = await monitoredUnit(req, req.params.code);
  const head = heads[0];
  const aboveTheHead = head ? (await new EmployeeRepository(req.scope).supervisorChain(EmployeeRepository.fromItem(head))).some((e) => e.nip === req.principal.nip) : false;
  if (!canReadRewards(req.principal, req.actor.unitPath, unit.path, isHead, aboveTheHead)) throw forbidden(reasons.rewardReaders);
  const period = await new YearRepository(req.scope).findPeriod(req.params.periodId);
  const rows = (await new EvaluationRepository(req.scope).inUnit(period.id, unit.path))
    .map((e) => ({ e, o: outcomeOf(e) }))
    .filter(({ o }) => o.predikat && o.perilaku)
    .map(({ e, o }) => ({
      nip: e.nip,
      name: e.name ?? '',
      position: e.position ?? '',
      unitCode: e.unitCode ?? '',
      predikat: o.predikat!,
      nilaiKinerja: e.hasilKerja?.nilaiKinerjaRounded ?? 0,
      hasilKerja: o.hasilKerja!,
      perilaku: o.perilaku!,
      utamaAbove: (e.hasilKerja?.indicators ?? []).filter((i) => i.kind === 'utama' && i.level === 'above').length,
      final: period.state === 'finalised',
    }))
    .sort(rewardOrder)
    .map((r, i) => ({ rank: i + 1, ...r }));
  if (req.query.format !== 'csv') return json({ unitCode: unit.code, periodId: period.id, periodState: period.state, items: rows });
  const header = ['Peringkat', 'NIP', 'Nama', 'Jabatan', 'Unit', 'Predikat', 'Nilai Kinerja', 'Hasil Kerja', 'Perilaku', 'IKI utama di atas ekspektasi', 'Final'];
  const lines = rows.map((r) =>
    [r.rank, r.nip, r.name, r.position, r.unitCode, predikatNames[r.predikat], r.nilaiKinerja.toFixed(2), ratingNames[r.hasilKerja], ratingNames[r.perilaku], r.utamaAbove, r.final ? 'ya' : 'belum']
      .map(csvCell)
      .join(','),
  );
  return {
    status: 200,
    html: [header.join(','), ...lines].join('\r\n') + '\r\n',
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="penghargaan-${unit.code}-${period.id}.csv"`, 'cache-control': 'no-store' },
  };
});
