import { rateBehaviour } from '#shared/api/evaluations';
import { rateBehaviourOf } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** The direct supervisor's BerAKHLAK ratings of the period; the recommended perilaku follows from them. */
export const handler = userHandler(rateBehaviour, async (req) =>
  json(await rateBehaviourOf(req, req.params.nip, req.params.periodId, req.body)),
);
