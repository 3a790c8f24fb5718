import type { Adoption } from '../domain/fairness-adoption.ts';
import type { RaterComparison, RaterPattern } from '../domain/fairness-raters.ts';
import type { Signal } from '../domain/fairness-signals.ts';
import { opdOf } from '../domain/units.ts';
import { DomainError, notFound } from '../messages/errors.ts';
import { type Item, isConditionalFailure, type OrgScope, recordOf, type WriteContext } from './org-scope.ts';

/** A person's answer to one signal (a note; supervisor and BKPSDM read it). */
export interface SignalAnswer {
  note: string;
  at: string;
  by: string;
}

/** What a run computed about one person in a period: the signals worth a second look, and the person's answers. */
export interface PersonSignalsRecord {
  nip: string;
  name: string;
  unitCode: string;
  unitPath: string;
  supervisorNip: string | null;
  periodId: string;
  rulesVersion: number;
  computedAt: string;
  signals: Signal[];
  answers: Record<string, SignalAnswer>;
  /** Bumped by each answer (not by recomputes: an answer is never refused because a run went by). */
  version: number;
}

/** What the run writes (answers and version are the person's). */
export type ComputedPersonSignals = Omit<PersonSignalsRecord, 'answers' | 'version'>;

export interface RaterPatternRecord {
  nip: string;
  name: string;
  unitCode: string;
  unitPath: string;
  periodId: string;
  rulesVersion: number;
  computedAt: string;
  pattern: RaterPattern;
  comparison: RaterComparison;
  /** The rater's own unit's service results of the period (null: not measured). */
  unitResults: { withinStandardPct: number | null; ikm: number | null };
}

export interface OverdueQueue {
  supervisorNip: string;
  name: string;
  pending: number;
  oldestPendingDays: number;
}

export interface UnitAdoptionRecord {
  unitCode: string;
  unitPath: string;
  periodId: string;
  computedAt: string;
  /** YYYY-MM-DD (WIB): the day "idle" and "overdue" are counted to. */
  asOf: string;
  adoption: Adoption;
  overdueQueues: OverdueQueue[];
}

/** Stored attributes the records keep to themselves (the hash of what the run found, the audit bookkeeping). */
const INTERNAL = ['signalIds', 'updatedAt', 'updatedBy', 'createdAt'];

/**
 * Fairness analytics of a period, written by the fairness run (shared/app/fairness-runs.ts), read by the fairness
 * pages. Keys (main table):
 *   pk ORG#o#EMP#<nip>   / sk SIGNALS#<periodId>   PersonSignals
 *        gsi1 ORG#o#SIGNALS#<opd>#<periodId> / <unitPath>#<nip>      only while the person has signals (sparse)
 *   pk ORG#o#EMP#<nip>   / sk RATER#<periodId>     RaterPattern
 *        gsi1 ORG#o#RATERS#<opd>#<periodId> / <unitPath>#<nip>
 *   pk ORG#o#UNIT#<code> / sk ADOPTION#<periodId>  UnitAdoption
 *
 * Audit trail: the audit consumer (shared/domain/audit.ts auditEntryFrom) records an image only when it carries both
 * `orgId` and `entity`. Computed records are not people's changes and are written without `orgId` (as the service
 * totals are): a daily recompute of 20,000 people adds nothing to the trail. A person's ANSWER is a change of
 * theirs: it stamps the PersonSignals record (orgId, updatedBy, requestId, subjectNip, version), so the consumer
 * records "PersonSignals updated" with `answers` as the changed field. The next recompute removes `orgId` again
 * (only `signals`, `computedAt`, `rulesVersion` and the names change then, never `answers`).
 */
export class FairnessRepository {
  constructor(private readonly scope: OrgScope) {}

  private signalsKey(nip: string, periodId: string) {
    return { pk: this.scope.key('EMP', nip), sk: `SIGNALS#${periodId}` };
  }

  private raterKey(nip: string, periodId: string) {
    return { pk: this.scope.key('EMP', nip), sk: `RATER#${periodId}` };
  }

  private adoptionKey(code: string, periodId: string) {
    return { pk: this.scope.key('UNIT', code), sk: `ADOPTION#${periodId}` };
  }

  private static signalsOf(item: Item | undefined): PersonSignalsRecord | undefined {
    if (!item) return undefined;
    const r = recordOf(item, ...INTERNAL) as unknown as PersonSignalsRecord;
    return { ...r, answers: r.answers ?? {}, version: r.version ?? 1 };
  }

