import type { Decider } from '../auth/policy.ts';
import { appealQueueOf, canDecideAppeal, canManagePeriods, canReadRewards, reasons } from '../auth/policy.ts';
import { type BehaviourInput, type Evaluation, inputSummary, outcomeOf } from '../domain/evaluation.ts';
import { finalisationOf, isFinalisedAt, stateAt } from '../domain/evaluation-finalisation.ts';
import { explanationOf } from '../domain/explanation.ts';
import { rulesOfPeriod } from '../domain/rules.ts';
import {
  appealDeadline,
  type BerakhlakValue,
  predikatNames,
  predikatOf,
  type Rating,
  ratingNames,
  recommendPerilaku,
  rewardOrder,
  shownHasilKerja,
  type UnitPredikat,
} from '../domain/scoring.ts';
import { decimalComma, spreadsheetCsv } from '../domain/spreadsheet.ts';
import { wibDate, yearOf } from '../domain/time.ts';
import { opdOf } from '../domain/units.ts';
import { DomainError, forbidden, notFound, problemsError } from '../messages/errors.ts';
import { type Employee, EmployeeRepository } from '../store/employees.ts';
import { EvaluationRepository } from '../store/evaluations.ts';
import { UnitRepository } from '../store/units.ts';
import { type Period, YearRepository } from '../store/years.ts';
import { deciderOf, monitoredUnit, ownNip, readableEmployee, resolveNip, teamOf } from './access.ts';
import { type PageRequest, type UseCaseContext, writeContextOf } from './context.ts';
import { startQueuedRun } from './scoring.ts';

/** An evaluation the caller may read (the person, their supervisors, admins of their OPD, BKPSDM, auditors). */
async function readableEvaluation(
  ctx: UseCaseContext,
  nipParam: string,
  periodId: string,
): Promise<{ evaluation: Evaluation; input: BehaviourInput[]; period: Period }> {
  const { target } = await readableEmployee(ctx, nipParam);
  const [found, period] = await Promise.all([
    new EvaluationRepository(ctx.scope).getWithInput(target.nip, periodId),
    new YearRepository(ctx.scope).findPeriod(periodId),
  ]);
  if (!found) throw notFound('evaluation');
  return { evaluation: found.evaluation, input: found.input, period };
}

/** The decision of a superior outside the system, which BKPSDM records (number and date). */
export interface DecisionRef {
  number: string;
  date: string;
}

/** Refused once the evaluations of someone in `unitPath` are final (their OPD, or the whole period). */
function unlessFinal(period: Period, unitPath: string | undefined): void {
  if (isFinalisedAt(period, unitPath)) {
    const opd = opdOf(unitPath ?? '');
    const which = period.state === 'finalised' || !opd ? period.id : `${period.id} (${opd})`;
    throw new DomainError('period_finalised_locked', { period: which });
  }
}

/**
 * The supervisor's side of an evaluation (behaviour ratings, review), before finalisation: the direct supervisor
 * on their own judgement, or — for someone with no superior in the system — BKPSDM recording the superior's
 * decision, which then needs its reference (`decisionRef`).
 */
async function reviewableEvaluation(
  ctx: UseCaseContext,
  nipParam: string,
  periodId: string,
  decisionRef: DecisionRef | undefined,
): Promise<{ target: Employee; period: Period; decider: Decider }> {
  const { target, relation } = await readableEmployee(ctx, nipParam);
  const decider = await deciderOf(ctx, target, relation);
  if (!decider) throw forbidden(reasons.notEvaluator);
  if (decider === 'recorder' && !decisionRef)
    throw problemsError([{ field: 'body.decisionRef', code: 'decision_ref_required' }]);
  if (decider === 'supervisor' && decisionRef)
    throw problemsError([{ field: 'body.decisionRef', code: 'decision_ref_not_expected' }]);
  const period = await new YearRepository(ctx.scope).findPeriod(periodId);
  unlessFinal(period, target.unitPath);
  if (period.state !== 'scored' && period.state !== 'closed')
    throw new DomainError('period_not_scored', { period: period.id, state: period.state });
  return { target, period, decider };
}

