import { randomUUID } from 'node:crypto';
import { forEachConcurrently } from '../concurrency.ts';
import { unitHeads } from '../domain/units.ts';
import { versionInForce } from '../domain/plans.ts';
import type { Rules } from '../domain/rules.ts';
import { type IndicatorInput, type UnitPredikat, headRatingOf, periodMonths, scoreHasilKerja } from '../domain/scoring.ts';
import { type ServiceIndicators, indicatorsOf, realisasiOf } from '../domain/service-indicators.ts';
import { DomainError } from '../messages/errors.ts';
import { EmployeeRepository } from './employees.ts';
import { type ComputedEvaluation, EvaluationRepository, type RealisasiSource, hashOfInputs } from './evaluations.ts';
import { type Item, type OrgScope, type WriteContext, isConditionalFailure } from './org-scope.ts';
import { PlanRepository, type PlanVersion } from './plans.ts';
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
  /** Set once every task is written: a start killed half-way never counts as finished. */
  taskCount?: number;
  doneTasks?: number;
  scored?: number;
  finishedAt?: string;
}

const ACTIVE_STATES = ['closed', 'scored'];

/**
 * Scoring runs and their tasks. Each task is its own partition, so the stream spreads tasks over its shards and
 * the consumer runs them side by side. Keys:
 *   pk ORG#o#SCORING#<periodId> / sk RUN#<runId>                               a run, with its task counters
 *   pk ORG#o#SCORINGTASK#<periodId>#<runId>#<unit>#<slice> / sk TASK           a unit of work (not audited)
 *        gsi1 ORG#o#SCORINGTASKS#<periodId>#<runId> / <unit>#<slice>            the tasks of a run (progress)
 * Tasks carry `taskType: 'scoring'`, which the run-scoring-task stream consumer filters on.
 */
export class ScoringRunRepository {
  constructor(private readonly scope: OrgScope) {}

  private pk(periodId: string) {
    return this.scope.key('SCORING', periodId);
  }

  private taskKey(t: Pick<ScoringTask, 'periodId' | 'runId' | 'unitCode' | 'slice'>) {
    return { pk: this.scope.key('SCORINGTASK', t.periodId, t.runId, t.unitCode, String(t.slice).padStart(4, '0')), sk: 'TASK' };
  }

  taskItem(t: ScoringTask): Item {
    return {
      ...this.taskKey(t),
      gsi1pk: this.scope.key('SCORINGTASKS', t.periodId, t.runId),
      gsi1sk: `${t.unitCode}#${String(t.slice).padStart(4, '0')}`,
      orgId: this.scope.orgId,
      taskType: t.mode === 'stream' ? 'scoring' : 'scoring-inline',
      ...t,
    };
  }

  async run(periodId: string, runId: string): Promise<ScoringRun | undefined> {
    return (await this.scope.get('main', this.pk(periodId), `RUN#${runId}`, true)) as ScoringRun | undefined;
  }

  /** The tasks of a run, for progress (index: may trail the counters by a moment). */
  async tasks(periodId: string, runId: string): Promise<ScoringTask[]> {
    return (await this.scope.queryAll('main', { index: 'gsi1', pk: this.scope.key('SCORINGTASKS', periodId, runId) })) as unknown as ScoringTask[];
  }

  async latestRun(periodId: string): Promise<ScoringRun | undefined> {
    const page = await this.scope.query('main', { pk: this.pk(periodId), beginsWith: 'RUN#', newestFirst: true, limit: 1 });
    return page.items[0] as unknown as ScoringRun | undefined;
  }