  /**
   * Writes what a run found about a person (UpdateItem, SET): the signals, when and under which rules; the person's
   * `answers` are never touched (created empty the first time). Idempotent. The index entry exists only while
   * there are signals.
   */
  async putPersonSignals(rec: ComputedPersonSignals): Promise<void> {
    const names: Record<string, string> = { '#name': 'name', '#entity': 'entity' };
    const values: Item = {
      ':nip': rec.nip,
      ':name': rec.name,
      ':unitCode': rec.unitCode,
      ':unitPath': rec.unitPath,
      ':supervisorNip': rec.supervisorNip,
      ':periodId': rec.periodId,
      ':rulesVersion': rec.rulesVersion,
      ':computedAt': rec.computedAt,
      ':signals': rec.signals,
      ':signalIds': rec.signals.map((s) => s.id),
      ':entity': 'PersonSignals',
      ':entityId': `${rec.nip}/${rec.periodId}`,
      ':empty': {},
      ':one': 1,
    };
    const sets = [
      'nip = :nip',
      '#name = :name',
      'unitCode = :unitCode',
      'unitPath = :unitPath',
      'supervisorNip = :supervisorNip',
      'periodId = :periodId',
      'rulesVersion = :rulesVersion',
      'computedAt = :computedAt',
      'signals = :signals',
      'signalIds = :signalIds',
      '#entity = :entity',
      'entityId = :entityId',
      'answers = if_not_exists(answers, :empty)',
      'version = if_not_exists(version, :one)',
    ];
    const removes = ['orgId'];
    if (rec.signals.length > 0) {
      sets.push('gsi1pk = :gsi1pk', 'gsi1sk = :gsi1sk');
      values[':gsi1pk'] = this.scope.key('SIGNALS', opdOf(rec.unitPath), rec.periodId);
      values[':gsi1sk'] = `${rec.unitPath}#${rec.nip}`;
    } else removes.push('gsi1pk', 'gsi1sk');
    await this.scope.update('main', this.signalsKey(rec.nip, rec.periodId), {
      set: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
      names,
      values,
    });
  }

  async personSignals(nip: string, periodId: string, consistent = false): Promise<PersonSignalsRecord | undefined> {
    const k = this.signalsKey(nip, periodId);
    return FairnessRepository.signalsOf(await this.scope.get('main', k.pk, k.sk, consistent));
  }

  /**
   * The person answers one of their signals (a second answer replaces the first). Conditional: the record and the
   * signal must exist (404 `not_found` otherwise) and, when given, the version must match (409 `version_conflict`).
   * Stamps the record as the person's change: the audit trail records it (see the class comment).
   */
  async answerSignal(
    nip: string,
    periodId: string,
    signalId: string,
    answer: { note: string },
    ctx: WriteContext,
    expectedVersion?: number,
  ): Promise<PersonSignalsRecord> {
    const saved: SignalAnswer = { note: answer.note, at: ctx.now, by: ctx.actor };
    const values: Item = {
      ':answer': saved,
      ':id': signalId,
      ':one': 1,
      ':org': this.scope.orgId,
      ':at': ctx.now,
      ':by': ctx.actor,
      ':nip': nip,
    };
    let condition = 'contains(signalIds, :id)';
    if (expectedVersion !== undefined) {
      condition += ' AND version = :expected';
      values[':expected'] = expectedVersion;
    }
    if (ctx.requestId) values[':rid'] = ctx.requestId;
    try {
      const item = await this.scope.update('main', this.signalsKey(nip, periodId), {
        set:
          'SET answers.#signal = :answer, orgId = :org, updatedAt = :at, updatedBy = :by, subjectNip = :nip' +
          `${ctx.requestId ? ', requestId = :rid' : ''} ADD version :one` +
          (ctx.requestId ? '' : ' REMOVE requestId'),
        condition,
        names: { '#signal': signalId },
        values,
      });
      return FairnessRepository.signalsOf(item)!;
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
      const current = await this.personSignals(nip, periodId, true);
      if (!current?.signals.some((s) => s.id === signalId)) throw notFound('signal');
      throw new DomainError('version_conflict', { current: current.version, sent: expectedVersion }, { current });
    }
  }

  /** The people of an OPD (or of one unit subtree of it, by path) who have signals in the period (index query). */
  async signalsOfOpd(opdCode: string, periodId: string, unitPath?: string): Promise<PersonSignalsRecord[]> {
    const items = await this.scope.queryAll('main', {
      index: 'gsi1',
      pk: this.scope.key('SIGNALS', opdCode, periodId),
      ...(unitPath ? { beginsWith: unitPath } : {}),
    });
    return items.map((i) => FairnessRepository.signalsOf(i)!);
  }

