/**
 * Alarms, the alarm topic, the dashboard and the backup plans (issue 17), read from the synthesised templates of
 * the real manifest (bundling skipped), and once more with an extra stream consumer and schedule to show that a new
 * manifest entry gets its alarms without any edit to the stacks.
 */
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { buildApp, type KinerjaApp } from '../../infra/app.ts';
import {
  DAILY_RETENTION_DAYS,
  DEFAULT_AUDIT_BACKUP_YEARS,
  MAIN_MONTHLY_RETENTION_DAYS,
} from '../../infra/stacks/backup.ts';
import { ALARM_TOPIC_NAME, backlogThresholdSeconds, thresholds } from '../../infra/stacks/monitoring.ts';
import type { ServiceFunction } from '../../infra/stacks/service-function.ts';
import { type FunctionDef, functions, streamFunctions, type TableName } from '../../shared/platform/manifest.ts';

type Json = Record<string, any>;

const extraConsumer: FunctionDef = {
  name: 'test-consumer',
  entry: 'functions/system/health.ts',
  trigger: {
    kind: 'stream',
    table: 'main',
    filters: [{ dynamodb: { NewImage: { entity: { S: ['Test'] } } } }],
    batchSize: 10,
    maxRetries: 3,
    // Present once the bounded-retries change (issue 17 item 5) lands; ignored before.
    ...({ maxRecordAgeSeconds: 3600 } as object),
  } as FunctionDef['trigger'],
  access: { main: 'read' },
};
const extraSchedule: FunctionDef = {
  name: 'test-schedule',
  entry: 'functions/system/health.ts',
  trigger: { kind: 'schedule', cron: '0 2 * * ? *', description: 'test: daily at 02:00 WIB' },
  access: { main: 'read' },
};

const build = (context: Record<string, unknown>, fns?: FunctionDef[]) =>
  buildApp({ bundling: false, context, ...(fns ? { functions: fns } : {}) });
const real = build({ alarmEmail: 'ops@pemkomedan.go.id' });
const noEmail = build({});
const extended = build({}, [...functions, extraConsumer, extraSchedule]);

const stacksOf = (b: KinerjaApp): Stack[] => b.app.node.children.filter((c): c is Stack => c instanceof Stack);
const template = (stack: Stack): Json => Template.fromStack(stack).toJSON();
const resourcesOf = (stack: Stack, type: string): [string, Json][] =>
  Object.entries(template(stack).Resources as Json).filter(([, r]) => (r as Json).Type === type) as [string, Json][];
const logicalId = (c: { node: { defaultChild?: unknown } }, stack: Stack) =>
  stack.getLogicalId(c.node.defaultChild as never);

interface FoundAlarm {
  stack: Stack;
  id: string;
  props: Json;
}
const alarmsOf = (b: KinerjaApp): FoundAlarm[] =>
  stacksOf(b).flatMap((stack) =>
    resourcesOf(stack, 'AWS::CloudWatch::Alarm').map(([id, r]) => ({ stack, id, props: r.Properties as Json })),
  );
