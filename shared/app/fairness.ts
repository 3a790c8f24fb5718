/**
 * Fairness you can see (issue 18), as people read it: a person's signals and their answers, a unit's people with
 * signals, rater patterns, adoption. Everything is read from the records the fairness run computes (see
 * shared/store/fairness.ts); nothing here scans entries, and nothing here changes a score. Who may look is the
 * policy's (canSeeSignalsOf, canSeeRaterPatternsOf, canSeeFairnessOfUnit); every view of another person's signals
 * is appended to the audit trail before the answer goes out.
 */

import { canSeeFairnessOfUnit, canSeeRaterPatternsOf, canSeeSignalsOf, reasons } from '../auth/policy.ts';
import type { Signal } from '../domain/fairness-signals.ts';
import { wibDate } from '../domain/time.ts';
import { isWithin, opdOf, unitHeads } from '../domain/units.ts';
import type { Lang } from '../messages/catalogue.ts';
import type { Bilingual } from '../messages/errors.ts';
import { DomainError, forbidden, notFound } from '../messages/errors.ts';
import { ActingRepository } from '../store/acting.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { FairnessRepository, type RaterPatternRecord, type SignalAnswer } from '../store/fairness.ts';
import type { Item } from '../store/org-scope.ts';
import { type Unit, UnitRepository } from '../store/units.ts';
import { ownNip, relationTo, resolveNip } from './access.ts';
import { recordRead } from './audit.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';

/** A stored signal as a reader gets it: the explanation in their language, the person's answer beside it. */
function signalView(s: Signal, answers: Record<string, SignalAnswer>, lang: Lang) {
  const answer = answers[s.id];
  return {
    id: s.id,
    kind: s.kind,
    measure: s.measure,
    threshold: s.threshold,
    rule: String(s.rule),
    explanation: s.explanation[lang] || s.explanation.id,
    evidence: s.evidence ?? {},
    answer: answer ? { note: answer.note, at: answer.at } : null,
  };
}

const notComputed = (periodId: string, subject: string) =>
  new DomainError('fairness_not_computed', { period: periodId, subject });

/**
 * A view of someone else's signals in the audit trail: entity `SignalsView`, action `viewed`, the person concerned as
 * subject (a unit's list names none: its entity id is the unit). The reader's own signals are not recorded.
 */
const recordView = (
  ctx: UseCaseContext,
  view: { entityId: string; subjectNip?: string; details: Record<string, unknown> },
): Promise<void> => recordRead(ctx, { entity: 'SignalsView', action: 'viewed', ...view });

/** The person a path names (`me` or a NIP), 404 when absent, and how the caller stands to them. */
async function personOf(ctx: UseCaseContext, nipParam: string) {
  const nip = resolveNip(ctx.principal, nipParam);
  const target = nip === ctx.actor.nip ? ctx.actor : await new EmployeeRepository(ctx.scope).get(nip);
  if (!target) throw notFound('employee');
  return { target, relation: await relationTo(ctx, target) };
}

/** A person's signals of a period with their answers: the person, their superiors, BKPSDM, auditors. */
export async function personSignals(ctx: UseCaseContext, nipParam: string, periodId: string) {
  const { target, relation } = await personOf(ctx, nipParam);
  if (!canSeeSignalsOf(ctx.principal, relation)) throw forbidden(reasons.signalReaders);
  const rec = await new FairnessRepository(ctx.scope).personSignals(target.nip, periodId);
  if (!rec) throw notComputed(periodId, target.nip);
  const signals = rec.signals.map((s) => signalView(s, rec.answers, ctx.lang));
  if (relation !== 'self')
    await recordView(ctx, {
      entityId: `${target.nip}:${periodId}`,
      subjectNip: target.nip,
      details: { periodId, signals: signals.map((s) => s.id) },
    });
  return {
    nip: target.nip,
    name: rec.name || target.name,
    periodId,
    rulesVersion: rec.rulesVersion,
    computedAt: rec.computedAt,
    signals,
    version: rec.version,
  };
}

/**
 * The person answers one of their signals with a note (a later answer replaces it). Only the answer is written:
 * a recompute keeps it, and no score moves. 404 `signal_unknown` for an id the period does not hold.
 */
export async function answerSignal(
  ctx: UseCaseContext,
  nipParam: string,
  periodId: string,
  signalId: string,
  body: { note: string; expectedVersion?: number },
) {
  const nip = ownNip(ctx.principal, nipParam, reasons.ownSignalsOnly);
  const repo = new FairnessRepository(ctx.scope);
  const rec = await repo.personSignals(nip, periodId);
  if (!rec) throw notComputed(periodId, nip);
  const unknown = () => new DomainError('signal_unknown', { signal: signalId, period: periodId });
  if (!rec.signals.some((s) => s.id === signalId)) throw unknown();
  let saved: Awaited<ReturnType<FairnessRepository['answerSignal']>>;
  try {
    saved = await repo.answerSignal(
      nip,
      periodId,
      signalId,
      { note: body.note },
      writeContextOf(ctx),
      body.expectedVersion,
    );
  } catch (err) {
    // A recompute between the read and the write removed the signal.
    if (err instanceof DomainError && err.code === 'not_found') throw unknown();
    throw err;
  }
  const found = saved.signals.find((s) => s.id === signalId);
  if (!found) throw unknown();
  return signalView(found, saved.answers, ctx.lang);
}