/** An evaluation as shown: its figures half-up to two decimals (see shownHasilKerja), with the outcome in force. */
const withOutcome = (e: Evaluation) => ({
  ...e,
  ...(e.hasilKerja ? { hasilKerja: shownHasilKerja(e.hasilKerja) } : {}),
  outcome: outcomeOf(e),
});

/** The evaluation with the outcome in force and, once finalised, whether it can still be appealed. */
export async function evaluationWithOutcome(ctx: UseCaseContext, nipParam: string, periodId: string) {
  const { evaluation, input, period } = await readableEvaluation(ctx, nipParam, periodId);
  // 360° input beside the supervisor's ratings: counts and comments, never who gave them, never averaged in.
  // The state is the one of the person's OPD: final once their OPD is.
  return {
    ...withOutcome(evaluation),
    periodState: stateAt(period, evaluation.unitPath),
    input360: inputSummary(input),
  };
}

/** Every number of an evaluation with its inputs and formula, under the rules it was scored with. */
export async function explainEvaluation(ctx: UseCaseContext, nipParam: string, periodId: string) {
  const { evaluation, period } = await readableEvaluation(ctx, nipParam, periodId);
  // Who reviewed and who decided an appeal, by name: the explanation says who changed what.
  const deciders = [evaluation.review?.by, evaluation.appeal?.decision?.by].flatMap((a) =>
    a?.startsWith('nip:') ? [a.slice(4)] : [],
  );
  const [rules, names] = await Promise.all([
    new YearRepository(ctx.scope).rules(yearOf(period.id)),
    new EmployeeRepository(ctx.scope).namesOf([...new Set(deciders)]),
  ]);
  return explanationOf(evaluation, stateAt(period, evaluation.unitPath), rulesOfPeriod(rules, evaluation), names);
}

/** The direct supervisor's BerAKHLAK ratings of the period; the recommended perilaku follows from them. */
export async function rateBehaviourOf(
  ctx: UseCaseContext,
  nipParam: string,
  periodId: string,
  body: { values: Record<BerakhlakValue, Rating>; note?: string; decisionRef?: DecisionRef; version: number },
) {
  const { target, period } = await reviewableEvaluation(ctx, nipParam, periodId, body.decisionRef);
  const w = writeContextOf(ctx);
  const saved = await new EvaluationRepository(ctx.scope).change(
    target.nip,
    period.id,
    body.version,
    // New ratings change the recommendation a review confirmed or overrode: the review must be made again.
    (e) => {
      unlessFinal(period, e.unitPath);
      return {
        behaviour: {
          values: body.values,
          ...(body.note ? { note: body.note } : {}),
          ...(body.decisionRef ? { decisionRef: body.decisionRef } : {}),
          by: w.actor,
          at: w.now,
        },
        ...(e.review ? { review: undefined } : {}),
      };
    },
    w,
  );
  return withOutcome(saved);
}

type ReviewPart = { rating: Rating; reason?: string };

