import { listUnits } from '#shared/api/units';
import { notFound } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { UnitRepository } from '#shared/store/units';

/** The unit tree is the organisation's public directory: every signed-in person of the organisation may read it. */
export const handler = userHandler(listUnits, async ({ scope }) => {
  const units = new UnitRepository(scope);
  const [organisation, tree] = await Promise.all([units.organisation(), units.tree()]);
  if (!organisation) throw notFound('organisation');
  return json({ organisation, units: tree });
});
