import { randomUUID } from 'node:crypto';
import { versionInForce } from '../domain/plans.ts';
import type { Rules } from '../domain/rules.ts';
import { type IndicatorInput, type UnitPredikat, headRatingOf, scoreHasilKerja } from '../domain/scoring.ts';
import { indicatorsOf, realisasiOf } from '../domain/service-indicators.ts';
import { AppError } from '../http/errors.ts';
import { EmployeeRepository } from './employees.ts';
import { type ComputedEvaluation, EvaluationRepository, type RealisasiSource, hashOfInputs } from './evaluations.ts';
import type { Item, OrgScope, WriteContext } from './org-scope.ts';
import { PlanRepository } from './plans.ts';
import { ServiceTotalsRepository } from './service-totals.ts';
import { UnitRepository } from './units.ts';
import { type Period, YearRepository } from './years.ts';

/** A unit of work: one unit's own members (not its subtree), a slice of at most SLICE of them by NIP. */
export const SLICE = 2_000;

export interface ScoringTask {
  periodId: string;
  runId: string;
  unitCode: string;
  slice: number;
  /** `stream`: picked up by the run-scoring-task consumer; `inline`: run by whoever made it (npm run score). */
  mode: 'stream' | 'inline';
  state: 'pending' | 'done';
  scored?: number;
}

export interface ScoringRun {
  periodId: string;
  runId: string;
  unitCode: string | null;
  rulesVersion: number;
  startedBy: string;
  startedAt: string;
  state: 'running' | 'done';
  finishedAt?: string;
}

const ACTIVE_STATES = ['closed', 'scored'];

/**
 * Scoring runs and their tasks, in the period's partition. Keys:
 *   pk ORG#o#SCORING#<periodId> / sk RUN#<runId>                     a run
 *   pk ORG#o#SCORING#<periodId> / sk TASK#<runId>#<unit>#<slice>     a unit of work (no `entity`: not audited)
 * Tasks carry `taskType: 'scoring'`, which the run-scoring-task stream consumer filters on.
 */
export class ScoringRunRepository {
  constructor(private readonly scope: OrgScope) {}

  private pk(periodId: string) {
    return this.scope.key('SCORING', periodId);
  }

  taskItem(t: ScoringTask): Item {
    return {
      pk: this.pk(t.periodId),
      sk: `TASK#${t.runId}#${t.unitCode}#${String(t.slice).padStart(4, '0')}`,
      orgId: this.scope.orgId,
      taskType: t.mode === 'stream' ? 'scoring' : 'scoring-inline',
      ...t,
    };
  }

  async run(periodId: string, runId: string): Promise<{ run: ScoringRun; tasks: ScoringTask[] } | undefined> {
    const [head, tasks] = await Promise.all([
      this.scope.get('main', this.pk(periodId), `RUN#${runId}`, true),
      this.scope.queryAll('main', { pk: this.pk(periodId), beginsWith: `TASK#${runId}#`, consistent: true }),
    ]);
    if (!head) return undefined;
    return { run: head as unknown as ScoringRun, tasks: tasks as unknown as ScoringTask[] };
  }

  async latestRun(periodId: string): Promise<ScoringRun | undefined> {
    const page = await this.scope.query('main', { pk: this.pk(periodId), beginsWith: 'RUN#', newestFirst: true, limit: 1 });
    return page.items[0] as unknown as ScoringRun | undefined;
  }

