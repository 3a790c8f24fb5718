/** What every DynamoDB bench starts from: its own DynamoDB Local, the tables, the demo organisation. */
import { DEMO_ORG } from '../../infra/local/demo-data.ts';
import { type DynamoLocal, ensureTables, freePort, startDynamoDbLocal } from '../../infra/local/dynamodb.ts';
import { configureEnvironment } from '../../infra/local/runtime.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';

/** Runs `bench` against a fresh DynamoDB Local with the demo organisation seeded; stops it afterwards. */
export async function withBenchDatabase(bench: (scope: OrgScope) => Promise<void>): Promise<void> {
  const dynamo: DynamoLocal = await startDynamoDbLocal({ port: await freePort() });
  try {
    const tables = { main: 'bench-main', audit: 'bench-audit' };
    configureEnvironment(dynamo.endpoint, tables);
    process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
    await ensureTables(dynamo.endpoint, tables);
    await seedDemo();
    await bench(new OrgScope(DEMO_ORG.orgId));
  } finally {
    await dynamo.stop();
  }
}
