import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';

/**
 * The list of organisations in a deployment, for jobs that serve them all (the scheduled scoring). Like the
 * machine-client registry it lives outside every organisation's key space, and holds nothing but the ids.
 *   pk ORGS / sk <orgId>
 */
export async function registerOrganisation(orgId: string): Promise<void> {
  await documentClient().send(new PutCommand({ TableName: tableName('main'), Item: { pk: 'ORGS', sk: orgId, orgId } }));
}

export async function organisationIds(): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName('main'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'ORGS' },
        ExclusiveStartKey: start,
      }),
    );
    ids.push(...(out.Items ?? []).map((i) => i.orgId as string));
    start = out.LastEvaluatedKey;
  } while (start);
  return ids;
}
