import { listTeamEvaluations } from '#shared/api/evaluations';
import { teamEvaluations } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** The supervisor's review list: each team member's name, figures, what is still to do, and the version to decide with. */
export const handler = userHandler(listTeamEvaluations, async (req) =>
  json(await teamEvaluations(req, req.params.nip, req.params.periodId, req.query)),
);
