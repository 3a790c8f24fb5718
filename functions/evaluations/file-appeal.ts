import { fileAppeal } from '#shared/api/evaluations';
import { lodgeAppeal } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** Keberatan: the employee contests a finalised evaluation, once, within the appeal window, with a reason. */
export const handler = userHandler(fileAppeal, async (req) =>
  json(await lodgeAppeal(req, req.params.nip, req.params.periodId, req.body.reason)),
);