  /** Writes a supervisor's pattern whole (idempotent; not audited: computed). */
  raterPatternItem(rec: RaterPatternRecord): Item {
    return {
      ...this.raterKey(rec.nip, rec.periodId),
      gsi1pk: this.scope.key('RATERS', opdOf(rec.unitPath), rec.periodId),
      gsi1sk: `${rec.unitPath}#${rec.nip}`,
      entity: 'RaterPattern',
      entityId: `${rec.nip}/${rec.periodId}`,
      ...rec,
    };
  }

  async putRaterPattern(rec: RaterPatternRecord): Promise<void> {
    await this.scope.put('main', this.raterPatternItem(rec));
  }

  /** Many records in batch writes (25 a call): what the run uses. */
  async putRaterPatterns(recs: RaterPatternRecord[]): Promise<void> {
    await this.scope.putMany(
      'main',
      recs.map((r) => this.raterPatternItem(r)),
    );
  }

  async raterPattern(nip: string, periodId: string): Promise<RaterPatternRecord | undefined> {
    const k = this.raterKey(nip, periodId);
    const item = await this.scope.get('main', k.pk, k.sk);
    return item ? (recordOf(item) as unknown as RaterPatternRecord) : undefined;
  }

  async raterPatternsOfOpd(opdCode: string, periodId: string, unitPath?: string): Promise<RaterPatternRecord[]> {
    const items = await this.scope.queryAll('main', {
      index: 'gsi1',
      pk: this.scope.key('RATERS', opdCode, periodId),
      ...(unitPath ? { beginsWith: unitPath } : {}),
    });
    return items.map((i) => recordOf(i) as unknown as RaterPatternRecord);
  }

  unitAdoptionItem(rec: UnitAdoptionRecord): Item {
    return {
      ...this.adoptionKey(rec.unitCode, rec.periodId),
      entity: 'UnitAdoption',
      entityId: `${rec.unitCode}/${rec.periodId}`,
      ...rec,
    };
  }

  async putUnitAdoption(rec: UnitAdoptionRecord): Promise<void> {
    await this.scope.put('main', this.unitAdoptionItem(rec));
  }

  async putUnitAdoptions(recs: UnitAdoptionRecord[]): Promise<void> {
    await this.scope.putMany(
      'main',
      recs.map((r) => this.unitAdoptionItem(r)),
    );
  }

  async unitAdoption(code: string, periodId: string): Promise<UnitAdoptionRecord | undefined> {
    const k = this.adoptionKey(code, periodId);
    const item = await this.scope.get('main', k.pk, k.sk);
    return item ? (recordOf(item) as unknown as UnitAdoptionRecord) : undefined;
  }

  /** Several units' adoption in one batch read (those not computed are absent). */
  async unitAdoptions(codes: string[], periodId: string): Promise<UnitAdoptionRecord[]> {
    const items = await this.scope.getMany(
      'main',
      codes.map((c) => this.adoptionKey(c, periodId)),
    );
    return items.map((i) => recordOf(i) as unknown as UnitAdoptionRecord);
  }
}

/** One OPD's share of a fairness run, delivered through the fairness-tasks queue. */
export interface FairnessTask {
  periodId: string;
  runId: string;
  opdCode: string;
  state: 'pending' | 'done';
  /** People the task computed. */
  people?: number;
}

export interface FairnessRun {
  periodId: string;
  runId: string;
  /** `schedule`: the daily run (one a day and period); `bkpsdm`: started on demand. */
  trigger: 'schedule' | 'bkpsdm';
  rulesVersion: number;
  startedBy: string;
  startedAt: string;
  state: 'running' | 'done';
  /** Set once every task is written: a start killed half-way never counts as finished. */
  taskCount?: number;
  doneTasks?: number;
  people?: number;
  finishedAt?: string;
}

/**
 * Fairness runs and their tasks, as scoring runs (shared/store/scoring.ts): each task its own record, counted once
 * on its run. Neither is audited (no `entity`). Keys:
 *   pk ORG#o#ANALYTICSRUN#<periodId> / sk RUN#<runId>                            a run, with its task counters
 *   pk ORG#o#ANALYTICSTASK#<periodId>#<runId>#<opd> / sk TASK                     one OPD's task
 *        gsi1 ORG#o#ANALYTICSTASKS#<periodId>#<runId> / <opd>                      the tasks of a run (progress)
 */
export class FairnessRunRepository {
  constructor(private readonly scope: OrgScope) {}

  private runKey(periodId: string, runId: string) {
    return { pk: this.scope.key('ANALYTICSRUN', periodId), sk: `RUN#${runId}` };
  }

