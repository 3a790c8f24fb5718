import { getPersonSignals } from '#shared/api/fairness';
import { personSignals } from '#shared/app/fairness';
import { json, userHandler } from '#shared/http/handler';

/** A person's signals worth a second look, with their answers; a view of someone else's is audited. */
export const handler = userHandler(getPersonSignals, async (req) =>
  json(await personSignals(req, req.params.nip, req.params.periodId)),
);
