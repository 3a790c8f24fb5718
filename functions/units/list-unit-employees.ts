import { listUnitEmployees } from '#shared/api/units';
import * as units from '#shared/app/units';
import { httpHandler, json } from '#shared/http/handler';

/** A directory listing of a unit subtree, readable by the organisation and by agency systems (fewer fields). */
export const handler = httpHandler(
  listUnitEmployees,
  async ({ scope, params, query, principal }) =>
    json(await units.listUnitEmployees(scope, params.code, query, principal.kind)),
  { auth: 'any', scopes: ['directory.read'] },
);
