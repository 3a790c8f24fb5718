import { giveBehaviourInput } from '#shared/api/evaluations';
import { readableEmployee, resolveNip } from '#shared/app/access';
import { DomainError, forbidden } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { EvaluationRepository } from '#shared/store/evaluations';
import { EmployeeRepository } from '#shared/store/employees';
import { YearRepository } from '#shared/store/years';

const notColleague = {
  id: 'masukan 360° diberikan oleh rekan satu atasan atau bawahan langsung pegawai tersebut',
  en: '360° input comes from a peer under the same supervisor or a direct subordinate of that employee',
};

/** A peer's or a direct subordinate's input on someone's behaviour in a period. */
export const handler = userHandler(giveBehaviourInput, async (req) => {
  const nip = resolveNip(req.principal, req.params.nip);
  if (nip === req.principal.nip) throw forbidden(notColleague);
  const target = nip === req.actor.nip ? req.actor : await new EmployeeRepository(req.scope).get(nip);
  if (!target) await readableEmployee(req, req.params.nip); // 404 as everywhere else
  const relation = target!.supervisorNip && target!.supervisorNip === req.actor.supervisorNip ? 'peer' : req.actor.supervisorNip === target!.nip ? 'subordinate' : null;
  if (!relation) throw forbidden(notColleague);
  const period = await new YearRepository(req.scope).findPeriod(req.params.periodId);
  if (period.state === 'finalised') throw new DomainError('period_finalised_locked', { period: period.id });
  const ctx = writeContext(req);
  await new EvaluationRepository(req.scope).saveInput(target!.nip, period.id, req.principal.nip, { relation, values: req.body.values, ...(req.body.comment ? { comment: req.body.comment } : {}), at: ctx.now }, ctx);
  return json({ recorded: true });
});
