/**
 * The recap workbook of a unit subtree (an OPD, a bidang…) and a period: evaluations, activity adoption, service
 * indicators and rewards, one sheet each. Its figures are read through the same use cases and repositories as the
 * API's JSON (the reward list's reads, the service indicators, the period totals), so they are the same numbers.
 * Read by whoever may read the unit's rewards; every download is in the audit trail.
 */
import { forEachConcurrently } from '../concurrency.ts';
import { outcomeOf } from '../domain/evaluation.ts';
import { isFinalisedAt } from '../domain/evaluation-finalisation.ts';
import { workingDaysBetween } from '../domain/service-hours.ts';
import { wibDate, yearOf } from '../domain/time.ts';
import {
  type RecapAdoption,
  type RecapData,
  type RecapEvaluation,
  type RecapPerson,
  type RecapServiceRow,
  recapSheets,
} from '../domain/workbooks.ts';
import { XLSX_TYPE, xlsxOf } from '../domain/workbooks-xlsx.ts';
import { ActivityRepository } from '../store/activities.ts';
import { HolidayRepository } from '../store/holidays.ts';
import { recordDownload } from './audit.ts';
import type { UseCaseContext } from './context.ts';
import { rewardList, rewardReadersView } from './evaluations.ts';
import { unitServiceIndicators } from './services.ts';

type View = Awaited<ReturnType<typeof rewardReadersView>>;

/** Everyone the recap names: today's members of the subtree, and whoever was evaluated in it (moved since). */
function peopleOf({ members, evaluations, tree }: View): (RecapPerson & { unitPath: string })[] {
  const unitNames = new Map(tree.map((u) => [u.code, u.name]));
  const people = new Map<string, RecapPerson & { unitPath: string }>();
  for (const e of evaluations)
    people.set(e.nip, {
      nip: e.nip,
      name: e.name ?? '',
      position: e.position ?? '',
      unitCode: e.unitCode ?? '',
      unitName: unitNames.get(e.unitCode ?? '') ?? '',
      unitPath: e.unitPath ?? '',
    });
  for (const m of members)
    if (!people.has(m.nip as string))
      people.set(m.nip as string, {
        nip: m.nip as string,
        name: m.name as string,
        position: m.position as string,
        unitCode: m.unitCode as string,
        unitName: unitNames.get(m.unitCode as string) ?? '',
        unitPath: m.unitPath as string,
      });
  return [...people.values()].sort((a, b) => a.unitPath.localeCompare(b.unitPath) || a.nip.localeCompare(b.nip));
}

/** Each person's evaluation with the outcome in force, as `GET /employees/{nip}/evaluations/{period}` shows it. */
function evaluationRows(view: View): RecapEvaluation[] {
  const byNip = new Map(view.evaluations.map((e) => [e.nip, e]));
  return peopleOf(view).map(({ unitPath: _, ...person }) => {
    const e = byNip.get(person.nip);
    if (!e) return { ...person, evaluation: null };
    const o = outcomeOf(e);
    return {
      ...person,
      evaluation: {
        nilaiKinerja: e.hasilKerja?.nilaiKinerjaRounded ?? null,
        recommendedHasilKerja: e.recommendedHasilKerja ?? null,
        hasilKerja: o.hasilKerja,
        perilaku: o.perilaku,
        predikat: o.predikat,
        source: o.source,
        final: isFinalisedAt(view.period, e.unitPath),
        computedAt: e.computedAt ?? null,
        reviewedAt: o.source === 'review' ? (e.review?.at ?? null) : null,
      },
    };
  });
}

/**
 * Each member's activity: the period totals in batch reads (as the unit's monitoring sums them), and the days they
 * logged on, one query of their day totals each (16 at a time): the working days counted as the monitoring rows do.
 */
