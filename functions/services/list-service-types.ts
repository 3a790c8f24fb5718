import { listServiceTypes } from '#shared/api/services';
import { notFound } from '#shared/messages/errors';
import { httpHandler, json } from '#shared/http/handler';
import { ServiceCatalogueRepository } from '#shared/store/service-catalogue';
import { UnitRepository } from '#shared/store/units';

/** Any employee of the organisation, and agency systems (to map their own service codes). */
export const handler = httpHandler(
  listServiceTypes,
  async (req) => {
    const [unit, items] = await Promise.all([new UnitRepository(req.scope).get(req.params.code), new ServiceCatalogueRepository(req.scope).types(req.params.code)]);
    if (!unit) throw notFound('unit');
    return json({ items });
  },
  { auth: 'any' },
);
