import { listSurveyFollowUps } from '#shared/api/services';
import { unitFollowUps } from '#shared/app/services';
import { json, userHandler } from '#shared/http/handler';

/** Complaints and low ratings of a unit, newest first, with whether the 2×24-hour follow-up is overdue. */
export const handler = userHandler(listSurveyFollowUps, async (req) =>
  json(await unitFollowUps(req, req.params.code, req.query)),
);
