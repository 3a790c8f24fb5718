import { getVerificationQueue } from '#shared/api/activities';
import { verificationQueue } from '#shared/app/activities';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(getVerificationQueue, async (req) =>
  json(await verificationQueue(req, req.params.nip, req.query)),
);
