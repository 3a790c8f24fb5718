import { randomUUID } from 'node:crypto';
import { rulesOfPeriod } from '../domain/rules.ts';
import { yearOf } from '../domain/time.ts';
import { DomainError } from '../messages/errors.ts';
import { type Item, isConditionalFailure, type OrgScope, recordOf, type WriteContext } from './org-scope.ts';
import { UnitRepository } from './units.ts';
import { type Period, YearRepository } from './years.ts';

/** A unit of work: one unit's own members (not its subtree), a slice of at most SLICE of them by NIP. */
export const SLICE = 2_000;

export interface ScoringTask {
  periodId: string;
  runId: string;
  unitCode: string;
  slice: number;
  /** `queue`: sent to the scoring-tasks queue, run by run-scoring-task; `inline`: run by whoever made it (npm run score). */
  mode: 'queue' | 'inline';
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
 * Scoring runs and their tasks. Each task is its own record (its state and count), delivered through the
 * scoring-tasks queue (shared/app/scoring.ts), whose consumer runs them side by side. Keys:
 *   pk ORG#o#SCORING#<periodId> / sk RUN#<runId>                               a run, with its task counters
 *   pk ORG#o#SCORINGTASK#<periodId>#<runId>#<unit>#<slice> / sk TASK           a unit of work (not audited)
 *        gsi1 ORG#o#SCORINGTASKS#<periodId>#<runId> / <unit>#<slice>            the tasks of a run (progress)
 */
export class ScoringRunRepository {
  constructor(private readonly scope: OrgScope) {}

  private pk(periodId: string) {
    return this.scope.key('SCORING', periodId);
  }

  private taskKey(t: Pick<ScoringTask, 'periodId' | 'runId' | 'unitCode' | 'slice'>) {
    return {
      pk: this.scope.key('SCORINGTASK', t.periodId, t.runId, t.unitCode, String(t.slice).padStart(4, '0')),
      sk: 'TASK',
    };
  }

  taskItem(t: ScoringTask): Item {
    return {
      ...this.taskKey(t),
      gsi1pk: this.scope.key('SCORINGTASKS', t.periodId, t.runId),
      gsi1sk: `${t.unitCode}#${String(t.slice).padStart(4, '0')}`,
      orgId: this.scope.orgId,
      taskType: t.mode === 'queue' ? 'scoring' : 'scoring-inline',
      ...t,
    };
  }

  async run(periodId: string, runId: string): Promise<ScoringRun | undefined> {
    const item = await this.scope.get('main', this.pk(periodId), `RUN#${runId}`, true);
    // The business record only: storage keys and stamps never reach an answer.
    return item ? (recordOf(item) as unknown as ScoringRun) : undefined;
  }

  /** The tasks of a run, for progress (index: may trail the counters by a moment). */
  async tasks(periodId: string, runId: string): Promise<ScoringTask[]> {
    return (await this.scope.queryAll('main', {
      index: 'gsi1',
      pk: this.scope.key('SCORINGTASKS', periodId, runId),
    })) as unknown as ScoringTask[];
  }

  async latestRun(periodId: string): Promise<ScoringRun | undefined> {
    const page = await this.scope.query('main', {
      pk: this.pk(periodId),
      beginsWith: 'RUN#',
      newestFirst: true,
      limit: 1,
    });
    return page.items[0] as unknown as ScoringRun | undefined;
  }

