import { fileURLToPath } from 'node:url';
import { Duration, Stack, type StackProps, TimeZone, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type CfnFunction, FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  type FunctionDef,
  type QueueTrigger,
  type ScheduleTrigger,
  type SecretName,
  STREAM_RECORD_MAX_AGE_SECONDS,
  type StreamTrigger,
  type TableName,
} from '../../shared/platform/manifest.ts';
import { pascalCase } from './helpers.ts';
import {
  buildFunctions,
  DEFAULT_TIMEOUT_SECONDS,
  queuePhysicalName,
  type ServiceFunction,
} from './service-function.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface WorkersStackProps extends StackProps {
  tables: Record<TableName, ITable>;
  secrets: Record<SecretName, ISecret>;
  /** The stream consumers and scheduled functions of the manifest. */
  functions: FunctionDef[];
  /** The web app's address (…/app), which notification e-mails link to. */
  webAppUrl?: string;
}

/**
 * The functions nobody calls over HTTP: stream consumers (filtered event source mappings with partial batch
 * failures, bisect, bounded retries and an on-failure queue) and schedules (EventBridge Scheduler in Asia/Jakarta).
 * Apart from the API stack, so that neither comes near CloudFormation's 500 resources per stack.
 */
export class WorkersStack extends Stack {
  readonly functions: Record<string, ServiceFunction>;

  constructor(scope: Construct, id: string, props: WorkersStackProps) {
    super(scope, id, props);
    const http = props.functions.filter((f) => f.trigger.kind === 'http');
    if (http.length)
      throw new Error(
        `The workers stack takes stream and scheduled functions only; ${http.map((f) => f.name).join(', ')} belong to the API stack.`,
      );
    this.functions = buildFunctions(this, props.functions, {
      tables: props.tables,
      secrets: props.secrets,
      repoRoot: REPO_ROOT,
      ...(props.webAppUrl ? { webAppUrl: props.webAppUrl } : {}),
    });
    for (const def of props.functions) {
      const fn = this.functions[def.name]!;
      if (def.trigger.kind === 'stream') this.addStreamSource(def, def.trigger, fn, props.tables);
      else if (def.trigger.kind === 'queue') this.addQueueSource(def, def.trigger, fn);
      else if (def.trigger.kind === 'schedule') this.addSchedule(def, def.trigger, fn);
    }
  }

  private addStreamSource(
    def: FunctionDef,
    trigger: StreamTrigger,
    fn: ServiceFunction,
    tables: Record<TableName, ITable>,
  ): void {
    const onFailure = this.deadLetterQueue(
      `${pascalCase(def.name)}Dlq`,
      `stream batches that ${def.name} failed after retries`,
    );
    fn.fn.addEventSource(
      new DynamoEventSource(tables[trigger.table], {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: trigger.batchSize,
        retryAttempts: trigger.maxRetries,
        maxRecordAge: Duration.seconds(trigger.maxRecordAgeSeconds ?? STREAM_RECORD_MAX_AGE_SECONDS),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        filters: trigger.filters.map((pattern) => FilterCriteria.filter(pattern)),
        onFailure: new SqsDlq(onFailure),
      }),
    );
  }

  /** The function's own SQS queue (scoring tasks): its own path and parallelism, a DLQ after maxReceiveCount. */
  private addQueueSource(def: FunctionDef, trigger: QueueTrigger, fn: ServiceFunction): void {
    const deadLetterQueue = this.deadLetterQueue(
      `${pascalCase(def.name)}Dlq`,
      `${trigger.queue} messages that ${def.name} failed ${trigger.maxReceiveCount} times`,
    );
    const queue = new Queue(this, `${pascalCase(trigger.queue)}Queue`, {
      queueName: queuePhysicalName(trigger.queue),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS's advice for an SQS event source: six times the function's timeout, so a slow run is not redelivered.
      visibilityTimeout: Duration.seconds(6 * (def.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS)),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: trigger.maxReceiveCount },
    });
    fn.fn.addEventSource(
      new SqsEventSource(queue, {
        batchSize: trigger.batchSize,
        maxConcurrency: trigger.maxConcurrency,
        reportBatchItemFailures: true,
      }),
    );
  }

  private addSchedule(def: FunctionDef, trigger: ScheduleTrigger, fn: ServiceFunction): void {
    const deadLetterQueue = this.deadLetterQueue(
      `${pascalCase(def.name)}Dlq`,
      `invocations of ${def.name} that failed after retries`,
    );
    // A role per schedule, rather than the stack-wide role LambdaInvoke would share between all targets.
    const role = new Role(this, `${pascalCase(def.name)}SchedulerRole`, {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
      description: `kinerja-asn schedule ${def.name}`,
    });
    new Schedule(this, `${pascalCase(def.name)}Schedule`, {
      description: trigger.description,
      // The manifest gives the six-field body; Scheduler evaluates it in Jakarta time, as the local clock does.
      schedule: ScheduleExpression.expression(`cron(${trigger.cron})`, TimeZone.ASIA_JAKARTA),
      // Scheduler's defaults (185 retries over 24 h, no DLQ) would hide a broken scoring job for a day.
      target: new LambdaInvoke(fn.fn, { role, retryAttempts: 3, maxEventAge: Duration.hours(1), deadLetterQueue }),
    });
    const fnLogicalId = this.getLogicalId(fn.fn.node.defaultChild as CfnFunction);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
      reason: `grantInvoke also covers the versions and aliases (arn:*) of ${def.name}; the role can invoke that one function only.`,
    });
  }

  private deadLetterQueue(id: string, holds: string): Queue {
    const queue = new Queue(this, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself a dead-letter destination (it holds ${holds}); a DLQ of a DLQ would only move the problem.`,
    });
    return queue;
  }
}
