import { getYear } from '#shared/api/plans';
import { notFound } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { YearRepository } from '#shared/store/years';

export const handler = userHandler(getYear, async ({ scope, params }) => {
  const year = await new YearRepository(scope).get(params.year);
  if (!year) throw notFound('year');
  return json(year);
});