/** Confirms or overrides each recommended rating; an override needs a written reason. */
export async function reviewEvaluationOf(
  ctx: UseCaseContext,
  nipParam: string,
  periodId: string,
  body: { hasilKerja: ReviewPart; perilaku: ReviewPart; decisionRef?: DecisionRef; version: number },
) {
  const { target, period } = await reviewableEvaluation(ctx, nipParam, periodId, body.decisionRef);
  const w = writeContextOf(ctx);
  const { hasilKerja, perilaku } = body;
  const saved = await new EvaluationRepository(ctx.scope).change(
    target.nip,
    period.id,
    body.version,
    (e) => {
      unlessFinal(period, e.unitPath);
      if (!e.behaviour) throw new DomainError('behaviour_missing');
      const recommended = { hasilKerja: e.recommendedHasilKerja!, perilaku: recommendPerilaku(e.behaviour.values)! };
      for (const [what, part] of [
        ['hasilKerja', hasilKerja],
        ['perilaku', perilaku],
      ] as const) {
        // Named as the reason's field, so a form shows the message under it.
        if (part.rating !== recommended[what] && !part.reason) {
          throw problemsError([
            {
              field: `body.${what}.reason`,
              code: 'override_reason_required',
              params: {
                what: what === 'hasilKerja' ? 'hasil kerja' : 'perilaku',
                recommended: ratingNames[recommended[what]],
              },
            },
          ]);
        }
      }
      return {
        review: {
          hasilKerja: hasilKerja.rating,
          perilaku: perilaku.rating,
          predikat: predikatOf(hasilKerja.rating, perilaku.rating),
          reasons: {
            ...(hasilKerja.reason ? { hasilKerja: hasilKerja.reason } : {}),
            ...(perilaku.reason ? { perilaku: perilaku.reason } : {}),
          },
          ...(body.decisionRef ? { decisionRef: body.decisionRef } : {}),
          by: w.actor,
          at: w.now,
          inputsHash: e.inputsHash!,
        },
      };
    },
    w,
  );
  return withOutcome(saved);
}

const notColleague = {
  id: 'masukan 360° diberikan oleh rekan satu atasan atau bawahan langsung pegawai tersebut',
  en: '360° input comes from a peer under the same supervisor or a direct subordinate of that employee',
};

/** A peer's or a direct subordinate's input on someone's behaviour in a period. */
export async function recordBehaviourInput(
  ctx: UseCaseContext,
  nipParam: string,
  periodId: string,
  body: { values: Partial<Record<BerakhlakValue, Rating>>; comment?: string },
) {
  const nip = resolveNip(ctx.principal, nipParam);
  if (nip === ctx.principal.nip) throw forbidden(notColleague);
  const target = nip === ctx.actor.nip ? ctx.actor : await new EmployeeRepository(ctx.scope).get(nip);
  if (!target) await readableEmployee(ctx, nipParam); // 404 as everywhere else
  const relation =
    target!.supervisorNip && target!.supervisorNip === ctx.actor.supervisorNip
      ? 'peer'
      : ctx.actor.supervisorNip === target!.nip
        ? 'subordinate'
        : null;
  if (!relation) throw forbidden(notColleague);
  const period = await new YearRepository(ctx.scope).findPeriod(periodId);
  unlessFinal(period, target!.unitPath);
  const w = writeContextOf(ctx);
  await new EvaluationRepository(ctx.scope).saveInput(
    target!.nip,
    period.id,
    ctx.principal.nip,
    { relation, values: body.values, ...(body.comment ? { comment: body.comment } : {}), at: w.now },
    w,
  );
  return { recorded: true };
}

/** A page cut from a list computed whole (a ranking, a sorted team): the cursor is the offset, `o<n>`. */
function pageOf<T>(all: T[], { limit = 25, cursor }: PageRequest): { items: T[]; nextCursor?: string } {
  if (cursor !== undefined && !/^o\d{1,9}$/.test(cursor)) throw new DomainError('invalid_cursor');
  const offset = cursor ? Number(cursor.slice(1)) : 0;
  const end = offset + limit;
  return { items: all.slice(offset, end), ...(end < all.length ? { nextCursor: `o${end}` } : {}) };
}

/**
 * The supervisor's review list: each team member's name, figures, what is still to do, the outcome in force, and
 * the `version` a rating or review sends. Still to review first; paged.
 */
