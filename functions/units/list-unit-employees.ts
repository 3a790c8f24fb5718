import { listUnitEmployees } from '#shared/api/units';
import * as units from '#shared/app/units';
import { json, userHandler } from '#shared/http/handler';

/** A directory listing of a unit subtree, readable by the organisation. */
export const handler = userHandler(listUnitEmployees, async ({ scope, params, query }) =>
  json(await units.listUnitEmployees(scope, params.code, query)),
);
