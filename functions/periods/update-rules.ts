import { updateRules } from '#shared/api/plans';
import { canManagePeriods, reasons } from '#shared/auth/policy';
import { actorId } from '#shared/auth/principal';
import { rulesProblems } from '#shared/domain/rules';
import { AppError, forbidden, notFound } from '#shared/http/errors';
import { json, userHandler } from '#shared/http/handler';
import { render } from '#shared/http/messages';
import { YearRepository } from '#shared/store/years';

export const handler = userHandler(updateRules, async (req) => {
  if (!canManagePeriods(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const { expectedRulesVersion, reason, ...rules } = req.body;
  const problems = rulesProblems(rules);
  if (problems.length > 0) {
    throw new AppError(422, problems[0]!, {}, problems.map((code) => ({ code, message: render(code, req.lang) })));
  }
  const years = new YearRepository(req.scope);
  if (!(await years.rules(req.params.year))) throw notFound('year');
  const created = await years.newRules(req.params.year, rules, reason, expectedRulesVersion, {
    actor: actorId(req.principal),
    now: req.now.toISOString(),
    requestId: req.requestId,
  });
  return json(created);
});