  /**
   * Starts a run over the units of `unitCode`'s subtree (or all): the period's rules version is pinned, the run
   * recorded, one task per unit written, then the task count set. Run ids sort by time.
   */
  async start(period: Period, year: number, unitCode: string | null, mode: ScoringTask['mode'], ctx: WriteContext): Promise<{ run: ScoringRun; tasks: ScoringTask[] }> {
    if (!ACTIVE_STATES.includes(period.state)) throw new DomainError('scoring_period_state', { period: period.id, state: period.state });
    const years = new YearRepository(this.scope);
    const tree = await new UnitRepository(this.scope).tree();
    const root = unitCode ? tree.find((u) => u.code === unitCode) : undefined;
    if (unitCode && !root) throw new DomainError('not_found', { what: 'unit' });
    const selected = root ? tree.filter((u) => u.path.startsWith(root.path)) : tree;
    const rulesVersion = period.rulesVersion ?? (await years.rules(year))!.current.rulesVersion;
    if (period.rulesVersion === undefined) await years.updatePeriod(year, period.id, period.version, () => ({ rulesVersion }), ctx);
    const runId = `${ctx.now.replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`;
    const run: ScoringRun = { periodId: period.id, runId, unitCode, rulesVersion, startedBy: ctx.actor, startedAt: ctx.now, state: 'running', doneTasks: 0, scored: 0 };
    await this.scope.put('main', { pk: this.pk(period.id), sk: `RUN#${runId}`, orgId: this.scope.orgId, ...run });
    const tasks = selected.map((u): ScoringTask => ({ periodId: period.id, runId, unitCode: u.code, slice: 0, mode, state: 'pending' }));
    await this.scope.putMany('main', tasks.map((t) => this.taskItem(t)));
    await this.scope.update('main', { pk: this.pk(period.id), sk: `RUN#${runId}` }, { set: 'ADD taskCount :n', values: { ':n': tasks.length } });
    // Tasks the consumer finished while the count was not set yet: the run may be complete already.
    await this.finishIfComplete(period.id, runId, ctx);
    return { run: { ...run, taskCount: tasks.length }, tasks };
  }

  /** A continuation task (the next slice of a large unit), counted in the run before it is written. */
  async addTask(t: ScoringTask): Promise<void> {
    try {
      await this.scope.transact([
        { put: { table: 'main', item: this.taskItem(t), condition: 'attribute_not_exists(pk)' } },
        { update: { table: 'main', key: { pk: this.pk(t.periodId), sk: `RUN#${t.runId}` }, set: 'ADD taskCount :one', values: { ':one': 1 } } },
      ]);
    } catch (err) {
      if (!isConditionalFailure(err)) throw err; // already added by an earlier delivery of this task
    }
  }

  /** Marks a task done and counts it on its run, once (a redelivered task counts nothing twice). */
  async markDone(t: ScoringTask, scored: number, now: string): Promise<void> {
    try {
      await this.scope.transact([
        { update: { table: 'main', key: this.taskKey(t), set: 'SET #s = :done, scored = :n, doneAt = :at', condition: '#s = :pending', names: { '#s': 'state' }, values: { ':done': 'done', ':n': scored, ':at': now, ':pending': 'pending' } } },
        { update: { table: 'main', key: { pk: this.pk(t.periodId), sk: `RUN#${t.runId}` }, set: 'ADD doneTasks :one, scored :n', values: { ':one': 1, ':n': scored } } },
      ]);
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
    }
  }