  private taskKey(t: Pick<FairnessTask, 'periodId' | 'runId' | 'opdCode'>) {
    return { pk: this.scope.key('ANALYTICSTASK', t.periodId, t.runId, t.opdCode), sk: 'TASK' };
  }

  private taskItem(t: FairnessTask): Item {
    return {
      ...this.taskKey(t),
      gsi1pk: this.scope.key('ANALYTICSTASKS', t.periodId, t.runId),
      gsi1sk: t.opdCode,
      orgId: this.scope.orgId,
      taskType: 'fairness',
      ...t,
    };
  }

  async run(periodId: string, runId: string): Promise<FairnessRun | undefined> {
    const k = this.runKey(periodId, runId);
    const item = await this.scope.get('main', k.pk, k.sk, true);
    return item ? (recordOf(item) as unknown as FairnessRun) : undefined;
  }

  async latestRun(periodId: string): Promise<FairnessRun | undefined> {
    const page = await this.scope.query('main', {
      pk: this.scope.key('ANALYTICSRUN', periodId),
      beginsWith: 'RUN#',
      newestFirst: true,
      limit: 1,
    });
    return page.items[0] ? (recordOf(page.items[0]) as unknown as FairnessRun) : undefined;
  }

  async tasks(periodId: string, runId: string): Promise<FairnessTask[]> {
    const items = await this.scope.queryAll('main', {
      index: 'gsi1',
      pk: this.scope.key('ANALYTICSTASKS', periodId, runId),
    });
    return items.map((i) => recordOf(i, 'taskType') as unknown as FairnessTask);
  }

  async task(t: Pick<FairnessTask, 'periodId' | 'runId' | 'opdCode'>): Promise<FairnessTask | undefined> {
    const k = this.taskKey(t);
    const item = await this.scope.get('main', k.pk, k.sk, true);
    return item ? (recordOf(item, 'taskType') as unknown as FairnessTask) : undefined;
  }

  /**
   * Records a run and one task per OPD, then its task count. The run is written only if its id is new: a second
   * start with the same id (the daily run of a day) returns `created: false` and writes nothing.
   */
  async start(run: Omit<FairnessRun, 'state' | 'doneTasks' | 'people'>, opdCodes: string[], ctx: WriteContext) {
    const k = this.runKey(run.periodId, run.runId);
    const record: FairnessRun = { ...run, state: 'running', doneTasks: 0, people: 0 };
    try {
      await this.scope.put(
        'main',
        { ...k, orgId: this.scope.orgId, ...record },
        {
          expression: 'attribute_not_exists(pk)',
        },
      );
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
      return { run: (await this.run(run.periodId, run.runId))!, tasks: [] as FairnessTask[], created: false };
    }
    const tasks = opdCodes.map(
      (opdCode): FairnessTask => ({ periodId: run.periodId, runId: run.runId, opdCode, state: 'pending' }),
    );
    await this.scope.putMany(
      'main',
      tasks.map((t) => this.taskItem(t)),
    );
    await this.scope.update('main', k, { set: 'SET taskCount = :n', values: { ':n': tasks.length } });
    await this.finishIfComplete(run.periodId, run.runId, ctx);
    return { run: { ...record, taskCount: tasks.length }, tasks, created: true };
  }

  /** Marks a task done and counts it on its run, once (a redelivered task counts nothing twice). */
  async markDone(t: FairnessTask, people: number, now: string): Promise<void> {
    try {
      await this.scope.transact([
        {
          update: {
            table: 'main',
            key: this.taskKey(t),
            set: 'SET #s = :done, people = :n, doneAt = :at',
            condition: '#s = :pending',
            names: { '#s': 'state' },
            values: { ':done': 'done', ':n': people, ':at': now, ':pending': 'pending' },
          },
        },
        {
          update: {
            table: 'main',
            key: this.runKey(t.periodId, t.runId),
            set: 'ADD doneTasks :one, people :n',
            values: { ':one': 1, ':n': people },
          },
        },
      ]);
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
    }
  }

  /** When every task is done, the run is (idempotent). */
  async finishIfComplete(periodId: string, runId: string, ctx: WriteContext): Promise<boolean> {
    const run = await this.run(periodId, runId);
    if (!run || run.taskCount === undefined || (run.doneTasks ?? 0) < run.taskCount) return false;
    if (run.state !== 'done')
      await this.scope.update('main', this.runKey(periodId, runId), {
        set: 'SET #s = :done, finishedAt = :at',
        names: { '#s': 'state' },
        values: { ':done': 'done', ':at': ctx.now },
      });
    return true;
  }
}
