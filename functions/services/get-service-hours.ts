import { getServiceHours } from '#shared/api/services';
import { serviceHoursOfUnit } from '#shared/app/services';
import { httpHandler, json } from '#shared/http/handler';

export const handler = httpHandler(
  getServiceHours,
  async (req) => json({ items: await serviceHoursOfUnit(req, req.params.code) }),
  { auth: 'any', scopes: ['directory.read'] },
);