/**
 * A unit the caller may read the fairness figures of (BKPSDM, auditors, its heads or their Plt/Plh today, and the
 * superiors above those heads), with its members and heads; 404 for an unknown unit, 403 otherwise.
 */
async function fairnessUnit(ctx: UseCaseContext, code: string): Promise<{ unit: Unit; members: Item[] }> {
  const unit = await new UnitRepository(ctx.scope).get(code);
  if (!unit) throw notFound('unit');
  const employees = new EmployeeRepository(ctx.scope);
  const [members, actingFor] = await Promise.all([
    employees.allUnitMembers(unit.path),
    new ActingRepository(ctx.scope).actingForOn(ctx.principal.nip, wibDate(ctx.now)),
  ]);
  const holds = (nip: unknown) => nip === ctx.principal.nip || actingFor.has(nip as string);
  const heads = unitHeads(members);
  const isHeadOfUnit = heads.some((h) => holds(h.nip));
  let aboveTheHead = false;
  if (!isHeadOfUnit)
    for (const head of heads) {
      const chain = await employees.supervisorChain(EmployeeRepository.fromItem(head));
      if (chain.some((e) => holds(e.nip))) {
        aboveTheHead = true;
        break;
      }
    }
  if (!canSeeFairnessOfUnit(ctx.principal, { isHeadOfUnit, aboveTheHead }))
    throw forbidden(reasons.fairnessUnitReaders);
  return { unit, members };
}

/**
 * 404 `fairness_not_computed` unless a run computed the unit's OPD for the period: the run writes an adoption record
 * for every unit it goes through (one GetItem), so a unit's lists are never an empty answer for "not computed yet".
 */
async function computedFor(repo: FairnessRepository, unitCode: string, periodId: string): Promise<void> {
  if (!(await repo.unitAdoption(unitCode, periodId))) throw notComputed(periodId, unitCode);
}

/** People of a unit subtree with at least one signal in the period: kinds, count, answered. Audited per view. */
export async function unitSignals(ctx: UseCaseContext, code: string, periodId: string) {
  const { unit } = await fairnessUnit(ctx, code);
  const repo = new FairnessRepository(ctx.scope);
  const [recs] = await Promise.all([
    repo.signalsOfOpd(opdOf(unit.path), periodId, unit.path),
    computedFor(repo, unit.code, periodId),
  ]);
  const items = recs
    .filter((r) => r.signals.length > 0)
    .map((r) => ({
      nip: r.nip,
      name: r.name ?? '',
      unitCode: r.unitCode ?? '',
      kinds: [...new Set(r.signals.map((s) => s.kind))],
      count: r.signals.length,
      answered: r.signals.filter((s) => r.answers[s.id]).length,
    }));
  await recordView(ctx, {
    entityId: unit.code,
    details: { periodId, unitCode: unit.code, people: items.map((i) => i.nip) },
  });
  return { unitCode: unit.code, periodId, items };
}

const formulaIn = (b: Bilingual | undefined, lang: Lang): string => (b ? b[lang] || b.id : '');

