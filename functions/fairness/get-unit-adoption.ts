import { getUnitAdoption } from '#shared/api/fairness';
import { unitAdoption } from '#shared/app/fairness';
import { json, userHandler } from '#shared/http/handler';

/** A unit's adoption as of the last run: idle people, overdue queues, the units below it. */
export const handler = userHandler(getUnitAdoption, async (req) =>
  json(await unitAdoption(req, req.params.code, req.params.periodId)),
);
