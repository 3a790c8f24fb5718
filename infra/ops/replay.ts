/**
 * `npm run replay` re-drives stream records a consumer kept failing.
 *   Locally (npm start running): the files of the failure folder, each to its consumer; replayed files move to
 *   `replayed/`.  On AWS: `--queue <url>` or `--function <name>`: the on-failure queue's messages, the records
 *   read back from the stream; a message is deleted only once its consumer succeeded.
 * Safe to run twice: the consumers key their effects by the stream record (see docs/operating.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReplayResult } from '../local/replay.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE = `Usage:
  npm run replay [-- --dir <folder>]                 local: the failure folder of npm start (npm start running)
  npm run replay -- --function <name|arn> [--region <r>]   AWS: the on-failure queue of that stream consumer
  npm run replay -- --queue <url> [--region <r>]           AWS: that on-failure queue

Sends stream records a consumer kept failing to that consumer again, and says per record batch "replayed" or
"failed again". Locally replayed files move to <folder>/replayed/; on AWS a message is deleted once replayed.
Running it twice is safe: a record already applied adds nothing.
  --dir          the failure folder (default .data/stream-failures, or $KINERJA_DATA_DIR/stream-failures)
  --endpoint     DynamoDB Local (default http://localhost:$DYNAMODB_PORT, port 8100)
  --main-table, --audit-table   local table names (default kinerja-main, kinerja-audit)
  --function     the deployed consumer (name or ARN); its stream mapping names the queue
  --queue        the on-failure queue's URL
  --region       AWS region (default: the AWS CLI's / AWS_REGION)
  -h, --help     this text`;

function print(result: ReplayResult): void {
  const where = result.source.startsWith('/') ? relative(process.cwd(), result.source) : result.source;
  const what = `${result.function ?? '?'}, ${result.records} record${result.records === 1 ? '' : 's'}`;
  if (result.outcome === 'replayed')
    console.log(
      `replayed      ${where} (${what})${result.movedTo ? ` → ${relative(process.cwd(), result.movedTo)}` : ''}`,
    );
  else console.log(`failed again  ${where} (${what}): ${result.reason}`);
  for (const line of result.described ?? []) console.log(`                ${line}`);
}

async function local(values: Record<string, string | boolean | undefined>): Promise<ReplayResult[]> {
  const { FAILURES_DIR, LOCAL_TABLES, OUTBOX_DIR, SURVEY_KEY_FILE } = await import('../local/paths.ts');
  const endpoint = (values.endpoint as string) ?? `http://localhost:${process.env.DYNAMODB_PORT ?? 8100}`;
  const reachable = await fetch(endpoint).then(
    () => true,
    () => false,
  );
  if (!reachable)
    throw new Error(`no DynamoDB Local at ${endpoint}: start the product first (npm start), or set DYNAMODB_PORT.`);
  const dir = (values.dir as string) ?? FAILURES_DIR;
  if (!existsSync(dir)) {
    console.log(`nothing to replay: ${dir} does not exist (no stream record has failed).`);
    return [];
  }
  const { configureEnvironment } = await import('../local/runtime.ts');
  configureEnvironment(endpoint, {
    main: (values['main-table'] as string) ?? LOCAL_TABLES.main,
    audit: (values['audit-table'] as string) ?? LOCAL_TABLES.audit,
  });
  // What npm start gives the consumers: e-mails to the outbox, links to the local web app.
  process.env.EMAIL_OUTBOX_DIR ??= OUTBOX_DIR;
  process.env.PUBLIC_BASE_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
  process.env.WEB_APP_URL ??= `${process.env.PUBLIC_BASE_URL}/app`;
  if (!process.env.SURVEY_SIGNING_KEY && existsSync(SURVEY_KEY_FILE))
    process.env.SURVEY_SIGNING_KEY = readFileSync(SURVEY_KEY_FILE, 'utf8').trim();
  const { replayLocalFailures } = await import('../local/replay.ts');
  const results = await replayLocalFailures({ dir, log: print });
  if (results.length === 0) console.log(`nothing to replay in ${dir}.`);
  return results;
}

async function cloud(values: Record<string, string | boolean | undefined>): Promise<ReplayResult[]> {
  const [{ SQSClient }, { LambdaClient }, { DynamoDBStreamsClient }, { queueUrlOf, replayQueue }] = await Promise.all([
    import('@aws-sdk/client-sqs'),
    import('@aws-sdk/client-lambda'),
    import('@aws-sdk/client-dynamodb-streams'),
    import('./replay-cloud.ts'),
  ]);
  const region = values.region as string | undefined;
  const clients = {
    sqs: new SQSClient({ region }),
    lambda: new LambdaClient({ region }),
    streams: new DynamoDBStreamsClient({ region }),
  };
  const queueUrl =
    (values.queue as string | undefined) ?? (await queueUrlOf(clients.sqs, clients.lambda, values.function as string));
  console.log(`replaying the messages of ${queueUrl}`);
  const results = await replayQueue({ queueUrl, clients, log: print });
  if (results.length === 0) console.log('nothing to replay: the queue is empty.');
  return results;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', short: 'h' },
      dir: { type: 'string' },
      endpoint: { type: 'string' },
      'main-table': { type: 'string' },
      'audit-table': { type: 'string' },
      queue: { type: 'string' },
      function: { type: 'string' },
      region: { type: 'string' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if ((values.queue || values.function) && values.dir)
    throw new Error(`--dir is for the local failure folder; --queue and --function for AWS: not both.\n${USAGE}`);
  const results = values.queue || values.function ? await cloud(values) : await local(values);
  const failed = results.filter((r) => r.outcome === 'failed').length;
  if (results.length) console.log(`${results.length - failed} replayed, ${failed} failed again.`);
  // Everything settles before exit: the SDK keeps sockets open otherwise.
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(`kinerja-asn replay: ${(err as Error).message}`);
  process.exit(1);
});