async function adoptionRows(ctx: UseCaseContext, view: View): Promise<RecapAdoption[]> {
  const { period } = view;
  const people = peopleOf({ ...view, evaluations: [] });
  const repo = new ActivityRepository(ctx.scope);
  const today = wibDate(ctx.now);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings, Math.min would make them NaN
  const last = today < period.end ? today : period.end;
  const [totals, holidays] = await Promise.all([
    repo.periodTotalsOf(
      people.map((p) => p.nip),
      period.id,
    ),
    new HolidayRepository(ctx.scope).dates([yearOf(period.id)]),
  ]);
  const working = last >= period.start ? workingDaysBetween(period.start, last, holidays) : [];
  const workingSet = new Set(working);
  const daysLogged = new Array<number>(people.length).fill(0);
  if (working.length)
    await forEachConcurrently(people, 16, async (p, k) => {
      const days = await repo.days(p.nip, period.start, last);
      daysLogged[k] = days.filter((d) => d.loggedMinutes > 0 && workingSet.has(d.date)).length;
    });
  return people.map(({ unitPath: _, ...p }, k) => {
    const { pending, approved, rejected, countedMinutes } = totals[k]!;
    return {
      ...p,
      pending,
      approved,
      rejected,
      countedMinutes,
      daysLogged: daysLogged[k]!,
      workingDays: working.length,
    };
  });
}

/** The subtree's roll-up, each child unit's, and each service type of each unit (the indicators' own figures). */
function serviceRows(
  indicators: Awaited<ReturnType<typeof unitServiceIndicators>>,
  unitNames: Map<string, string>,
): RecapServiceRow[] {
  return [
    {
      level: 'subtree' as const,
      unitCode: indicators.unitCode,
      unitName: unitNames.get(indicators.unitCode) ?? '',
      serviceType: null,
      serviceName: null,
      standardMinutes: null,
      ...indicators.unit,
    },
    ...indicators.children.map((c) => ({
      ...c,
      level: 'child' as const,
      unitCode: c.unitCode,
      unitName: c.name,
      serviceType: null,
      serviceName: null,
      standardMinutes: null,
    })),
    ...indicators.serviceTypes.map((t) => ({
      ...t,
      level: 'serviceType' as const,
      unitCode: t.unitCode,
      unitName: unitNames.get(t.unitCode) ?? '',
      serviceType: t.serviceType,
      serviceName: t.name,
      standardMinutes: t.standardMinutes,
    })),
  ];
}

/** The recap's data, sheet by sheet (what the workbook is written from; tests compare it with the API's JSON). */
export async function unitRecapData(
  ctx: UseCaseContext,
  code: string,
  periodId: string,
): Promise<{ view: View; data: RecapData }> {
  const view = await rewardReadersView(ctx, code, periodId);
  const unitNames = new Map(view.tree.map((u) => [u.code, u.name]));
  const [adoption, indicators] = await Promise.all([
    adoptionRows(ctx, view),
    unitServiceIndicators(ctx, code, view.period.id),
  ]);
  return {
    view,
    data: {
      evaluations: evaluationRows(view),
      adoption,
      services: serviceRows(indicators, unitNames),
      rewards: rewardList(view).items,
    },
  };
}

/** The recap workbook (.xlsx) and the name to save it under; the download recorded in the audit trail first. */
export async function unitRecapWorkbook(
  ctx: UseCaseContext,
  code: string,
  periodId: string,
): Promise<{ filename: string; file: Uint8Array; contentType: string }> {
  const { view, data } = await unitRecapData(ctx, code, periodId);
  const file = await xlsxOf(recapSheets(data), ctx.now);
  const { unit, period } = view;
  await recordDownload(ctx, {
    document: `recap:${unit.code}:${period.id}`,
    details: {
      document: 'recap',
      format: 'xlsx',
      unitCode: unit.code,
      periodId: period.id,
      bytes: file.byteLength,
      rows: {
        evaluations: data.evaluations.length,
        adoption: data.adoption.length,
        services: data.services.length,
        rewards: data.rewards.length,
      },
    },
  });
  return { filename: `rekap-${unit.code}-${period.id}.xlsx`, file, contentType: XLSX_TYPE };
}