export async function teamEvaluations(ctx: UseCaseContext, nipParam: string, periodId: string, page: PageRequest = {}) {
  const { target, relation } = await readableEmployee(ctx, nipParam);
  const [team, period] = await Promise.all([
    teamOf(ctx, target, relation),
    new YearRepository(ctx.scope).findPeriod(periodId),
  ]);
  // Names as the employee records hold them now (the team is read already), else as scored.
  const names = new Map(team.map((m) => [m.nip as string, m.name as string]));
  const evaluations = await new EvaluationRepository(ctx.scope).getMany([...names.keys()], period.id);
  const items = evaluations
    .map((e) => {
      const outcome = outcomeOf(e);
      return {
        nip: e.nip,
        name: names.get(e.nip) ?? e.name ?? '',
        position: e.position ?? '',
        nilaiKinerja: e.hasilKerja?.nilaiKinerjaRounded ?? null,
        recommendedHasilKerja: e.recommendedHasilKerja ?? null,
        behaviourRated: !!e.behaviour,
        reviewed: outcome.reviewCurrent,
        outcome,
        appeal: e.appeal?.state ?? null,
        finalised: isFinalisedAt(period, e.unitPath),
        version: e.version,
      };
    })
    .sort((a, b) => Number(a.reviewed) - Number(b.reviewed) || a.nip.localeCompare(b.nip));
  // A team spread over OPDs (the Sekda's heads of OPD) is final when every member's OPD is.
  const allFinal = items.length > 0 && items.every((i) => i.finalised);
  return { periodId: period.id, periodState: allFinal ? 'finalised' : period.state, ...pageOf(items, page) };
}

/** Keberatan: the employee contests a finalised evaluation, once, within the appeal window, with a reason. */
export async function lodgeAppeal(ctx: UseCaseContext, nipParam: string, periodId: string, reason: string) {
  const nip = ownNip(ctx.principal, nipParam, reasons.ownAppealOnly);
  const years = new YearRepository(ctx.scope);
  const period = await years.findPeriod(periodId);
  const days = rulesOfPeriod(await years.rules(yearOf(period.id)), period).appealWindowDays;
  const w = writeContextOf(ctx);
  // The second level above the employee decides: their queue names them (BKPSDM's queue holds every appeal).
  const deciderNip = (await new EmployeeRepository(ctx.scope).supervisorChain(ctx.actor))[1]?.nip;
  let deadline = '';
  const saved = await new EvaluationRepository(ctx.scope).change(
    nip,
    period.id,
    undefined,
    (e) => {
      // The window counts from the finalisation of the person's OPD (or of the whole period).
      const final = finalisationOf(period, opdOf(e.unitPath ?? ''));
      if (!final) throw new DomainError('appeal_not_final', { period: period.id, state: period.state });
      deadline = appealDeadline(wibDate(new Date(final.at)), days);
      if (wibDate(ctx.now) > deadline) throw new DomainError('appeal_window_closed', { deadline, days });
      if (e.appeal) throw new DomainError('appeal_exists', { state: e.appeal.state });
      return { appeal: { reason, filedAt: w.now, state: 'filed', ...(deciderNip ? { deciderNip } : {}) } };
    },
    w,
  );
  return { ...withOutcome(saved), appealDeadline: deadline };
}

/** Whole days from one WIB date to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * The appeals waiting for a decision, oldest first: the organisation's for BKPSDM and auditors, the ones a
 * supervisor was named to decide (second level above the employee, at filing) for them. Each with the employee,
 * the period, the reason, when it was filed (WIB) and how many days it has waited: the rules set no deadline for
 * the decision, only for filing (`appealWindowDays`). Paged; served from the queue's index, never a scan.
 */
export async function appealQueue(ctx: UseCaseContext, page: PageRequest) {
  const leads = (await new EmployeeRepository(ctx.scope).directSubordinates(ctx.principal.nip, 1)).items.length > 0;
  const scope = appealQueueOf(ctx.principal, { leadsATeam: leads });
  if (!scope) throw forbidden(reasons.appealQueueReaders);
  const found = await new EvaluationRepository(ctx.scope).pendingAppeals(
    scope === 'own' ? ctx.principal.nip : undefined,
    page.limit ?? 25,
    page.cursor,
  );
  const today = wibDate(ctx.now);
  return {
    scope,
    items: found.items.map((e) => {
      const appeal = e.appeal as NonNullable<Evaluation['appeal']> & { deciderNip?: string };
      const filedOn = wibDate(new Date(appeal.filedAt));
      return {
        nip: e.nip,
        name: e.name ?? '',
        position: e.position ?? '',
        unitCode: e.unitCode ?? '',
        periodId: e.periodId,
        reason: appeal.reason,
        filedAt: appeal.filedAt,
        filedOn,
        waitingDays: daysBetween(filedOn, today),
        deciderNip: appeal.deciderNip ?? null,
        outcome: outcomeOf(e),
        version: e.version,
      };
    }),
    ...(found.nextCursor ? { nextCursor: found.nextCursor } : {}),
  };
}