const named = (b: KinerjaApp, name: string): FoundAlarm => {
  const found = alarmsOf(b).filter((a) => a.props.AlarmName === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
/** Every Ref a metric-math alarm's metrics name (the functions or tables it sums). */
const refsOf = (props: Json): string[] =>
  (props.Metrics as Json[]).flatMap((m) =>
    ((m.MetricStat?.Metric?.Dimensions as Json[] | undefined) ?? []).map((d) => d.Value.Ref as string),
  );
const serviceFunctionsOf = (b: KinerjaApp, stack: Stack): Record<string, ServiceFunction> =>
  stack === b.stateless
    ? b.stateless.functions
    : stack === b.workers
      ? b.workers.functions
      : (b.areas.find((a) => a === stack)?.functions ?? {});

describe('alarm topic', () => {
  const t = Template.fromStack(real.monitoring);

  it('has the fixed name, refuses plain HTTP, and the e-mail subscription from -c alarmEmail', () => {
    t.hasResourceProperties('AWS::SNS::Topic', { TopicName: ALARM_TOPIC_NAME });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@pemkomedan.go.id' });
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('without -c alarmEmail: a topic without subscription, and synthesis says so', () => {
    const bare = Template.fromStack(noEmail.monitoring);
    bare.resourceCountIs('AWS::SNS::Topic', 1);
    bare.resourceCountIs('AWS::SNS::Subscription', 0);
    expect(bare.toJSON().Outputs.AlarmSubscription.Value).toMatch(/^none/);
    const infos = Annotations.fromStack(noEmail.monitoring).findInfo('*', Match.stringLikeRegexp('alarmEmail'));
    expect(infos).toHaveLength(1);
  });

  it('every alarm of every stack notifies the topic, on alarm and back to OK', () => {
    const alarms = alarmsOf(real);
    expect(alarms.length).toBeGreaterThan(30);
    for (const { stack, props } of alarms) {
      // The fixed name in the alarm's own account and region (no export from the monitoring stack).
      const arn = stack.resolve(stack.formatArn({ service: 'sns', resource: ALARM_TOPIC_NAME }));
      expect(JSON.stringify(arn)).toContain(`:sns:${stack.region}:`);
      expect(props.AlarmActions, props.AlarmName).toEqual([arn]);
      expect(props.OKActions, props.AlarmName).toEqual([arn]);
      expect(props.TreatMissingData, props.AlarmName).toBe('notBreaching');
      expect(props.AlarmName, props.AlarmName).toMatch(new RegExp(`^${stack.stackName}-`));
    }
    // The topic lives in the monitoring stack, in the same region the alarms name.
    expect(real.monitoring.region).toBe(real.stateful.region);
  });
});

describe('failure queues: every on-failure and dead-letter queue must stay empty', () => {
  const queueAlarms = (b: KinerjaApp) =>
    alarmsOf(b).filter((a) => a.props.MetricName === 'ApproximateNumberOfMessagesVisible');

  /** Queues that receive failures: on-failure destinations, schedules' and queues' dead-letter targets. */
  const failureQueueIds = (b: KinerjaApp): string[] => {
    const resources = Object.values(template(b.workers).Resources as Json) as Json[];
    const targets = resources.flatMap((r) => [
      r.Properties?.DestinationConfig?.OnFailure?.Destination,
      r.Properties?.Target?.DeadLetterConfig?.Arn,
      r.Properties?.RedrivePolicy?.deadLetterTargetArn,
    ]);
    return [...new Set(targets.filter(Boolean).map((t: Json) => t['Fn::GetAtt'][0] as string))].sort();
  };

  it('one alarm per failure queue, one failure queue per non-HTTP function of the manifest', () => {
    const failureQueues = failureQueueIds(real);
    const nonHttp = functions.filter((f) => f.trigger.kind !== 'http');
    expect(failureQueues).toHaveLength(nonHttp.length);
    const alarms = queueAlarms(real);
    expect(alarms).toHaveLength(failureQueues.length);
    const watched = alarms.map((a) => a.props.Dimensions[0].Value['Fn::GetAtt'][0] as string).sort();
    expect(watched).toEqual(failureQueues);
    for (const a of alarms) {
      expect(a.stack).toBe(real.workers);
      expect(a.props).toMatchObject({
        Namespace: 'AWS/SQS',
        Statistic: 'Maximum',
        Period: 300,
        Threshold: thresholds.failureQueueMessages,
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
      });
    }
    for (const def of nonHttp) named(real, `KinerjaAsn-Workers-${def.name}-failures`);
  });

  it('every queue of the workers stack is watched: failure queues stay empty, work queues do not back up', () => {
    const all = resourcesOf(real.workers, 'AWS::SQS::Queue').map(([id]) => id);
    const failureQueues = failureQueueIds(real);
    const work = all.filter((id) => !failureQueues.includes(id));
    const ageAlarms = alarmsOf(real).filter((a) => a.props.MetricName === 'ApproximateAgeOfOldestMessage');
    expect(ageAlarms.map((a) => a.props.Dimensions[0].Value['Fn::GetAtt'][0]).sort()).toEqual(work.sort());
    expect(queueAlarms(real).length + ageAlarms.length).toBe(all.length);
  });

  it("the scheduler's dead-letter queues are among them", () => {
    for (const def of functions.filter((f) => f.trigger.kind === 'schedule')) {
      expect(named(real, `KinerjaAsn-Workers-${def.name}-failures`).props.AlarmDescription).toMatch(/dead-letter/);
    }
  });

  it('a new consumer and a new schedule in the manifest get their queue alarms with no other edit', () => {
    const before = queueAlarms(real).length;
    expect(queueAlarms(extended)).toHaveLength(before + 2);
    expect(queueAlarms(extended)).toHaveLength(failureQueueIds(extended).length);
    named(extended, 'KinerjaAsn-Workers-test-consumer-failures');
    named(extended, 'KinerjaAsn-Workers-test-schedule-failures');
    named(extended, 'KinerjaAsn-Workers-test-consumer-iterator-age');
  });
});

describe('stream consumers: iterator age', () => {
  it('one alarm per consumer, on its own function, at max(5 min, 2 × its timeout)', () => {
    const ageAlarms = alarmsOf(real).filter((a) => a.props.MetricName === 'IteratorAge');
    expect(ageAlarms).toHaveLength(streamFunctions().length);
    for (const def of streamFunctions()) {
      const { props } = named(real, `KinerjaAsn-Workers-${def.name}-iterator-age`);
      const fnId = logicalId(real.workers.functions[def.name]!.fn, real.workers);
      expect(props).toMatchObject({
        Namespace: 'AWS/Lambda',
        Statistic: 'Maximum',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
        Threshold: backlogThresholdSeconds(def) * 1000,
        EvaluationPeriods: 2,
        ComparisonOperator: 'GreaterThanThreshold',
      });
      expect(props.Threshold).toBeGreaterThanOrEqual(300_000);
    }
  });
});

describe('functions: errors and throttles per area', () => {
  for (const kind of ['errors', 'throttles'] as const) {
    it(`${kind}: one alarm per area and stack (parts of ≤ 10), covering every function exactly once`, () => {
      const metric = kind === 'errors' ? 'Errors' : 'Throttles';
      const covered: string[] = [];
      const lambdaAlarms = alarmsOf(real).filter(
        (x) =>
          new RegExp(`-${kind}(-\\d+)?$`).test(x.props.AlarmName) &&
          (x.props.Metrics as Json[] | undefined)?.some((m) => m.MetricStat?.Metric?.Namespace === 'AWS/Lambda'),
      );
      expect(lambdaAlarms.length).toBeGreaterThanOrEqual(12);
      for (const a of lambdaAlarms) {
        const { props, stack } = a;
        expect(props.Threshold).toBe(kind === 'errors' ? thresholds.functionErrors : thresholds.functionThrottles);
        expect(props.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
        const inputs = (props.Metrics as Json[]).filter((m) => m.MetricStat);
        expect(inputs.length).toBeLessThanOrEqual(10);
        for (const m of inputs)
          expect(m.MetricStat).toMatchObject({ Metric: { Namespace: 'AWS/Lambda', MetricName: metric }, Stat: 'Sum' });
        const expression = (props.Metrics as Json[]).find((m) => m.Expression);
        expect(expression!.Expression).toMatch(/^SUM\(\[FILL\(m0, 0\)/);
        // Every function summed belongs to the area the alarm names.
        const area = (props.AlarmName as string)
          .slice(stack.stackName.length + 1)
          .replace(/-(errors|throttles)(-\d+)?$/, '');
        const fns = serviceFunctionsOf(real, stack);
        for (const ref of refsOf(props)) {
          const name = Object.keys(fns).find((n) => logicalId(fns[n]!.fn, stack) === ref)!;
          expect(name, ref).toBeDefined();
          expect(functions.find((f) => f.name === name)!.entry.split('/')[1]).toBe(area);
          covered.push(name);
        }
      }
      expect([...covered].sort()).toEqual(functions.map((f) => f.name).sort());
    });
  }

  it('an area of ten functions or fewer in a stack has a single alarm', () => {
    // activities: all ten of its functions sit in the Activities stack, minus the stream consumer in the workers.
    named(real, 'KinerjaAsn-Api-Activities-activities-errors');
    expect(alarmsOf(real).some((a) => a.props.AlarmName === 'KinerjaAsn-Api-Activities-activities-errors-2')).toBe(
      false,
    );
  });
});

describe('API and tables', () => {
  it('API 5xx rate: % of requests over 5 minutes, quiet periods ignored', () => {
    const { props, stack } = named(real, 'KinerjaAsn-Stateless-api-5xx-rate');
    expect(stack).toBe(real.stateless);
    expect(props.Threshold).toBe(thresholds.api5xxPercent);
    const expression = (props.Metrics as Json[]).find((m) => m.Expression);
    expect(expression!.Expression).toBe(
      `IF(requests >= ${thresholds.api5xxMinimumRequests}, 100 * FILL(errors, 0) / requests, 0)`,
    );
    const names = (props.Metrics as Json[]).filter((m) => m.MetricStat).map((m) => m.MetricStat.Metric.MetricName);
    expect(names.sort()).toEqual(['5xx', 'Count']);
    const apiId = real.stateless.getLogicalId(real.stateless.api.node.defaultChild as never);
    for (const m of (props.Metrics as Json[]).filter((x) => x.MetricStat))
      expect(m.MetricStat.Metric.Dimensions).toEqual([{ Name: 'ApiId', Value: { Ref: apiId } }]);
  });

  it('API p99 latency over 5 s for three periods', () => {
    const { props } = named(real, 'KinerjaAsn-Stateless-api-p99-latency');
    expect(props).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Threshold: thresholds.apiP99LatencyMs,
      EvaluationPeriods: 3,
    });
  });

  it('DynamoDB throttling of both tables, two periods in a row', () => {
    for (const name of Object.keys(real.stateful.tables) as TableName[]) {
      const { props, stack } = named(real, `KinerjaAsn-Stateful-${name}-table-throttles`);
      expect(stack).toBe(real.stateful);
      expect(props.Threshold).toBe(thresholds.tableThrottleEvents);
      expect(props.EvaluationPeriods).toBe(2);
      const tableId = logicalId(real.stateful.tables[name], real.stateful);
      expect(refsOf(props)).toEqual([tableId, tableId]);
      const metrics = (props.Metrics as Json[]).filter((m) => m.MetricStat).map((m) => m.MetricStat.Metric.MetricName);
      expect(metrics).toEqual(['ReadThrottleEvents', 'WriteThrottleEvents']);
    }
  });
});

describe('dashboard', () => {
  it('one per environment, with every alarm and the metrics they watch', () => {
    const dashboards = resourcesOf(real.monitoring, 'AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const props = dashboards[0]![1].Properties as Json;
    expect(props.DashboardName).toBe(`KinerjaAsn-${real.monitoring.region}`);
    const body = JSON.stringify(props.DashboardBody);
    for (const a of alarmsOf(real)) expect(body).toContain(`:alarm:${a.props.AlarmName}`);
    for (const metric of [
      '5xx',
      'Latency',
      'MetricName=\\\\\\"Errors\\\\\\"',
      'MetricName=\\\\\\"Throttles\\\\\\"',
      'MetricName=\\\\\\"IteratorAge\\\\\\"',
      'MetricName=\\\\\\"ApproximateNumberOfMessagesVisible\\\\\\"',
      'ReadThrottleEvents',
      'WriteThrottleEvents',
      'SuccessfulRequestLatency',
    ])
      expect(body, metric).toContain(metric);
    for (const stack of [real.stateless, ...real.areas, real.workers]) expect(body).toContain(stack.stackName);
  });
});

describe('backups', () => {
  const t = template(real.stateful);
  const plans = resourcesOf(real.stateful, 'AWS::Backup::BackupPlan');
  const rulesOf = (name: string): Json[] =>
    plans.find(([, p]) => p.Properties.BackupPlan.BackupPlanName === name)![1].Properties.BackupPlan.BackupPlanRule;

  it('a retained, locked vault and one plan per table, each selecting its table', () => {
    const vaults = resourcesOf(real.stateful, 'AWS::Backup::BackupVault');
    expect(vaults).toHaveLength(1);
    expect(vaults[0]![1]).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: { LockConfiguration: { MinRetentionDays: DAILY_RETENTION_DAYS } },
    });
    expect(vaults[0]![1].Properties.LockConfiguration.ChangeableForDays).toBeUndefined();
    expect(plans.map(([, p]) => p.Properties.BackupPlan.BackupPlanName).sort()).toEqual([
      'kinerja-asn-audit',
      'kinerja-asn-main',
    ]);
    const selections = resourcesOf(real.stateful, 'AWS::Backup::BackupSelection');
    expect(selections).toHaveLength(2);
    for (const name of ['main', 'audit'] as TableName[]) {
      const tableId = logicalId(real.stateful.tables[name], real.stateful);
      const planId = plans.find(([, p]) => p.Properties.BackupPlan.BackupPlanName === `kinerja-asn-${name}`)![0];
      const selection = selections.find(([, s]) => s.Properties.BackupPlanId['Fn::GetAtt'][0] === planId)!;
      expect(JSON.stringify(selection[1].Properties.BackupSelection.Resources)).toContain(tableId);
      expect(JSON.stringify(selection[1].Properties.BackupSelection.Resources)).not.toContain(
        logicalId(real.stateful.tables[name === 'main' ? 'audit' : 'main'], real.stateful),
      );
    }
    expect(t.Resources).toBeDefined();
  });

  it('daily copies of both tables; monthly copies of the audit trail kept for years', () => {
    for (const name of ['main', 'audit']) {
      const rules = rulesOf(`kinerja-asn-${name}`);
      const daily = rules.find((r) => /Daily$/.test(r.RuleName))!;
      expect(daily).toMatchObject({
        ScheduleExpression: 'cron(0 19 * * ? *)',
        Lifecycle: { DeleteAfterDays: DAILY_RETENTION_DAYS },
      });
      const monthly = rules.find((r) => /Monthly$/.test(r.RuleName))!;
      expect(monthly.ScheduleExpression).toBe('cron(0 20 1 * ? *)');
    }
    const auditMonthly = rulesOf('kinerja-asn-audit').find((r) => /Monthly$/.test(r.RuleName))!;
    expect(auditMonthly.Lifecycle.DeleteAfterDays).toBe(Math.round(DEFAULT_AUDIT_BACKUP_YEARS * 365.25));
    expect(auditMonthly.Lifecycle.DeleteAfterDays).toBeGreaterThanOrEqual(5 * 365);
    const mainMonthly = rulesOf('kinerja-asn-main').find((r) => /Monthly$/.test(r.RuleName))!;
    expect(mainMonthly.Lifecycle.DeleteAfterDays).toBe(MAIN_MONTHLY_RETENTION_DAYS);
  });

  it('-c auditBackupYears sets the audit trail retention', () => {
    const b = build({ auditBackupYears: 7 });
    const rules = resourcesOf(b.stateful, 'AWS::Backup::BackupPlan').find(
      ([, p]) => p.Properties.BackupPlan.BackupPlanName === 'kinerja-asn-audit',
    )![1].Properties.BackupPlan.BackupPlanRule as Json[];
    expect(rules.find((r) => /Monthly$/.test(r.RuleName))!.Lifecycle.DeleteAfterDays).toBe(Math.round(7 * 365.25));
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('the alarms, topic, dashboard and backups add no unacknowledged finding', () => {
    const report = new AwsSolutionsChecks().validateScope(real.app);
    const findings = report.violations
      .filter((v) => v.violatingResources.some((r) => /Alarm|Monitoring|Backups/.test(r.constructPath ?? '')))
      .map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
    for (const stack of [real.monitoring, real.stateful]) {
      expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    }
  });
});
