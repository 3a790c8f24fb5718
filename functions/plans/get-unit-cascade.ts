import { getUnitCascade } from '#shared/api/plans';
import * as plans from '#shared/app/plans';
import { json, userHandler } from '#shared/http/handler';

/** Which subordinate RHK serve which RHK above them, in a unit subtree. */
export const handler = userHandler(getUnitCascade, async (req) =>
  json(await plans.unitCascade(req, req.params.code, req.params.year)),
);
