import { listUnitEmployees } from '#shared/api/units';
import { notFound } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { EmployeeRepository } from '#shared/store/employees';
import { summary } from '#shared/store/summaries';
import { UnitRepository } from '#shared/store/units';

/** A directory listing (NIP, name, position, unit, supervisor) of a unit subtree, readable by the organisation. */
export const handler = userHandler(listUnitEmployees, async ({ scope, params, query }) => {
  const unit = await new UnitRepository(scope).get(params.code);
  if (!unit) throw notFound('unit');
  const page = await new EmployeeRepository(scope).unitMembers(unit.path, query.limit ?? 25, query.cursor);
  return json({ items: page.items.map(summary), nextCursor: page.nextCursor });
});
