import { decideAppeal } from '#shared/api/evaluations';
import { settleAppeal } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** The second level above the employee, or BKPSDM, upholds or revises an appealed evaluation (see settleAppeal). */
export const handler = userHandler(decideAppeal, async (req) =>
  json(await settleAppeal(req, req.params.nip, req.params.periodId, req.body)),
);