  /**
   * When every task of the run is done: the run is done and — for a run over the whole organisation — the period
   * scored (both idempotent). A run over one unit never scores the period: the others may not be scored.
   */
  async finishIfComplete(periodId: string, runId: string, ctx: WriteContext): Promise<boolean> {
    const run = await this.run(periodId, runId);
    if (!run || run.taskCount === undefined || (run.doneTasks ?? 0) < run.taskCount) return false;
    if (run.state !== 'done') {
      await this.scope.update('main', { pk: this.pk(periodId), sk: `RUN#${runId}` }, { set: 'SET #s = :done, finishedAt = :at', names: { '#s': 'state' }, values: { ':done': 'done', ':at': ctx.now } });
    }
    if (run.unitCode !== null) return true;
    const year = Number(periodId.slice(0, 4));
    const period = (await new YearRepository(this.scope).get(year))?.periods.find((p) => p.id === periodId);
    if (period?.state === 'closed') {
      await new YearRepository(this.scope)
        .updatePeriod(year, periodId, period.version, (p) => (p.state === 'closed' ? { state: 'scored', rulesVersion: p.rulesVersion ?? run.rulesVersion } : {}), ctx)
        .catch((err: unknown) => {
          if (!(err instanceof DomainError && err.code === 'version_conflict')) throw err;
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

/** Scores one task's employees (see the chunk loop for the requests it makes). */
export async function runScoringTask(scope: OrgScope, task: ScoringTask, ctx: WriteContext, onProgress?: (done: number) => void): Promise<{ scored: number; next?: ScoringTask }> {
  const year = Number(task.periodId.slice(0, 4));
  const years = new YearRepository(scope);
  const [unit, found] = await Promise.all([new UnitRepository(scope).get(task.unitCode), years.getWithRules(year)]);
  const period = found?.year.periods.find((p) => p.id === task.periodId);
  if (!unit || !found || !period || period.state === 'finalised') return { scored: 0 }; // finalised: only appeals change it
  const rules = found.rules.history.find((r) => r.rulesVersion === period.rulesVersion) ?? found.rules.current;
  const evaluations = new EvaluationRepository(scope);
  const everyone = (await new EmployeeRepository(scope).allUnitMembers(unit.path)).filter((m) => m.unitCode === unit.code);
  // Heads: members whose supervisor is not in the unit (anyone in it, active or not, still counts as inside).
  const heads = new Set(unitHeads(everyone).map((m) => m.nip as string));
  const all = everyone.filter((m) => m.status === 'active').sort((a, b) => (a.nip as string).localeCompare(b.nip as string));
  const members = all.slice(task.slice * SLICE, (task.slice + 1) * SLICE);
  let next: ScoringTask | undefined;
  if (all.length > (task.slice + 1) * SLICE) {
    next = { ...task, slice: task.slice + 1, state: 'pending' };
    await new ScoringRunRepository(scope).addTask(next);
  }
  const unitPredikat = (await evaluations.unitPredikat(unit.code, period.id))?.predikat ?? null;
  const shared: TaskContext = { period, rules, unitPredikat, runId: task.runId };

  // Chunks of 100: plan versions one query each (eight at once), the running totals in batch reads, the results
  // in batch writes — about one request per person, plus one per 25 for the totals and one per 25 for the writes.
  // The next chunk's reads overlap this chunk's writes.
  let done = 0;
  const chunks = Array.from({ length: Math.ceil(members.length / 100) }, (_, c) => members.slice(c * 100, c * 100 + 100));
  let reading = chunks[0] ? loadInputs(scope, chunks[0], period) : undefined;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    const inputs = await reading!;
    reading = chunks[c + 1] ? loadInputs(scope, chunks[c + 1]!, period) : undefined;
    const results = chunk.map((m, k) => computeEvaluation(m, heads.has(m.nip as string), shared, inputs[k]!, ctx.now));
    // A period finalised while the run goes on is left alone from then on (checked every 1,000 people).
    if (c > 0 && c % 10 === 0 && (await years.get(year))?.periods.find((p) => p.id === period.id)?.state === 'finalised') break;
    await evaluations.saveComputed(results, ctx);
    done += chunk.length;
    onProgress?.(done);
  }
  await reading?.catch(() => undefined);
  return { scored: done, ...(next ? { next } : {}) };
}

/** What one person's evaluation reads: the plan versions of the year, approved quantities per IKI, service figures. */
export interface PersonInputs {
  versions: PlanVersion[];
  approved: Map<string, number>;
  service?: ServiceIndicators;
}

async function loadInputs(scope: OrgScope, chunk: Item[], period: Period): Promise<PersonInputs[]> {
  const year = Number(period.id.slice(0, 4));
  const plans = new PlanRepository(scope);
  const versions = new Array<PlanVersion[]>(chunk.length);
  await forEachConcurrently(chunk, 8, async (m, k) => {
    versions[k] = await plans.versions(m.nip as string, year);
  });
  const plan = (k: number) => versionInForce(versions[k]!, period.end) ?? versions[k]!.findLast((v) => v.state === 'approved' || v.state === 'superseded');
  const ikiIds = (k: number) => (plan(k)?.rhk ?? []).flatMap((r) => r.iki.filter((i) => i.source !== 'service').map((i) => i.id));
  const approved = chunk.map(() => new Map<string, number>());
  const owner = new Map(chunk.map((m, k) => [scope.key('EMP', m.nip as string), k]));
  if (period.kind === 'year') {
    // The year adds up its months (or quarters): one query per person.
    await Promise.all(
      chunk.map(async (m, k) => {
        for (const t of await scope.queryAll('main', { pk: scope.key('EMP', m.nip as string), beginsWith: `TOTAL#${period.id}` })) {
          if (typeof t.ikiId === 'string') approved[k]!.set(t.ikiId, (approved[k]!.get(t.ikiId) ?? 0) + ((t.approvedQuantity as number) ?? 0));
        }
      }),
    );
  } else {
    const keys = chunk.flatMap((m, k) => ikiIds(k).map((id) => ({ pk: scope.key('EMP', m.nip as string), sk: `TOTAL#${period.id}#IKI#${id}` })));
    for (const t of await scope.getMany('main', keys)) approved[owner.get(t.pk as string)!]!.set(t.ikiId as string, (t.approvedQuantity as number) ?? 0);
  }
  const services = await Promise.all(
    chunk.map(async (m, k) =>
      (plan(k)?.rhk ?? []).some((r) => r.iki.some((i) => i.source === 'service'))
        ? indicatorsOf((await new ServiceTotalsRepository(scope).officer(m.nip as string, period.id)).combined)
        : undefined,
    ),
  );
  return chunk.map((_, k) => ({ versions: versions[k]!, approved: approved[k]!, ...(services[k] ? { service: services[k] } : {}) }));
}

/** One employee's evaluation from the running totals and the plan in force at the period's end. Pure. */
export function computeEvaluation(m: Item, isHead: boolean, c: TaskContext, read: PersonInputs, now: string): ComputedEvaluation {
  const nip = m.nip as string;
  const plan = versionInForce(read.versions, c.period.end) ?? read.versions.findLast((v) => v.state === 'approved' || v.state === 'superseded');
  const ikis = (plan?.rhk ?? []).flatMap((r) => r.iki.map((k) => ({ r, k })));
  const { approved, service } = read;

  const sources: Record<string, RealisasiSource> = {};
  const indicators = ikis.map(({ r, k }): IndicatorInput => {
    let realisasi: number | null;
    if (k.source === 'service') {
      realisasi = k.serviceMetric && service ? realisasiOf(k.serviceMetric, service) : null;
      sources[k.id] = { kind: 'service', record: `SVCSUM#${c.period.id}#UNIT#*`, field: k.serviceMetric ?? '-' };
    } else {
      // No approved activity at all: no realisasi (a lower-is-better indicator would otherwise score 200).
      realisasi = approved.get(k.id) ?? null;
      sources[k.id] = { kind: 'activities', record: `TOTAL#${c.period.kind === 'year' ? `${c.period.id}-*` : c.period.id}#IKI#${k.id}`, field: 'approvedQuantity' };
    }
    // A yearly quantity target is spread over the year: a month carries 1/12 of it, a quarter 3/12 (policy default).
    const months = k.aspect === 'kuantitas' ? periodMonths(c.period.kind) : 12;
    return { rhkId: r.id, ikiId: k.id, kind: r.kind, name: k.name, target: k.target, direction: k.direction, weight: k.weight, realisasi, months };
  });
  const hasilKerja = scoreHasilKerja(indicators, c.rules);
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
