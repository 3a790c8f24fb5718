import { listMachineClients } from '#shared/api/units';
import * as units from '#shared/app/units';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(listMachineClients, async (req) => json(await units.listMachineClients(req)));