  /**
   * Starts a run over the units of `unitCode`'s subtree (or all): the period's rules version is pinned, the run
   * recorded, then one task per unit. Run ids sort by time, so the latest run is one query.
   */
  async start(period: Period, year: number, unitCode: string | null, mode: ScoringTask['mode'], ctx: WriteContext): Promise<{ run: ScoringRun; tasks: ScoringTask[] }> {
    if (!ACTIVE_STATES.includes(period.state)) throw new AppError(409, 'scoring_period_state', { period: period.id, state: period.state });
    const years = new YearRepository(this.scope);
    const units = new UnitRepository(this.scope);
    const tree = await units.tree();
    const root = unitCode ? tree.find((u) => u.code === unitCode) : undefined;
    if (unitCode && !root) throw new AppError(404, 'not_found', { what: 'unit' });
    const selected = root ? tree.filter((u) => u.path.startsWith(root.path)) : tree;
    const rulesVersion = period.rulesVersion ?? (await years.rules(year))!.current.rulesVersion;
    if (period.rulesVersion === undefined) await years.updatePeriod(year, period.id, period.version, () => ({ rulesVersion }), ctx);
    const runId = `${ctx.now.replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`;
    const run: ScoringRun = { periodId: period.id, runId, unitCode, rulesVersion, startedBy: ctx.actor, startedAt: ctx.now, state: 'running' };
    await this.scope.put('main', { pk: this.pk(period.id), sk: `RUN#${runId}`, orgId: this.scope.orgId, ...run });
    const tasks = selected.map((u): ScoringTask => ({ periodId: period.id, runId, unitCode: u.code, slice: 0, mode, state: 'pending' }));
    await this.scope.putMany('main', tasks.map((t) => this.taskItem(t)));
    return { run, tasks };
  }

  async addTask(t: ScoringTask): Promise<void> {
    await this.scope.put('main', this.taskItem(t), { expression: 'attribute_not_exists(pk)' }).catch((err: unknown) => {
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    });
  }

  async markDone(t: ScoringTask, scored: number, now: string): Promise<void> {
    const item = this.taskItem(t);
    await this.scope.update('main', { pk: item.pk as string, sk: item.sk as string }, { set: 'SET #s = :done, scored = :n, doneAt = :at', names: { '#s': 'state' }, values: { ':done': 'done', ':n': scored, ':at': now } });
  }

  /** When every task of the run is done: the run is done and the period scored (both idempotent). */
  async finishIfComplete(periodId: string, runId: string, ctx: WriteContext): Promise<boolean> {
    const found = await this.run(periodId, runId);
    if (!found || found.tasks.some((t) => t.state !== 'done')) return false;
    if (found.run.state !== 'done') {
      await this.scope.update('main', { pk: this.pk(periodId), sk: `RUN#${runId}` }, { set: 'SET #s = :done, finishedAt = :at', names: { '#s': 'state' }, values: { ':done': 'done', ':at': ctx.now } });
    }
    const year = Number(periodId.slice(0, 4));
    const period = (await new YearRepository(this.scope).get(year))?.periods.find((p) => p.id === periodId);
    if (period?.state === 'closed') {
      await new YearRepository(this.scope)
        .updatePeriod(year, periodId, period.version, (p) => (p.state === 'closed' ? { state: 'scored', rulesVersion: p.rulesVersion ?? found.run.rulesVersion } : {}), ctx)
        .catch((err: unknown) => {
          if (!(err instanceof AppError && err.status === 409)) throw err;
        });
    }
    return true;
  }
}

/** What every employee of a task shares: the period, its rules, the unit's own predikat. */
export interface TaskContext {
  period: Period;
  rules: Rules & { rulesVersion: number };
  unitPredikat: UnitPredikat | null;
  runId: string;
}

