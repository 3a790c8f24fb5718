import { listUnitSignals } from '#shared/api/fairness';
import { unitSignals } from '#shared/app/fairness';
import { json, userHandler } from '#shared/http/handler';

/** People of a unit subtree with signals in a period (kinds, count, answered); each view is audited. */
export const handler = userHandler(listUnitSignals, async (req) =>
  json(await unitSignals(req, req.params.code, req.params.periodId)),
);