  /**
   * Starts a run over the units of `unitCode`'s subtree (or all): the period's rules version is pinned, the run
   * recorded, one task per unit written, then the task count set. Run ids sort by time.
   */
  async start(
    period: Period,
    year: number,
    unitCode: string | null,
    mode: ScoringTask['mode'],
    ctx: WriteContext,
  ): Promise<{ run: ScoringRun; tasks: ScoringTask[] }> {
    if (!ACTIVE_STATES.includes(period.state))
      throw new DomainError('scoring_period_state', { period: period.id, state: period.state });
    const years = new YearRepository(this.scope);
    const tree = await new UnitRepository(this.scope).tree();
    const root = unitCode ? tree.find((u) => u.code === unitCode) : undefined;
    if (unitCode && !root) throw new DomainError('not_found', { what: 'unit' });
    const selected = root ? tree.filter((u) => u.path.startsWith(root.path)) : tree;
    const rulesVersion = period.rulesVersion ?? rulesOfPeriod(await years.rules(year)).rulesVersion;
    if (period.rulesVersion === undefined)
      await years.updatePeriod(year, period.id, period.version, () => ({ rulesVersion }), ctx);
    const runId = `${ctx.now.replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`;
    const run: ScoringRun = {
      periodId: period.id,
      runId,
      unitCode,
      rulesVersion,
      startedBy: ctx.actor,
      startedAt: ctx.now,
      state: 'running',
      doneTasks: 0,
      scored: 0,
    };
    await this.scope.put('main', { pk: this.pk(period.id), sk: `RUN#${runId}`, orgId: this.scope.orgId, ...run });
    const tasks = selected.map(
      (u): ScoringTask => ({ periodId: period.id, runId, unitCode: u.code, slice: 0, mode, state: 'pending' }),
    );
    await this.scope.putMany(
      'main',
      tasks.map((t) => this.taskItem(t)),
    );
    await this.scope.update(
      'main',
      { pk: this.pk(period.id), sk: `RUN#${runId}` },
      { set: 'ADD taskCount :n', values: { ':n': tasks.length } },
    );
    // Tasks the consumer finished while the count was not set yet: the run may be complete already.
    await this.finishIfComplete(period.id, runId, ctx);
    return { run: { ...run, taskCount: tasks.length }, tasks };
  }

  /** A continuation task (the next slice of a large unit), counted in the run before it is written. */
  async addTask(t: ScoringTask): Promise<void> {
    try {
      await this.scope.transact([
        { put: { table: 'main', item: this.taskItem(t), condition: 'attribute_not_exists(pk)' } },
        {
          update: {
            table: 'main',
            key: { pk: this.pk(t.periodId), sk: `RUN#${t.runId}` },
            set: 'ADD taskCount :one',
            values: { ':one': 1 },
          },
        },
      ]);
    } catch (err) {
      if (!isConditionalFailure(err)) throw err; // already added by an earlier delivery of this task
    }
  }

  /** A task as stored (a redelivered message finds it done). */
  async task(t: Pick<ScoringTask, 'periodId' | 'runId' | 'unitCode' | 'slice'>): Promise<ScoringTask | undefined> {
    const k = this.taskKey(t);
    return (await this.scope.get('main', k.pk, k.sk, true)) as unknown as ScoringTask | undefined;
  }

  /** Marks a task done and counts it on its run, once (a redelivered task counts nothing twice). */
  async markDone(t: ScoringTask, scored: number, now: string): Promise<void> {
    try {
      await this.scope.transact([
        {
          update: {
            table: 'main',
            key: this.taskKey(t),
            set: 'SET #s = :done, scored = :n, doneAt = :at',
            condition: '#s = :pending',
            names: { '#s': 'state' },
            values: { ':done': 'done', ':n': scored, ':at': now, ':pending': 'pending' },
          },
        },
        {
          update: {
            table: 'main',
            key: { pk: this.pk(t.periodId), sk: `RUN#${t.runId}` },
            set: 'ADD doneTasks :one, scored :n',
            values: { ':one': 1, ':n': scored },
          },
        },
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
      await this.scope.update(
        'main',
        { pk: this.pk(periodId), sk: `RUN#${runId}` },
        {
          set: 'SET #s = :done, finishedAt = :at',
          names: { '#s': 'state' },
          values: { ':done': 'done', ':at': ctx.now },
        },
      );
    }
    if (run.unitCode !== null) return true;
    const year = yearOf(periodId);
    const period = (await new YearRepository(this.scope).get(year))?.periods.find((p) => p.id === periodId);
    if (period?.state === 'closed') {
      await new YearRepository(this.scope)
        .updatePeriod(
          year,
          periodId,
          period.version,
          (p) => (p.state === 'closed' ? { state: 'scored', rulesVersion: p.rulesVersion ?? run.rulesVersion } : {}),
          ctx,
        )
        .catch((err: unknown) => {
          if (!(err instanceof DomainError && err.code === 'version_conflict')) throw err;
        });
    }
    return true;
  }
}
