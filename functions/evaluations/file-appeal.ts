import { fileAppeal } from '#shared/api/evaluations';
import { ownNip } from '#shared/app/access';
import { reasons } from '#shared/auth/policy';
import { appealDeadline } from '#shared/domain/scoring';
import { wibDate } from '#shared/domain/time';
import { DomainError } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { EvaluationRepository, outcomeOf } from '#shared/store/evaluations';
import { YearRepository } from '#shared/store/years';

/** Keberatan: the employee contests a finalised evaluation, once, within the appeal window, with a reason. */
export const handler = userHandler(fileAppeal, async (req) => {
  const nip = ownNip(req.principal, req.params.nip, reasons.ownAppealOnly);
  const period = await new YearRepository(req.scope).findPeriod(req.params.periodId);
  if (period.state !== 'finalised' || !period.finalisation) throw new DomainError('appeal_not_final', { period: period.id, state: period.state });
  const rules = (await new YearRepository(req.scope).rules(Number(period.id.slice(0, 4))))!.history.find((r) => r.rulesVersion === period.rulesVersion);
  const days = rules?.appealWindowDays ?? 14;
  const deadline = appealDeadline(wibDate(new Date(period.finalisation.at)), days);
  if (wibDate(req.now) > deadline) throw new DomainError('appeal_window_closed', { deadline, days });
  const ctx = writeContext(req);
  const saved = await new EvaluationRepository(req.scope).change(
    nip,
    period.id,
    undefined,
    (e) => {
      if (e.appeal) throw new DomainError('appeal_exists', { state: e.appeal.state });
      return { appeal: { reason: req.body.reason, filedAt: ctx.now, state: 'filed' } };
    },
    ctx,
  );
  return json({ ...saved, outcome: outcomeOf(saved), appealDeadline: deadline });
});
