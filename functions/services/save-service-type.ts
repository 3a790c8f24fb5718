import { saveServiceType } from '#shared/api/services';
import { managedUnit } from '#shared/app/access';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { ServiceCatalogueRepository } from '#shared/store/service-catalogue';

export const handler = userHandler(saveServiceType, async (req) => {
  const unit = await managedUnit(req, req.params.code);
  const { expectedVersion, active, ...fields } = req.body;
  const saved = await new ServiceCatalogueRepository(req.scope).saveType(
    { unitCode: unit.code, code: req.params.type, ...fields, active: active ?? true },
    expectedVersion,
    writeContext(req),
  );
  return json(saved, expectedVersion === undefined ? 201 : 200);
});
