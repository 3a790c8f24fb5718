import { listUnits } from '#shared/api/units';
import * as units from '#shared/app/units';
import { httpHandler, json } from '#shared/http/handler';

/** The unit tree is the organisation's public directory: every signed-in person of it, and agency systems. */
export const handler = httpHandler(listUnits, async ({ scope }) => json(await units.listUnits(scope)), {
  auth: 'any',
  scopes: ['directory.read'],
});