/**
 * The supervisor's own supervisor (the second level above the employee), or BKPSDM as the designated reviewer,
 * upholds the evaluation or revises it, with a reason. The revision becomes the outcome in force.
 */
export async function settleAppeal(
  ctx: UseCaseContext,
  nipParam: string,
  periodId: string,
  body: { outcome: 'upheld' | 'revised'; reason: string; hasilKerja?: Rating; perilaku?: Rating },
) {
  const { target } = await readableEmployee(ctx, nipParam);
  const chain = await new EmployeeRepository(ctx.scope).supervisorChain(target);
  const secondLevel = chain[1]?.nip;
  const me = ctx.principal.nip;
  const mayDecide = canDecideAppeal(ctx.principal, {
    isEmployee: me === target.nip,
    isDirectSupervisor: me === chain[0]?.nip,
    isSecondLevel: me === secondLevel,
    employeeIsActorsSupervisor: ctx.actor.supervisorNip === target.nip,
  });
  if (!mayDecide) throw forbidden(reasons.notAppealReviewer);
  const period = await new YearRepository(ctx.scope).findPeriod(periodId);
  const { outcome, reason, hasilKerja, perilaku } = body;
  if (outcome === 'revised' && (!hasilKerja || !perilaku)) throw new DomainError('appeal_revision_missing');
  const w = writeContextOf(ctx);
  const saved = await new EvaluationRepository(ctx.scope).change(
    target.nip,
    period.id,
    undefined,
    (e) => {
      if (e.appeal?.state !== 'filed') throw new DomainError('appeal_not_open');
      if (e.review?.by === `nip:${me}`) throw forbidden(reasons.notAppealReviewer);
      const revised =
        outcome === 'revised'
          ? {
              hasilKerja: hasilKerja!,
              perilaku: perilaku!,
              predikat: predikatOf(hasilKerja!, perilaku!),
              reasons: { hasilKerja: reason, perilaku: reason },
              by: w.actor,
              at: w.now,
            }
          : undefined;
      return {
        appeal: {
          ...e.appeal,
          state: outcome,
          decision: { outcome, reason, by: w.actor, at: w.now, ...(revised ? { revised } : {}) },
        },
      };
    },
    w,
  );
  return withOutcome(saved);
}

