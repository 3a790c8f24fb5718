import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TableName } from '#shared/platform/manifest';
import { tableDefs } from '#shared/platform/tables';

let shared: DynamoDBDocumentClient | undefined;

/** One DocumentClient per process (reused across Lambda invocations). DYNAMODB_ENDPOINT points at DynamoDB Local. */
export function documentClient(): DynamoDBDocumentClient {
  if (!shared) {
    const endpoint = process.env.DYNAMODB_ENDPOINT;
    const client = new DynamoDBClient(
      endpoint
        ? {
            endpoint,
            region: process.env.AWS_REGION ?? 'ap-southeast-3',
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          }
        : {},
    );
    shared = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }
  return shared;
}

/** Physical table name, read at call time so tests can point a process at isolated tables. */
export function tableName(table: TableName): string {
  const name = process.env[tableDefs[table].envVar];
  if (!name) throw new Error(`${tableDefs[table].envVar} is not set`);
  return name;
}
