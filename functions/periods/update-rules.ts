import { updateRules } from '#shared/api/plans';
import { canManagePeriods, reasons } from '#shared/auth/policy';
import { rulesProblems } from '#shared/domain/rules';
import { DomainError, forbidden, notFound } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { render } from '#shared/messages/catalogue';
import { YearRepository } from '#shared/store/years';

export const handler = userHandler(updateRules, async (req) => {
  if (!canManagePeriods(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const { expectedRulesVersion, reason, scoringDelayDays, reminderAfterDays, ...given } = req.body;
  const problems = rulesProblems(given);
  if (problems.length > 0) {
    throw new DomainError(problems[0]!, {}, problems.map((code) => ({ field: 'body', code, message: render(code, req.lang) })));
  }
  const years = new YearRepository(req.scope);
  const current = await years.rules(req.params.year);
  if (!current) throw notFound('year');
  // Optimistic locking: the change must be based on the version in force now, not an older or imagined one.
  if (expectedRulesVersion !== current.current.rulesVersion) {
    throw new DomainError('version_conflict', { current: current.current.rulesVersion, sent: expectedRulesVersion }, { current: current.current });
  }
  // Fields a client does not send yet keep their value in force.
  const rules = { ...given, scoringDelayDays: scoringDelayDays ?? current.current.scoringDelayDays, reminderAfterDays: reminderAfterDays ?? current.current.reminderAfterDays };
  const created = await years.newRules(req.params.year, rules, reason, expectedRulesVersion, writeContext(req));
  return json(created);
});
