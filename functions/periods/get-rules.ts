import { getRules } from '#shared/api/plans';
import { notFound } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { YearRepository } from '#shared/store/years';

export const handler = userHandler(getRules, async ({ scope, params }) => {
  const rules = await new YearRepository(scope).rules(params.year);
  if (!rules) throw notFound('year');
  return json(rules);
});
