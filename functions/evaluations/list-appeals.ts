import { listAppeals } from '#shared/api/evaluations';
import { appealQueue } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** The appeals waiting for a decision: the organisation's for BKPSDM and auditors, a supervisor's own otherwise. */
export const handler = userHandler(listAppeals, async (req) => json(await appealQueue(req, req.query)));