/** A stored rater pattern as the API documents it (formulas in the request's language). */
function raterView(r: RaterPatternRecord, lang: Lang) {
  const p = r.pattern;
  const c = r.comparison;
  return {
    nip: r.nip,
    name: r.name ?? '',
    unitCode: r.unitCode ?? '',
    periodId: r.periodId,
    rulesVersion: r.rulesVersion,
    computedAt: r.computedAt,
    pattern: {
      decided: p.decided,
      approved: p.approved,
      rejected: p.rejected,
      approvalPct: p.approvalPct,
      rejectionPct: p.rejectionPct,
      medianDecisionHours: p.medianDecisionHours,
      bulkApproved: p.bulkApproved,
      bulkPct: p.bulkPct,
      bulkRuns: p.bulkRuns.map((b) => ({ at: b.at, entries: b.entries, seconds: b.seconds })),
      backlog: p.backlog,
      oldestPendingDays: p.oldestPendingDays,
      ratings: {
        di_atas: p.ratings.di_atas,
        sesuai: p.ratings.sesuai,
        di_bawah: p.ratings.di_bawah,
        rated: p.ratings.rated,
      },
      // Records computed before overrides carried the name have none: null, the NIP still says who.
      overrides: p.overrides.map((o) => ({
        nip: o.nip,
        name: o.name ?? null,
        from: o.from,
        to: o.to,
        reason: o.reason ?? null,
      })),
      leniency: p.leniency,
    },
    comparison: {
      leniency: {
        value: c.leniency.value,
        opdOthers: c.leniency.opdOthers,
        formula: formulaIn(c.leniency.formula, lang),
        outOfLine: c.leniency.outOfLine,
      },
      centralTendency: {
        value: c.centralTendency.value,
        formula: formulaIn(c.centralTendency.formula, lang),
        outOfLine: c.centralTendency.outOfLine,
      },
    },
    unitResults: { withinStandardPct: r.unitResults.withinStandardPct, ikm: r.unitResults.ikm },
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The OPD's pooled ratings and the raters' mean leniency (weighted by how many each rated). */
export function opdRatingSummary(code: string, patterns: ReturnType<typeof raterView>[]) {
  const ratings = { di_atas: 0, sesuai: 0, di_bawah: 0, rated: 0 };
  let weighted = 0;
  let weight = 0;
  for (const p of patterns) {
    const r = p.pattern.ratings;
    ratings.di_atas += r.di_atas;
    ratings.sesuai += r.sesuai;
    ratings.di_bawah += r.di_bawah;
    ratings.rated += r.rated;
    if (p.pattern.leniency !== null && r.rated > 0) {
      weighted += p.pattern.leniency * r.rated;
      weight += r.rated;
    }
  }
  const given = ratings.di_atas + ratings.sesuai + ratings.di_bawah;
  const share = (n: number) => (given ? round1((100 * n) / given) : null);
  return {
    code,
    ratings,
    sharesPct: { di_atas: share(ratings.di_atas), sesuai: share(ratings.sesuai), di_bawah: share(ratings.di_bawah) },
    leniencyMean: weight ? round2(weighted / weight) : null,
    raters: patterns.length,
  };
}

/** The rater patterns of a unit subtree's supervisors, with the whole OPD pooled beside them. */
export async function unitRaterPatterns(ctx: UseCaseContext, code: string, periodId: string) {
  const { unit } = await fairnessUnit(ctx, code);
  const opd = opdOf(unit.path);
  // One query of the OPD: its pooled figures, and the unit subtree's supervisors among them.
  const repo = new FairnessRepository(ctx.scope);
  const [records] = await Promise.all([repo.raterPatternsOfOpd(opd, periodId), computedFor(repo, unit.code, periodId)]);
  const all = records.map((r) => raterView(r, ctx.lang));
  const inUnit = new Set(records.filter((r) => isWithin(r.unitPath, unit.path)).map((r) => r.nip));
  return {
    unitCode: unit.code,
    periodId,
    opd: opdRatingSummary(opd, all),
    items: all.filter((p) => inUnit.has(p.nip)),
  };
}

/** One supervisor's rater pattern: the supervisor, their superiors, BKPSDM, auditors. */
export async function raterPatternOf(ctx: UseCaseContext, nipParam: string, periodId: string) {
  const { target, relation } = await personOf(ctx, nipParam);
  if (!canSeeRaterPatternsOf(ctx.principal, relation)) throw forbidden(reasons.raterPatternReaders);
  const rec = await new FairnessRepository(ctx.scope).raterPattern(target.nip, periodId);
  if (!rec) throw notComputed(periodId, target.nip);
  return raterView(rec, ctx.lang);
}

/** A unit's adoption as of the last run, with the idle people's names and the units directly below it. */
export async function unitAdoption(ctx: UseCaseContext, code: string, periodId: string) {
  const { unit } = await fairnessUnit(ctx, code);
  const repo = new FairnessRepository(ctx.scope);
  const rec = await repo.unitAdoption(unit.code, periodId);
  if (!rec) throw notComputed(periodId, unit.code);
  const children = (await new UnitRepository(ctx.scope).tree()).filter((u) => u.parentCode === unit.code);
  const [childRecs, names] = await Promise.all([
    children.length
      ? repo.unitAdoptions(
          children.map((c) => c.code),
          periodId,
        )
      : Promise.resolve([]),
    new EmployeeRepository(ctx.scope).namesOf(rec.adoption.idle.map((i) => i.nip)),
  ]);
  const byCode = new Map(childRecs.map((r) => [r.unitCode, r]));
  const a = rec.adoption;
  return {
    unitCode: unit.code,
    name: unit.name,
    periodId,
    asOf: rec.asOf,
    computedAt: rec.computedAt,
    members: a.members,
    loggingRecently: a.loggingRecently,
    loggingPct: a.loggingPct,
    belowThreshold: a.belowThreshold,
    idle: a.idle.map((i) => ({
      nip: i.nip,
      name: names.get(i.nip) ?? null,
      lastLoggedDate: i.lastLoggedDate,
      idleWorkingDays: i.idleWorkingDays,
    })),
    overdueQueues: (rec.overdueQueues ?? []).map((q) => ({
      supervisorNip: q.supervisorNip,
      name: q.name,
      pending: q.pending,
      oldestPendingDays: q.oldestPendingDays,
    })),
    children: children
      .map((c) => {
        const r = byCode.get(c.code);
        return {
          code: c.code,
          name: c.name,
          loggingPct: r ? r.adoption.loggingPct : null,
          belowThreshold: r ? r.adoption.belowThreshold : null,
        };
      })
      .sort((x, y) => x.code.localeCompare(y.code)),
  };
}
