import { listUnits } from '#shared/api/units';
import * as units from '#shared/app/units';
import { json, userHandler } from '#shared/http/handler';

/** The unit tree is the organisation's public directory: every signed-in person of the organisation may read it. */
export const handler = userHandler(listUnits, async ({ scope }) => json(await units.listUnits(scope)));
