import { listServiceTypes } from '#shared/api/services';
import { serviceTypesOfUnit } from '#shared/app/services';
import { httpHandler, json } from '#shared/http/handler';

/** Any employee of the organisation, and agency systems with `directory.read` (to map their own service codes). */
export const handler = httpHandler(
  listServiceTypes,
  async (req) => json({ items: await serviceTypesOfUnit(req, req.params.code) }),
  { auth: 'any', scopes: ['directory.read'] },
);
