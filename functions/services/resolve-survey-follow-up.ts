import { resolveSurveyFollowUp } from '#shared/api/services';
import { monitoredUnit } from '#shared/app/access';
import { canFollowUpUnit, reasons } from '#shared/auth/policy';
import { forbidden } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { SurveyRepository } from '#shared/store/surveys';

/** The unit head (or their Plt/Plh), the OPD admin or BKPSDM records how a complaint or low rating was followed up. */
export const handler = userHandler(resolveSurveyFollowUp, async (req) => {
  const { unit, isHead } = await monitoredUnit(req, req.params.code);
  if (!canFollowUpUnit(req.principal, req.actor.unitPath, unit.path, isHead)) throw forbidden(reasons.unitHeadOnly);
  const resolved = await new SurveyRepository(req.scope).resolve(unit.code, req.params.id, req.body.note, writeContext(req));
  return json({ ...resolved, overdue: false });
});
