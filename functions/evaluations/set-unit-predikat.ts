import { setUnitPredikat } from '#shared/api/evaluations';
import { recordUnitPredikat } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** The unit's own predikat, decided by the leadership above it and recorded by BKPSDM (audited with its reason); re-scores the unit. */
export const handler = userHandler(setUnitPredikat, async (req) =>
  json(await recordUnitPredikat(req, req.params.code, req.params.periodId, req.body)),
);