/** The unit's own predikat, decided by the leadership above it and recorded by BKPSDM (audited with its reason); re-scores the unit. */
export async function recordUnitPredikat(
  ctx: UseCaseContext,
  code: string,
  periodId: string,
  body: { predikat: UnitPredikat; reason: string },
) {
  if (!canManagePeriods(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  const [unit, period] = await Promise.all([
    new UnitRepository(ctx.scope).get(code),
    new YearRepository(ctx.scope).findPeriod(periodId),
  ]);
  if (!unit) throw notFound('unit');
  unlessFinal(period, unit.path);
  const w = writeContextOf(ctx);
  await new EvaluationRepository(ctx.scope).setUnitPredikat(unit.code, period.id, body.predikat, body.reason, w);
  // The unit's head takes the unit's rating as hasil kerja: once scored, the unit is scored again with it.
  const rescore =
    period.state === 'closed' || period.state === 'scored'
      ? (await startQueuedRun(ctx.scope, period, unit.code, w)).run.runId
      : null;
  return { unitCode: unit.code, periodId: period.id, predikat: body.predikat, rescoringRunId: rescore };
}

/**
 * The reward list of a unit subtree: people with a predikat, in the documented order (rewardOrder), with their unit's
 * name. Heads and above. The whole ranking; `rewardsPage` cuts a page from it.
 */
export async function unitRewards(ctx: UseCaseContext, code: string, periodId: string) {
  return rewardList(await rewardReadersView(ctx, code, periodId));
}

/**
 * What the reward list reads, for whoever may read it (the unit's heads and the supervisors above them, the OPD
 * admin, BKPSDM, auditors): the unit and its members, the period, the subtree's evaluations, the unit tree.
 * The recap workbook reads through it too, so its figures are the list's.
 */
export async function rewardReadersView(ctx: UseCaseContext, code: string, periodId: string) {
  const { unit, members, heads, isHead } = await monitoredUnit(ctx, code);
  const head = heads[0];
  const aboveTheHead = head
    ? (await new EmployeeRepository(ctx.scope).supervisorChain(EmployeeRepository.fromItem(head))).some(
        (e) => e.nip === ctx.principal.nip,
      )
    : false;
  if (!canReadRewards(ctx.principal, ctx.actor.unitPath, unit.path, isHead, aboveTheHead))
    throw forbidden(reasons.rewardReaders);
  const period = await new YearRepository(ctx.scope).findPeriod(periodId);
  const [evaluations, tree] = await Promise.all([
    new EvaluationRepository(ctx.scope).inUnit(period.id, unit.path),
    new UnitRepository(ctx.scope).tree(),
  ]);
  return { unit, members, period, evaluations, tree };
}

/** The ranked reward list of what `rewardReadersView` read. */
export function rewardList({ unit, period, evaluations, tree }: Awaited<ReturnType<typeof rewardReadersView>>) {
  const unitNames = new Map(tree.map((u) => [u.code, u.name]));
  const rows = evaluations
    .map((e) => ({ e, o: outcomeOf(e) }))
    .filter(({ o }) => o.predikat && o.perilaku)
    .map(({ e, o }) => ({
      nip: e.nip,
      name: e.name ?? '',
      position: e.position ?? '',
      unitCode: e.unitCode ?? '',
      unitName: unitNames.get(e.unitCode ?? '') ?? '',
      predikat: o.predikat!,
      nilaiKinerja: e.hasilKerja?.nilaiKinerjaRounded ?? 0,
      hasilKerja: o.hasilKerja!,
      perilaku: o.perilaku!,
      utamaAbove: (e.hasilKerja?.indicators ?? []).filter((i) => i.kind === 'utama' && i.level === 'above').length,
      final: isFinalisedAt(period, e.unitPath),
    }))
    .sort(rewardOrder)
    .map((r, i) => ({ rank: i + 1, ...r }));
  return { unitCode: unit.code, periodId: period.id, periodState: stateAt(period, unit.path), items: rows };
}

/** One page of the reward list (ranks count over the whole list). */
export async function unitRewardsPage(ctx: UseCaseContext, code: string, periodId: string, page: PageRequest) {
  const { items, ...rest } = await unitRewards(ctx, code, periodId);
  return { ...rest, ...pageOf(items, page) };
}

/**
 * The reward list as a spreadsheet for Excel in an Indonesian locale (see spreadsheetCsv: BOM, semicolons, decimal
 * comma, formula cells defused), Indonesian headings, and the name to save it under.
 */
export function rewardsCsv(rewards: Awaited<ReturnType<typeof unitRewards>>): { filename: string; text: string } {
  const header = [
    'Peringkat',
    'NIP',
    'Nama',
    'Jabatan',
    'Unit',
    'Nama Unit',
    'Predikat',
    'Nilai Kinerja',
    'Hasil Kerja',
    'Perilaku',
    'IKI utama di atas ekspektasi',
    'Final',
  ];
  const rows = rewards.items.map((r) => [
    r.rank,
    r.nip,
    r.name,
    r.position,
    r.unitCode,
    r.unitName,
    predikatNames[r.predikat],
    decimalComma(r.nilaiKinerja, 2),
    ratingNames[r.hasilKerja],
    ratingNames[r.perilaku],
    r.utamaAbove,
    r.final ? 'ya' : 'belum',
  ]);
  return {
    filename: `penghargaan-${rewards.unitCode}-${rewards.periodId}.csv`,
    text: spreadsheetCsv(header, rows),
  };
}
