/**
 * The weekly adoption digest (issue 18): on Monday morning each head of unit hears of the unit's idle members, the
 * verification queues older than the deadline allows and the units directly below it under the adoption threshold,
 * as the last fairness run found them (UnitAdoption records: no entry is read here).
 */
import { periodIdFor } from '../domain/activities.ts';
import { addDays, wibDate, yearOf } from '../domain/time.ts';
import { isWithin, unitHeads } from '../domain/units.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { FairnessRepository, type UnitAdoptionRecord } from '../store/fairness.ts';
import { OrgScope } from '../store/org-scope.ts';
import { organisationIds } from '../store/organisations.ts';
import { type Unit, UnitRepository } from '../store/units.ts';
import { YearRepository } from '../store/years.ts';
import { deliver } from './notifications.ts';

/** Every organisation's digest; one organisation's trouble does not hold back the others (`failed` hears of it). */
export async function sendAdoptionDigests(now: Date, failed: (orgId: string, err: unknown) => void): Promise<number> {
  let told = 0;
  for (const orgId of await organisationIds()) {
    try {
      told += await sendAdoptionDigest(orgId, now);
    } catch (err) {
      failed(orgId, err);
    }
  }
  return told;
}

/** The Monday of a date's week (ISO weeks start on Monday): what makes the digest one per week. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
  return addDays(date, -((weekday + 6) % 7));
}

const MAX_NAMED = 10;

/** A list in a sentence: at most ten named, then how many more. */
function named(items: string[]): string {
  const shown = items.slice(0, MAX_NAMED).join(', ');
  return items.length > MAX_NAMED ? `${shown}, dan ${items.length - MAX_NAMED} lainnya` : shown;
}

const pct = (x: number | null) => (x === null ? '-' : `${String(Math.round(x * 10) / 10).replace('.', ',')} %`);

/** What a unit's heads are told, or undefined when there is nothing to say. Pure. */
export function digestOf(
  unit: Unit,
  rec: UnitAdoptionRecord | undefined,
  below: { unit: Unit; rec: UnitAdoptionRecord }[],
  names: ReadonlyMap<string, string>,
): { title: string; body: string } | undefined {
  const idle = rec?.adoption.idle ?? [];
  const overdue = rec?.overdueQueues ?? [];
  if (idle.length === 0 && overdue.length === 0 && below.length === 0) return undefined;
  const parts: string[] = [];
  if (idle.length)
    parts.push(
      `${idle.length} pegawai belum mencatat aktivitas: ${named(
        idle.map((i) => `${names.get(i.nip) ?? i.nip} (${i.idleWorkingDays} hari kerja)`),
      )}`,
    );
  if (overdue.length)
    parts.push(
      `${overdue.length} antrean verifikasi melewati batas: ${named(
        overdue.map((q) => `${q.name} (${q.pending} menunggu, tertua ${q.oldestPendingDays} hari)`),
      )}`,
    );
  if (below.length)
    parts.push(
      `${below.length} unit di bawah ambang adopsi: ${named(
        below.map((b) => `${b.unit.name} (${pct(b.rec.adoption.loggingPct)})`),
      )}`,
    );
  const asOf = rec?.asOf ?? below[0]!.rec.asOf;
  return { title: `Ringkasan adopsi mingguan: ${unit.name}`, body: `Per ${asOf}: ${parts.join('; ')}.` };
}

/**
 * One organisation's digest for the week of `now` (WIB): for every unit with something to say, one notification
 * (and e-mail where the deployment sends them) to each of its heads. The notification's id is the unit's and the
 * week's, so a second run in the same week adds nothing. Returns how many notifications were added.
 */
export async function sendAdoptionDigest(orgId: string, now: Date): Promise<number> {
  const scope = new OrgScope(orgId);
  const today = wibDate(now);
  const year = await new YearRepository(scope).get(yearOf(today));
  if (!year) return 0;
  const periodId = periodIdFor(today, year.cadence);
  const units = await new UnitRepository(scope).tree();
  if (units.length === 0) return 0;
  const records = new Map(
    (
      await new FairnessRepository(scope).unitAdoptions(
        units.map((u) => u.code),
        periodId,
      )
    ).map((r) => [r.unitCode, r]),
  );
  if (records.size === 0) return 0;
  const employees = new EmployeeRepository(scope);
  const tops = units.filter((u) => !u.parentCode);
  const people = (await Promise.all(tops.map((o) => employees.allUnitMembers(o.path))))
    .flat()
    .filter((m) => m.status === 'active');
  const names = new Map(people.map((m) => [m.nip as string, m.name as string]));
  const monday = mondayOf(today);
  let told = 0;
  for (const unit of units) {
    const below = units
      .filter((c) => c.parentCode === unit.code)
      .flatMap((c) => {
        const rec = records.get(c.code);
        return rec?.adoption.belowThreshold ? [{ unit: c, rec }] : [];
      });
    const digest = digestOf(unit, records.get(unit.code), below, names);
    if (!digest) continue;
    const heads = unitHeads(people.filter((m) => isWithin(m.unitPath as string, unit.path)));
    if (heads.length === 0) continue;
    told += await deliver(
      scope,
      heads.map((h) => EmployeeRepository.fromItem(h)),
      {
        type: 'adoption_digest',
        audience: { role: 'unit_heads', unitCode: unit.code, date: today },
        title: digest.title,
        body: digest.body,
        link: `/units/${unit.code}/adoption/${periodId}`,
      },
      { at: `${monday}T00:00:00.000Z`, id: `adoption-${unit.code}-${monday}` },
    );
  }
  return told;
}
