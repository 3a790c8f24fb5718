import { decideAppeal } from '#shared/api/evaluations';
import { readableEmployee } from '#shared/app/access';
import { isBkpsdm, reasons } from '#shared/auth/policy';
import { predikatOf } from '#shared/domain/scoring';
import { DomainError, forbidden } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { EmployeeRepository } from '#shared/store/employees';
import { EvaluationRepository, outcomeOf } from '#shared/store/evaluations';
import { YearRepository } from '#shared/store/years';

/**
 * The supervisor's own supervisor (the second level above the employee), or BKPSDM as the designated reviewer,
 * upholds the evaluation or revises it, with a reason. The revision becomes the outcome in force.
 */
export const handler = userHandler(decideAppeal, async (req) => {
  const { target } = await readableEmployee(req, req.params.nip);
  const chain = await new EmployeeRepository(req.scope).supervisorChain(target);
  const secondLevel = chain[1]?.nip;
  const me = req.principal.nip;
  // Nobody decides an appeal against their own rating: not the employee, not the direct supervisor who rated.
  const designated = isBkpsdm(req.principal) && me !== target.nip && me !== chain[0]?.nip;
  if (!designated && secondLevel !== me) throw forbidden(reasons.notAppealReviewer);
  const period = await new YearRepository(req.scope).findPeriod(req.params.periodId);
  const { outcome, reason, hasilKerja, perilaku } = req.body;
  if (outcome === 'revised' && (!hasilKerja || !perilaku)) throw new DomainError('appeal_revision_missing');
  const ctx = writeContext(req);
  const saved = await new EvaluationRepository(req.scope).change(
    target.nip,
    period.id,
    undefined,
    (e) => {
      if (!e.appeal || e.appeal.state !== 'filed') throw new DomainError('appeal_not_open');
      if (e.review?.by === `nip:${me}`) throw forbidden(reasons.notAppealReviewer);
      const revised =
        outcome === 'revised'
          ? { hasilKerja: hasilKerja!, perilaku: perilaku!, predikat: predikatOf(hasilKerja!, perilaku!), reasons: { hasilKerja: reason, perilaku: reason }, by: ctx.actor, at: ctx.now }
          : undefined;
      return { appeal: { ...e.appeal, state: outcome, decision: { outcome, reason, by: ctx.actor, at: ctx.now, ...(revised ? { revised } : {}) } } };
    },
    ctx,
  );
  return json({ ...saved, outcome: outcomeOf(saved) });
});
