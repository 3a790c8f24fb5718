import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';
import type { OrgScope } from './org-scope.ts';

/**
 * Machine clients (client-credentials apps of agency systems) belong to one organisation. The registry is the
 * only record outside an organisation's key space: it is how a machine token is tied to its organisation.
 * Its index entry, gsi1 `ORG#o#MACHINECLIENTS` / `<clientId>`, lists an organisation's clients for BKPSDM
 * (registered before it existed: running the bootstrap again adds it).
 */
const key = (clientId: string) => ({ pk: `CLIENT#${clientId}`, sk: 'CLIENT' });
const listKey = (orgId: string) => `ORG#${orgId}#MACHINECLIENTS`;

export interface MachineClient {
  clientId: string;
  name: string;
  registeredAt: string;
  registeredBy: string;
}

/** Most clients an organisation lists: a city has a handful of agency systems. */
export const MAX_MACHINE_CLIENTS = 100;

export async function machineClientOrg(clientId: string): Promise<string | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName('main'), Key: key(clientId) }));
  return typeof out.Item?.orgId === 'string' ? out.Item.orgId : undefined;
}

export async function registerMachineClient(clientId: string, orgId: string, name: string, by: string): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: tableName('main'),
      Item: {
        ...key(clientId),
        gsi1pk: listKey(orgId),
        gsi1sk: clientId,
        entity: 'MachineClient',
        clientId,
        orgId,
        name,
        updatedAt: new Date().toISOString(),
        updatedBy: by,
      },
    }),
  );
}

/** The organisation's registered clients, by client id (one query of its own index range). */
export async function listMachineClients(scope: OrgScope): Promise<MachineClient[]> {
  const page = await scope.query('main', { index: 'gsi1', pk: listKey(scope.orgId), limit: MAX_MACHINE_CLIENTS });
  return page.items.map((i) => ({
    clientId: i.clientId as string,
    name: i.name as string,
    registeredAt: i.updatedAt as string,
    registeredBy: i.updatedBy as string,
  }));
}