/** Scores one task's employees: three requests per person (plan versions, running totals, the write), four with service IKI. */
export async function runScoringTask(scope: OrgScope, task: ScoringTask, ctx: WriteContext, onProgress?: (done: number) => void): Promise<number> {
  const year = Number(task.periodId.slice(0, 4));
  const [unit, found] = await Promise.all([new UnitRepository(scope).get(task.unitCode), new YearRepository(scope).getWithRules(year)]);
  const period = found?.year.periods.find((p) => p.id === task.periodId);
  if (!unit || !found || !period) return 0;
  if (period.state === 'finalised') return 0; // finalised evaluations change only through an appeal
  const rules = found.rules.history.find((r) => r.rulesVersion === period.rulesVersion) ?? found.rules.current;
  const evaluations = new EvaluationRepository(scope);
  const all = (await new EmployeeRepository(scope).allUnitMembers(unit.path)).filter((m) => m.unitCode === unit.code && m.status === 'active');
  all.sort((a, b) => (a.nip as string).localeCompare(b.nip as string));
  const members = all.slice(task.slice * SLICE, (task.slice + 1) * SLICE);
  if (all.length > (task.slice + 1) * SLICE) await new ScoringRunRepository(scope).addTask({ ...task, slice: task.slice + 1, state: 'pending' });
  const inUnit = new Set(all.map((m) => m.nip as string));
  const unitPredikat = (await evaluations.unitPredikat(unit.code, period.id))?.predikat ?? null;
  const shared: TaskContext = { period, rules, unitPredikat, runId: task.runId };

  let done = 0;
  const queue = [...members];
  const worker = async () => {
    for (let m = queue.shift(); m; m = queue.shift()) {
      const isHead = !m.supervisorNip || !inUnit.has(m.supervisorNip as string);
      await evaluations.saveComputed(await computeEvaluation(scope, m, isHead, shared, ctx.now), ctx);
      done++;
      if (onProgress && done % 100 === 0) onProgress(done);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return done;
}

/** One employee's evaluation from the running totals and the plan in force at the period's end. */
export async function computeEvaluation(scope: OrgScope, m: Item, isHead: boolean, c: TaskContext, now: string): Promise<ComputedEvaluation> {
  const nip = m.nip as string;
  const year = Number(c.period.id.slice(0, 4));
  const [versions, totals] = await Promise.all([
    new PlanRepository(scope).versions(nip, year),
    // The year's evaluation adds up its months (or quarters): one query either way.
    scope.queryAll('main', { pk: scope.key('EMP', nip), beginsWith: `TOTAL#${c.period.id}` }),
  ]);
  const plan = versionInForce(versions, c.period.end) ?? versions.findLast((v) => v.state === 'approved' || v.state === 'superseded');
  const ikis = (plan?.rhk ?? []).flatMap((r) => r.iki.map((k) => ({ r, k })));
  const approved = new Map<string, number>();
  for (const t of totals) if (typeof t.ikiId === 'string') approved.set(t.ikiId, (approved.get(t.ikiId) ?? 0) + ((t.approvedQuantity as number) ?? 0));
  const service = ikis.some(({ k }) => k.source === 'service') ? indicatorsOf((await new ServiceTotalsRepository(scope).officer(nip, c.period.id)).combined) : undefined;

  const sources: Record<string, RealisasiSource> = {};
  const inputs = ikis.map(({ r, k }): IndicatorInput => {
    let realisasi: number | null;
    if (k.source === 'service') {
      realisasi = k.serviceMetric && service ? realisasiOf(k.serviceMetric, service) : null;
      sources[k.id] = { kind: 'service', record: `SVCSUM#${c.period.id}#UNIT#*`, field: k.serviceMetric ?? '-' };
    } else {
      realisasi = approved.get(k.id) ?? 0;
      sources[k.id] = { kind: 'activities', record: `TOTAL#${c.period.kind === 'year' ? `${c.period.id}-*` : c.period.id}#IKI#${k.id}`, field: 'approvedQuantity' };
    }
    return { rhkId: r.id, ikiId: k.id, kind: r.kind, name: k.name, target: k.target, direction: k.direction, weight: k.weight, realisasi };
  });
  const hasilKerja = scoreHasilKerja(inputs, c.rules);
  // No approved plan: nothing to rate against, so below expectation (explained as such).
  const recommendedHasilKerja = isHead && c.unitPredikat ? headRatingOf(c.unitPredikat) : plan ? hasilKerja.recommended : 'di_bawah';
  const computed = {
    nip,
    name: m.name as string,
    position: m.position as string,
    unitCode: m.unitCode as string,
    unitPath: m.unitPath as string,
    supervisorNip: (m.supervisorNip as string | null) ?? null,
    periodId: c.period.id,
    planVersion: plan?.planVersion ?? null,
    rulesVersion: c.rules.rulesVersion,
    hasilKerja: { ...hasilKerja, sources },
    head: isHead ? { unitPredikat: c.unitPredikat } : null,
    recommendedHasilKerja,
  };
  return { ...computed, inputsHash: hashOfInputs(computed), runId: c.runId, computedAt: now };
}
