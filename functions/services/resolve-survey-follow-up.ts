import { resolveSurveyFollowUp } from '#shared/api/services';
import { resolveUnitFollowUp } from '#shared/app/services';
import { json, userHandler } from '#shared/http/handler';

/** The unit head (or their Plt/Plh), the OPD admin or BKPSDM records how a complaint or low rating was followed up. */
export const handler = userHandler(resolveSurveyFollowUp, async (req) =>
  json(await resolveUnitFollowUp(req, req.params.code, req.params.id, req.body.note)),
);
