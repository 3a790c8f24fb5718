import { recordDialog } from '#shared/api/feedback';
import { recordDialogWith } from '#shared/app/feedback';
import { created, userHandler } from '#shared/http/handler';

export const handler = userHandler(recordDialog, async (req) =>
  created(await recordDialogWith(req, req.params.nip, req.body)),
);
