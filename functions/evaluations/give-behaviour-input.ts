import { giveBehaviourInput } from '#shared/api/evaluations';
import { recordBehaviourInput } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** A peer's or a direct subordinate's input on someone's behaviour in a period. */
export const handler = userHandler(giveBehaviourInput, async (req) =>
  json(await recordBehaviourInput(req, req.params.nip, req.params.periodId, req.body)),
);
