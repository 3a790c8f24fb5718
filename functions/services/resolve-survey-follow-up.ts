import { resolveSurveyFollowUp } from '#shared/api/services';
import { monitoredUnit } from '#shared/auth/access';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { SurveyRepository } from '#shared/store/surveys';

/** The unit head (or anyone who monitors the unit) records how a complaint or low rating was followed up. */
export const handler = userHandler(resolveSurveyFollowUp, async (req) => {
  const { unit } = await monitoredUnit(req, req.params.code);
  const resolved = await new SurveyRepository(req.scope).resolve(unit.code, req.params.id, req.body.note, writeContext(req));
  return json({ ...resolved, overdue: false });
});
