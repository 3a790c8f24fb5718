import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';

/**
 * Machine clients (client-credentials apps of agency systems) belong to one organisation. The registry is the
 * only record outside an organisation's key space: it is how a machine token is tied to its organisation.
 */
const key = (clientId: string) => ({ pk: `CLIENT#${clientId}`, sk: 'CLIENT' });

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
