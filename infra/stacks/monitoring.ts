import { Annotations, Arn, ArnFormat, CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IAlarm,
  type IMetric,
  MathExpression,
  type Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { FunctionDef, TableName } from '../../shared/platform/manifest.ts';
import { contextString, pascalCase } from './helpers.ts';
import type { ServiceFunction } from './service-function.ts';

/**
 * Alarms, their SNS topic and the environment's dashboard (issue 17). Each alarm lives in the stack that owns what
 * it watches, so no function or queue name crosses a stack boundary: a CloudFormation export of a function name
 * would block removing or renaming that function later. The topic has a fixed name and the alarms name it by ARN;
 * the dashboard finds functions and queues by SEARCH on the stack names, and names the alarms by their fixed names.
 */

/** The topic every alarm notifies (one per account and region, i.e. per environment). */
export const ALARM_TOPIC_NAME = 'kinerja-asn-alarms';
const FIVE_MINUTES = Duration.minutes(5);
/** CloudWatch accepts at most 10 metrics in one alarm's metric math. */
const MAX_METRICS_PER_ALARM = 10;

/**
 * The thresholds, in one place (the README's alarm table lists them with their reasons). Changing one is a review
 * decision: test/infra/monitoring.test.ts reads the template against these values.
 */
export const thresholds = {
  /** A failed batch or invocation waits in the queue: one message is one failure nobody has handled. */
  failureQueueMessages: 0,
  /** Unhandled errors (crashes, timeouts) of an area's functions in 5 minutes. */
  functionErrors: 5,
  /** Throttled invocations of an area's functions in 5 minutes. */
  functionThrottles: 1,
  /** Floor of the iterator-age / queue-backlog threshold; a consumer's own is max(floor, 2 × its timeout). */
  iteratorAgeFloorSeconds: 300,
  /** Share of API requests answered 5xx, in % over 5 minutes (periods with fewer requests than below are ignored). */
  api5xxPercent: 1,
  api5xxMinimumRequests: 20,
  /** p99 of API latency in ms, 3 periods of 5 minutes in a row. */
  apiP99LatencyMs: 5000,
  /** Read + write throttle events of a table in 5 minutes, 2 periods in a row. */
  tableThrottleEvents: 0,
} as const;

/**
 * Stream iterator age and a work queue's oldest message: a consumer may legitimately take its timeout for a batch
 * and once more for a retry; beyond, it lags.
 */
export const backlogThresholdSeconds = (def: FunctionDef): number =>
  Math.max(thresholds.iteratorAgeFloorSeconds, 2 * (def.timeoutSeconds ?? 10));

/** Names of the alarms created so far in each app; the dashboard's status widget lists them by ARN. */
const alarmNames = new WeakMap<Construct, string[]>();
const alarmNamesOf = (scope: Construct): string[] => {
  const root = scope.node.root;
  if (!alarmNames.has(root)) alarmNames.set(root, []);
  return alarmNames.get(root)!;
};

const topics = new WeakMap<Stack, ITopic>();
/** The alarm topic as seen from `stack`: by its fixed ARN in that account and region (no cross-stack export). */
function topicIn(stack: Stack): ITopic {
  let topic = topics.get(stack);
  if (!topic) {
    topic = Topic.fromTopicArn(stack, 'AlarmTopicRef', stack.formatArn({ service: 'sns', resource: ALARM_TOPIC_NAME }));
    topics.set(stack, topic);
  }
  return topic;
}

interface AlarmSpec {
  /** Suffix of the alarm name after `<stack name>-`. */
  name: string;
  description: string;
  metric: IMetric;
  threshold: number;
  evaluationPeriods?: number;
  comparison?: ComparisonOperator;
}

function alarm(stack: Stack, spec: AlarmSpec): Alarm {
  const alarmName = `${stack.stackName}-${spec.name}`;
  const created = new Alarm(stack, `${pascalCase(spec.name)}Alarm`, {
    alarmName,
    alarmDescription: spec.description,
    metric: spec.metric,
    threshold: spec.threshold,
    evaluationPeriods: spec.evaluationPeriods ?? 1,
    comparisonOperator: spec.comparison ?? ComparisonOperator.GREATER_THAN_THRESHOLD,
    // No data means nothing failed, nothing was throttled and nothing waits.
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  const action = new SnsAction(topicIn(stack));
  created.addAlarmAction(action);
  created.addOkAction(action);
  alarmNamesOf(stack).push(alarmName);
  return created;
}

/** Sum of up to 10 metrics, a missing datapoint counting as 0 (a function that did not run has none). */
function sumOf(metrics: Metric[], label: string): MathExpression {
  const usingMetrics = Object.fromEntries(metrics.map((m, i) => [`m${i}`, m]));
  return new MathExpression({
    expression: `SUM([${Object.keys(usingMetrics)
      .map((id) => `FILL(${id}, 0)`)
      .join(', ')}])`,
    usingMetrics,
    label,
    period: FIVE_MINUTES,
  });
}

const areaOf = (def: FunctionDef): string => def.entry.split('/')[1] ?? 'other';

/**
 * Errors and throttles per area (functions/<area>/) of one stack: one alarm each, by metric math over the area's
 * functions, in chunks of 10 (CloudWatch's limit per alarm) — so an area of up to 10 functions in a stack has one
 * errors alarm and one throttles alarm, a larger one `-2`, `-3`… A new function joins its area's alarm.
 */
export function watchFunctions(stack: Stack, fns: Record<string, ServiceFunction>, defs: FunctionDef[]): void {
  const byArea = new Map<string, { name: string; fn: ServiceFunction }[]>();
  for (const def of defs) {
    const fn = fns[def.name];
    if (!fn) continue;
    byArea.set(areaOf(def), [...(byArea.get(areaOf(def)) ?? []), { name: def.name, fn }]);
  }
  for (const [area, list] of byArea) {
    for (let start = 0, part = 1; start < list.length; start += MAX_METRICS_PER_ALARM, part++) {
      const chunk = list.slice(start, start + MAX_METRICS_PER_ALARM);
      const suffix = part === 1 ? '' : `-${part}`;
      const names = chunk.map((f) => f.name).join(', ');
      alarm(stack, {
        name: `${area}-errors${suffix}`,
        description: `Functions of area '${area}' failed (unhandled error or timeout) ${thresholds.functionErrors}+ times in 5 minutes: ${names}.`,
        metric: sumOf(
          chunk.map((f) => f.fn.fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' })),
          `${area} errors`,
        ),
        threshold: thresholds.functionErrors,
        comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
      alarm(stack, {
        name: `${area}-throttles${suffix}`,
        description: `Invocations of area '${area}' were throttled (the account's Lambda concurrency is used up): ${names}.`,
        metric: sumOf(
          chunk.map((f) => f.fn.fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' })),
          `${area} throttles`,
        ),
        threshold: thresholds.functionThrottles,
        comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }
  }
}

/**
 * The workers: for every non-HTTP function of the manifest (stream consumer, queue consumer, schedule), its
 * on-failure / dead-letter queue (the workers stack names it `<Function>Dlq`) must be empty; every stream consumer's
 * iterator age and every queue consumer's oldest message stay under their thresholds. A manifest entry without its
 * queue fails synthesis rather than going unwatched.
 */
export function watchWorkers(stack: Stack, fns: Record<string, ServiceFunction>, defs: FunctionDef[]): void {
  for (const def of defs) {
    // Read loosely: trigger kinds are added over time (queue); an unknown one still gets its failure alarm.
    const trigger = def.trigger as { kind: string; queue?: string };
    if (trigger.kind === 'http') continue;
    const queue = stack.node.tryFindChild(`${pascalCase(def.name)}Dlq`);
    if (!(queue instanceof Queue))
      throw new Error(`'${def.name}' has no failure queue ${pascalCase(def.name)}Dlq in ${stack.stackName}.`);
    const holds =
      trigger.kind === 'stream'
        ? 'Stream batches that it failed after its retries wait in its on-failure queue'
        : trigger.kind === 'schedule'
          ? "Scheduled invocations that failed after the scheduler's retries wait in its dead-letter queue"
          : 'Messages that it failed after their deliveries wait in its dead-letter queue';
    alarm(stack, {
      name: `${def.name}-failures`,
      description: `${def.name}: ${holds} (see docs/operating.md).`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
      threshold: thresholds.failureQueueMessages,
    });
    const seconds = backlogThresholdSeconds(def);
    if (trigger.kind === 'stream') {
      alarm(stack, {
        name: `${def.name}-iterator-age`,
        description: `${def.name} is ${seconds}+ s behind the stream (records expire after 24 h).`,
        metric: fns[def.name]!.fn.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum' }),
        threshold: seconds * 1000,
        evaluationPeriods: 2,
      });
    } else if (trigger.kind === 'queue' && trigger.queue) {
      const work = stack.node.tryFindChild(`${pascalCase(trigger.queue)}Queue`);
      if (!(work instanceof Queue))
        throw new Error(`'${def.name}' consumes queue ${trigger.queue}, not found in ${stack.stackName}.`);
      alarm(stack, {
        name: `${trigger.queue}-backlog`,
        description: `The oldest message of ${trigger.queue} waits ${seconds}+ s for ${def.name}.`,
        metric: work.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES, statistic: 'Maximum' }),
        threshold: seconds,
        evaluationPeriods: 2,
      });
    }
  }
}

/** API 5xx rate and p99 latency, in the stack that owns the API. */
export function watchApi(stack: Stack, api: IHttpApi): void {
  const requests = api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
  const errors = api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
  alarm(stack, {
    name: 'api-5xx-rate',
    description: `More than ${thresholds.api5xxPercent}% of API requests answered 5xx in 5 minutes (client mistakes are 4xx by design).`,
    metric: new MathExpression({
      expression: `IF(requests >= ${thresholds.api5xxMinimumRequests}, 100 * FILL(errors, 0) / requests, 0)`,
      usingMetrics: { requests, errors },
      label: 'API 5xx %',
      period: FIVE_MINUTES,
    }),
    threshold: thresholds.api5xxPercent,
  });
  alarm(stack, {
    name: 'api-p99-latency',
    description: `API p99 latency over ${thresholds.apiP99LatencyMs} ms for 15 minutes.`,
    metric: api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
    threshold: thresholds.apiP99LatencyMs,
    evaluationPeriods: 3,
  });
}

/** Read and write throttle events of each table, in the stack that owns the tables. */
export function watchTables(stack: Stack, tables: Record<TableName, ITable>): void {
  for (const [name, table] of Object.entries(tables) as [TableName, ITable][]) {
    const metric = (m: string) => table.metric(m, { period: FIVE_MINUTES, statistic: 'Sum' });
    alarm(stack, {
      name: `${name}-table-throttles`,
      description: `DynamoDB throttled the ${name} table for 10 minutes (beyond on-demand's instant capacity or a hot partition).`,
      metric: sumOf([metric('ReadThrottleEvents'), metric('WriteThrottleEvents')], `${name} throttle events`),
      threshold: thresholds.tableThrottleEvents,
      evaluationPeriods: 2,
    });
  }
}

export interface MonitoringStackProps extends StackProps {
  api: IHttpApi;
  tables: Record<TableName, ITable>;
  /** The stacks whose functions the dashboard graphs (found by SEARCH on their names). */
  functionStacks: Stack[];
  /** The stack of the stream consumers and their queues. */
  workers: Stack;
}

/**
 * The alarm topic (e-mail subscription from `-c alarmEmail=…`) and the environment's dashboard. Build it after
 * every watch…() call: the dashboard's status widget lists the alarms created so far.
 */
export class MonitoringStack extends Stack {
  readonly topic: Topic;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    this.topic = new Topic(this, 'AlarmTopic', {
      topicName: ALARM_TOPIC_NAME,
      displayName: 'Kinerja ASN alarms',
      enforceSSL: true,
    });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'CloudWatch alarms cannot publish to a topic under the AWS managed SNS key, and the messages carry only alarm names, metrics and thresholds (no personal data); a customer key would cost a key and its policy for no protected content.',
    });
    const email = contextString(this, 'alarmEmail');
    if (email) this.topic.addSubscription(new EmailSubscription(email));
    else
      Annotations.of(this).addInfo(
        'No -c alarmEmail=…: the alarm topic has no subscriber. Subscribe an address or a pager to it before going live.',
      );
    new CfnOutput(this, 'AlarmTopicArn', { value: this.topic.topicArn });
    new CfnOutput(this, 'AlarmSubscription', {
      value: email ?? 'none (deploy with -c alarmEmail=ops@example.go.id, or subscribe to the topic by hand)',
    });

    const region = this.region;
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `KinerjaAsn-${region}`,
      defaultInterval: Duration.hours(24),
    });
    const alarms: IAlarm[] = [...new Set(alarmNamesOf(this))].map((name, i) =>
      Alarm.fromAlarmArn(
        this,
        `Alarm${i}`,
        Arn.format(
          { service: 'cloudwatch', resource: 'alarm', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME },
          this,
        ),
      ),
    );
    const search = (namespace: string, metricName: string, term: string, stat: string, label: string) =>
      new MathExpression({
        expression: `SEARCH('{${namespace}} MetricName="${metricName}" "${term}"', '${stat}', 300)`,
        usingMetrics: {},
        label,
        period: FIVE_MINUTES,
      });
    const stackTerms = props.functionStacks.map((s) => s.stackName);
    const perStack = (metricName: string, stat: string) =>
      stackTerms.map((term) => search('AWS/Lambda,FunctionName', metricName, term, stat, term));
    const api = props.api;
    const tables = Object.entries(props.tables) as [TableName, ITable][];

    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# Kinerja ASN (${region})\nAlarms go to the SNS topic \`${ALARM_TOPIC_NAME}\`; what each means and what to do: docs/operating.md.`,
        width: 24,
        height: 2,
      }),
    );
    // An alarm status widget shows at most 100 alarms.
    for (let start = 0; start < alarms.length; start += 100)
      this.dashboard.addWidgets(
        new AlarmStatusWidget({ title: 'Alarms', alarms: alarms.slice(start, start + 100), width: 24, height: 6 }),
      );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and 5xx',
        left: [api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' })],
        right: [api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' })],
        width: 12,
      }),
      new GraphWidget({
        title: 'API latency p50 / p99 (ms)',
        left: [
          api.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }),
          api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
        ],
        leftAnnotations: [{ value: thresholds.apiP99LatencyMs, label: 'p99 alarm' }],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Function errors (per function)', left: perStack('Errors', 'Sum'), width: 8 }),
      new GraphWidget({ title: 'Function throttles (per function)', left: perStack('Throttles', 'Sum'), width: 8 }),
      new GraphWidget({ title: 'Function duration p99 (ms)', left: perStack('Duration', 'p99'), width: 8 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Stream consumers: iterator age (ms)',
        left: [search('AWS/Lambda,FunctionName', 'IteratorAge', props.workers.stackName, 'Maximum', 'iterator age')],
        width: 12,
      }),
      new GraphWidget({
        title: 'Queues: messages waiting (left), oldest message age (right)',
        left: [
          search(
            'AWS/SQS,QueueName',
            'ApproximateNumberOfMessagesVisible',
            props.workers.stackName,
            'Maximum',
            'messages',
          ),
        ],
        right: [
          search(
            'AWS/SQS,QueueName',
            'ApproximateAgeOfOldestMessage',
            props.workers.stackName,
            'Maximum',
            'oldest message (s)',
          ),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'DynamoDB throttle events',
        left: tables.flatMap(([name, table]) => [
          table.metric('ReadThrottleEvents', { period: FIVE_MINUTES, statistic: 'Sum', label: `${name} read` }),
          table.metric('WriteThrottleEvents', { period: FIVE_MINUTES, statistic: 'Sum', label: `${name} write` }),
        ]),
        width: 12,
      }),
      // The SDK calls' own latency, per table and operation: what tracing SDK calls would show, without its cost.
      new GraphWidget({
        title: 'DynamoDB request latency by operation (ms, average)',
        left: tables.map(([name, table]) =>
          search('AWS/DynamoDB,TableName,Operation', 'SuccessfulRequestLatency', table.tableName, 'Average', name),
        ),
        width: 12,
      }),
    );
  }
}
