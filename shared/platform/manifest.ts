/**
 * The one list of functions. The CDK stacks and the local runtime (`npm start`) both build from it,
 * so a function declared here runs the same way on AWS and on one machine.
 * Keep it free of runtime imports: it is read by CDK, by the local gateway and by tests.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * public: no token. user: a person's token (ID token from the user pool).
 * machine: a client-credentials access token carrying one of `scopes`. any: user, or machine with one of `scopes`.
 */
export type AuthMode = 'public' | 'user' | 'machine' | 'any';

export interface HttpTrigger {
  kind: 'http';
  method: HttpMethod;
  path: string;
  auth: AuthMode;
  scopes?: string[];
}

/** Lambda event-source filter patterns (the same JSON the AWS console takes), applied locally too. */
export type StreamFilterPattern = Record<string, unknown>;

export interface StreamTrigger {
  kind: 'stream';
  table: TableName;
  filters: StreamFilterPattern[];
  batchSize: number;
  /** Retries of a failing record (bisected down to it) before it goes to the on-failure destination. */
  maxRetries: number;
  /**
   * A record older than this is not delivered any more but handed to the on-failure destination (replay reads the
   * item's current state): a consumer that falls far behind drains instead of holding its shard until expiry.
   * Default: STREAM_RECORD_MAX_AGE_SECONDS.
   */
  maxRecordAgeSeconds?: number;
}

/** Six hours: rides out an outage of a few hours, well inside the stream's 24-hour retention. */
export const STREAM_RECORD_MAX_AGE_SECONDS = 6 * 3600;

/** SQS queues of the deployment (the local runtime keeps them in memory). */
export type QueueName = 'scoring-tasks' | 'fairness-tasks';

/** The variable a sender finds a queue's URL in. */
export const queueEnvVars: Record<QueueName, string> = {
  'scoring-tasks': 'SCORING_TASKS_QUEUE_URL',
  'fairness-tasks': 'FAIRNESS_TASKS_QUEUE_URL',
};

/**
 * Messages of an SQS queue (an SQS event source on AWS, an in-process poller locally): its own path and its own
 * parallelism, whatever the table's stream carries.
 */
export interface QueueTrigger {
  kind: 'queue';
  queue: QueueName;
  batchSize: number;
  /** At most this many invocations at once (the event source's maximum concurrency, at least 2). */
  maxConcurrency: number;
  /** Deliveries of a message that keeps failing before it moves to the queue's dead-letter queue. */
  maxReceiveCount: number;
}

export interface ScheduleTrigger {
  kind: 'schedule';
  /** EventBridge Scheduler cron body, six fields: minutes hours day-of-month month day-of-week year, in Asia/Jakarta. */
  cron: string;
  description: string;
}

export type Trigger = HttpTrigger | StreamTrigger | QueueTrigger | ScheduleTrigger;

export type TableName = 'main' | 'audit';

/** Least privilege: each function names exactly what it needs on each table. */
export interface TableAccess {
  main?: 'read' | 'write' | 'readwrite';
  audit?: 'read' | 'write';
}

export interface FunctionDef {
  /** Unique, kebab-case; also the operationId in the OpenAPI document. */
  name: string;
  /** Handler file relative to the repository root; it exports `handler`. */
  entry: string;
  trigger: Trigger;
  access: TableAccess;
  memoryMb?: number;
  timeoutSeconds?: number;
  /** Secrets the function reads (granted read on exactly those). */
  secrets?: SecretName[];
  /** Sends e-mail (Amazon SES, when the deployment names a sender with -c emailFrom=…). */
  sendsEmail?: boolean;
  /** Queues the function sends messages to (granted send on exactly those; their URLs in its environment). */
  sends?: QueueName[];
  /** Prints PDF documents: ships the embedded fonts beside its bundle and prints the public verification address. */
  prints?: boolean;
}

/** Secrets of the deployment, created by the stateful stack; never in code or environment values. */
export type SecretName = 'survey-signing-key';

const http = (method: HttpMethod, path: string, auth: AuthMode, scopes?: string[]): HttpTrigger => ({
  kind: 'http',
  method,
  path,
  auth,
  ...(scopes ? { scopes } : {}),
});

export const functions: FunctionDef[] = [
  { name: 'health', entry: 'functions/system/health.ts', trigger: http('GET', '/health', 'public'), access: {} },
  {
    name: 'get-openapi',
    entry: 'functions/system/get-openapi.ts',
    trigger: http('GET', '/openapi.json', 'public'),
    access: {},
  },
  { name: 'get-docs', entry: 'functions/system/get-docs.ts', trigger: http('GET', '/docs', 'public'), access: {} },
  {
    name: 'get-docs-asset',
    entry: 'functions/system/get-docs-asset.ts',
    trigger: http('GET', '/docs/{asset}', 'public'),
    access: {},
  },

  { name: 'get-me', entry: 'functions/people/get-me.ts', trigger: http('GET', '/me', 'any'), access: { main: 'read' } },

  {
    name: 'list-units',
    entry: 'functions/units/list-units.ts',
    trigger: http('GET', '/units', 'any', ['directory.read']),
    access: { main: 'read' },
  },
  {
    name: 'create-unit',
    entry: 'functions/units/create-unit.ts',
    trigger: http('POST', '/units', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'list-machine-clients',
    entry: 'functions/units/list-machine-clients.ts',
    trigger: http('GET', '/machine-clients', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'list-unit-employees',
    entry: 'functions/units/list-unit-employees.ts',
    trigger: http('GET', '/units/{code}/employees', 'any', ['directory.read']),
    access: { main: 'read' },
  },

  {
    name: 'create-employee',
    entry: 'functions/people/create-employee.ts',
    trigger: http('POST', '/employees', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'import-employees',
    entry: 'functions/people/import-employees.ts',
    trigger: http('POST', '/employees/import', 'user'),
    access: { main: 'readwrite' },
    timeoutSeconds: 60,
    memoryMb: 512,
  },
  {
    name: 'get-employee',
    entry: 'functions/people/get-employee.ts',
    trigger: http('GET', '/employees/{nip}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'update-employee',
    entry: 'functions/people/update-employee.ts',
    trigger: http('PATCH', '/employees/{nip}', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'list-subordinates',
    entry: 'functions/people/list-subordinates.ts',
    trigger: http('GET', '/employees/{nip}/subordinates', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'list-supervisors',
    entry: 'functions/people/list-supervisors.ts',
    trigger: http('GET', '/employees/{nip}/supervisors', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'create-acting-assignment',
    entry: 'functions/people/create-acting-assignment.ts',
    trigger: http('POST', '/employees/{nip}/acting-assignments', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'list-acting-assignments',
    entry: 'functions/people/list-acting-assignments.ts',
    trigger: http('GET', '/employees/{nip}/acting-assignments', 'user'),
    access: { main: 'read' },
  },

  {
    name: 'open-year',
    entry: 'functions/periods/open-year.ts',
    trigger: http('POST', '/years', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'get-year',
    entry: 'functions/periods/get-year.ts',
    trigger: http('GET', '/years/{year}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'update-period',
    entry: 'functions/periods/update-period.ts',
    trigger: http('PATCH', '/years/{year}/periods/{periodId}', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'get-rules',
    entry: 'functions/periods/get-rules.ts',
    trigger: http('GET', '/years/{year}/rules', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'update-rules',
    entry: 'functions/periods/update-rules.ts',
    trigger: http('PUT', '/years/{year}/rules', 'user'),
    access: { main: 'readwrite' },
  },

  {
    name: 'get-plan',
    entry: 'functions/plans/get-plan.ts',
    trigger: http('GET', '/employees/{nip}/plans/{year}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'create-plan',
    entry: 'functions/plans/create-plan.ts',
    trigger: http('POST', '/employees/{nip}/plans/{year}', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'update-plan',
    entry: 'functions/plans/update-plan.ts',
    trigger: http('PUT', '/employees/{nip}/plans/{year}', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'submit-plan',
    entry: 'functions/plans/submit-plan.ts',
    trigger: http('POST', '/employees/{nip}/plans/{year}/submit', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'approve-plan',
    entry: 'functions/plans/approve-plan.ts',
    trigger: http('POST', '/employees/{nip}/plans/{year}/approve', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'return-plan',
    entry: 'functions/plans/return-plan.ts',
    trigger: http('POST', '/employees/{nip}/plans/{year}/return', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'revise-plan',
    entry: 'functions/plans/revise-plan.ts',
    trigger: http('POST', '/employees/{nip}/plans/{year}/revisions', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'get-supervisor-plan',
    entry: 'functions/plans/get-supervisor-plan.ts',
    trigger: http('GET', '/employees/{nip}/supervisor-plan/{year}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'list-team-plans',
    entry: 'functions/plans/list-team-plans.ts',
    trigger: http('GET', '/employees/{nip}/team-plans/{year}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'get-unit-cascade',
    entry: 'functions/plans/get-unit-cascade.ts',
    trigger: http('GET', '/units/{code}/cascade/{year}', 'user'),
    access: { main: 'read' },
  },

  {
    name: 'create-activity',
    entry: 'functions/activities/create-activity.ts',
    trigger: http('POST', '/employees/{nip}/activities', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'update-activity',
    entry: 'functions/activities/update-activity.ts',
    trigger: http('PATCH', '/employees/{nip}/activities/{date}/{id}', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'delete-activity',
    entry: 'functions/activities/delete-activity.ts',
    trigger: http('DELETE', '/employees/{nip}/activities/{date}/{id}', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'list-activities',
    entry: 'functions/activities/list-activities.ts',
    trigger: http('GET', '/employees/{nip}/activities', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'get-activity-totals',
    entry: 'functions/activities/get-activity-totals.ts',
    trigger: http('GET', '/employees/{nip}/activity-totals/{periodId}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'get-verification-queue',
    entry: 'functions/activities/get-verification-queue.ts',
    trigger: http('GET', '/employees/{nip}/verification-queue', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'get-team-activity',
    entry: 'functions/activities/get-team-activity.ts',
    trigger: http('GET', '/employees/{nip}/team-activity/{periodId}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'get-unit-activity',
    entry: 'functions/activities/get-unit-activity.ts',
    trigger: http('GET', '/units/{code}/activity/{periodId}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'decide-activities',
    entry: 'functions/activities/decide-activities.ts',
    trigger: http('POST', '/activities/decisions', 'user'),
    access: { main: 'readwrite' },
  },

  {
    name: 'list-service-types',
    entry: 'functions/services/list-service-types.ts',
    trigger: http('GET', '/units/{code}/service-types', 'any', ['directory.read']),
    access: { main: 'read' },
  },
  {
    name: 'save-service-type',
    entry: 'functions/services/save-service-type.ts',
    trigger: http('PUT', '/units/{code}/service-types/{type}', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'get-service-hours',
    entry: 'functions/services/get-service-hours.ts',
    trigger: http('GET', '/units/{code}/service-hours', 'any', ['directory.read']),
    access: { main: 'read' },
  },
  {
    name: 'add-service-hours',
    entry: 'functions/services/add-service-hours.ts',
    trigger: http('POST', '/units/{code}/service-hours', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'get-holidays',
    entry: 'functions/services/get-holidays.ts',
    trigger: http('GET', '/holidays/{year}', 'any', ['directory.read']),
    access: { main: 'read' },
  },
  {
    name: 'save-holidays',
    entry: 'functions/services/save-holidays.ts',
    trigger: http('PUT', '/holidays/{year}', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'push-transactions',
    entry: 'functions/services/push-transactions.ts',
    trigger: http('POST', '/service-transactions', 'machine', ['transactions.write']),
    access: { main: 'readwrite' },
    secrets: ['survey-signing-key'],
    memoryMb: 1024,
    timeoutSeconds: 30,
  },
  {
    name: 'get-survey-page',
    entry: 'functions/services/get-survey-page.ts',
    trigger: http('GET', '/s/{token}', 'public'),
    access: { main: 'read' },
    secrets: ['survey-signing-key'],
  },
  {
    name: 'submit-survey',
    entry: 'functions/services/submit-survey.ts',
    trigger: http('POST', '/s/{token}', 'public'),
    access: { main: 'write' },
    secrets: ['survey-signing-key'],
  },
  {
    name: 'get-unit-service-indicators',
    entry: 'functions/services/get-unit-service-indicators.ts',
    trigger: http('GET', '/units/{code}/service-indicators/{periodId}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'get-unit-service-trend',
    entry: 'functions/services/get-unit-service-trend.ts',
    trigger: http('GET', '/units/{code}/service-trend/{year}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'get-employee-service-indicators',
    entry: 'functions/services/get-employee-service-indicators.ts',
    trigger: http('GET', '/employees/{nip}/service-indicators/{periodId}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'list-survey-follow-ups',
    entry: 'functions/services/list-survey-follow-ups.ts',
    trigger: http('GET', '/units/{code}/survey-follow-ups', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'resolve-survey-follow-up',
    entry: 'functions/services/resolve-survey-follow-up.ts',
    trigger: http('POST', '/units/{code}/survey-follow-ups/{id}/resolve', 'user'),
    access: { main: 'readwrite' },
  },

  {
    name: 'start-scoring-run',
    entry: 'functions/evaluations/start-scoring-run.ts',
    trigger: http('POST', '/scoring-runs', 'user'),
    access: { main: 'readwrite' },
    sends: ['scoring-tasks'],
  },
  {
    name: 'get-scoring-run',
    entry: 'functions/evaluations/get-scoring-run.ts',
    trigger: http('GET', '/scoring-runs/{periodId}/{runId}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'get-evaluation',
    entry: 'functions/evaluations/get-evaluation.ts',
    trigger: http('GET', '/employees/{nip}/evaluations/{periodId}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'get-evaluation-explanation',
    entry: 'functions/evaluations/get-evaluation-explanation.ts',
    trigger: http('GET', '/employees/{nip}/evaluations/{periodId}/explanation', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'rate-behaviour',
    entry: 'functions/evaluations/rate-behaviour.ts',
    trigger: http('PUT', '/employees/{nip}/evaluations/{periodId}/behaviour', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'review-evaluation',
    entry: 'functions/evaluations/review-evaluation.ts',
    trigger: http('POST', '/employees/{nip}/evaluations/{periodId}/review', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'give-behaviour-input',
    entry: 'functions/evaluations/give-behaviour-input.ts',
    trigger: http('POST', '/employees/{nip}/evaluations/{periodId}/input', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'list-team-evaluations',
    entry: 'functions/evaluations/list-team-evaluations.ts',
    trigger: http('GET', '/employees/{nip}/team-evaluations/{periodId}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'file-appeal',
    entry: 'functions/evaluations/file-appeal.ts',
    trigger: http('POST', '/employees/{nip}/evaluations/{periodId}/appeal', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'decide-appeal',
    entry: 'functions/evaluations/decide-appeal.ts',
    trigger: http('POST', '/employees/{nip}/evaluations/{periodId}/appeal/decision', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'list-appeals',
    entry: 'functions/evaluations/list-appeals.ts',
    trigger: http('GET', '/appeals', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'set-unit-predikat',
    entry: 'functions/evaluations/set-unit-predikat.ts',
    trigger: http('PUT', '/units/{code}/predikat/{periodId}', 'user'),
    access: { main: 'readwrite' },
    sends: ['scoring-tasks'],
  },
  {
    name: 'get-unit-rewards',
    entry: 'functions/evaluations/get-unit-rewards.ts',
    trigger: http('GET', '/units/{code}/rewards/{periodId}', 'user'),
    access: { main: 'read' },
  },
  // Printing writes the print's record (its verification code) and appends each download to the audit trail.
  {
    name: 'get-plan-document',
    entry: 'functions/documents/get-plan-document.ts',
    trigger: http('GET', '/employees/{nip}/plans/{year}/document', 'user'),
    access: { main: 'readwrite', audit: 'write' },
    memoryMb: 1024,
    prints: true,
  },
  {
    name: 'get-evaluation-document',
    entry: 'functions/documents/get-evaluation-document.ts',
    trigger: http('GET', '/employees/{nip}/evaluations/{periodId}/document', 'user'),
    access: { main: 'readwrite', audit: 'write' },
    memoryMb: 1024,
    prints: true,
  },
  {
    name: 'get-print-verification',
    entry: 'functions/documents/get-print-verification.ts',
    trigger: http('GET', '/v/{org}/{code}', 'public'),
    access: { main: 'read' },
  },
  // The recap workbook: reads as the reward list does; appends its download to the audit trail (PutItem only).
  {
    name: 'get-unit-recap',
    entry: 'functions/documents/get-unit-recap.ts',
    trigger: http('GET', '/units/{code}/recap/{periodId}', 'user'),
    access: { main: 'read', audit: 'write' },
    memoryMb: 1024,
    timeoutSeconds: 29,
  },
  {
    name: 'get-distribution',
    entry: 'functions/evaluations/get-distribution.ts',
    trigger: http('GET', '/years/{year}/periods/{periodId}/distribution', 'user'),
    access: { main: 'read' },
    // API Gateway answers within 30 s whatever the function does.
    timeoutSeconds: 29,
    memoryMb: 1024,
  },
  {
    name: 'finalise-period',
    entry: 'functions/evaluations/finalise-period.ts',
    trigger: http('POST', '/years/{year}/periods/{periodId}/finalise', 'user'),
    access: { main: 'readwrite' },
    timeoutSeconds: 29,
    memoryMb: 1024,
  },

  // Fairness (issue 18): read the records the fairness run computes; a view of another person's signals appends to
  // the audit trail (PutItem only); the answer writes the person's own signals record.
  {
    name: 'get-person-signals',
    entry: 'functions/fairness/get-person-signals.ts',
    trigger: http('GET', '/employees/{nip}/signals/{periodId}', 'user'),
    access: { main: 'read', audit: 'write' },
  },
  {
    name: 'answer-signal',
    entry: 'functions/fairness/answer-signal.ts',
    trigger: http('PUT', '/employees/{nip}/signals/{periodId}/{signalId}/answer', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'list-unit-signals',
    entry: 'functions/fairness/list-unit-signals.ts',
    trigger: http('GET', '/units/{code}/signals/{periodId}', 'user'),
    access: { main: 'read', audit: 'write' },
  },
  {
    name: 'list-rater-patterns',
    entry: 'functions/fairness/list-rater-patterns.ts',
    trigger: http('GET', '/units/{code}/rater-patterns/{periodId}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'get-rater-pattern',
    entry: 'functions/fairness/get-rater-pattern.ts',
    trigger: http('GET', '/employees/{nip}/rater-pattern/{periodId}', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'get-unit-adoption',
    entry: 'functions/fairness/get-unit-adoption.ts',
    trigger: http('GET', '/units/{code}/adoption/{periodId}', 'user'),
    access: { main: 'read' },
  },
  // The fairness run (BKPSDM on demand; the schedule daily): one task per OPD through the fairness-tasks queue.
  {
    name: 'start-fairness-run',
    entry: 'functions/fairness/start-fairness-run.ts',
    trigger: http('POST', '/fairness/{periodId}/runs', 'user'),
    access: { main: 'readwrite' },
    sends: ['fairness-tasks'],
  },
  {
    name: 'get-fairness-run',
    entry: 'functions/fairness/get-fairness-run.ts',
    trigger: http('GET', '/fairness/{periodId}/runs/{runId}', 'user'),
    access: { main: 'read' },
  },

  {
    name: 'give-feedback',
    entry: 'functions/feedback/give-feedback.ts',
    trigger: http('POST', '/employees/{nip}/feedback', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'list-feedback',
    entry: 'functions/feedback/list-feedback.ts',
    trigger: http('GET', '/employees/{nip}/feedback', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'reply-feedback',
    entry: 'functions/feedback/reply-feedback.ts',
    trigger: http('POST', '/employees/{nip}/feedback/{id}/replies', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'acknowledge-feedback',
    entry: 'functions/feedback/acknowledge-feedback.ts',
    trigger: http('POST', '/employees/{nip}/feedback/{id}/acknowledge', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'record-dialog',
    entry: 'functions/feedback/record-dialog.ts',
    trigger: http('POST', '/employees/{nip}/dialogs', 'user'),
    access: { main: 'readwrite' },
  },
  {
    name: 'list-dialogs',
    entry: 'functions/feedback/list-dialogs.ts',
    trigger: http('GET', '/employees/{nip}/dialogs', 'user'),
    access: { main: 'read' },
  },

  {
    name: 'list-notifications',
    entry: 'functions/notifications/list-notifications.ts',
    trigger: http('GET', '/me/notifications', 'user'),
    access: { main: 'read' },
  },
  {
    name: 'mark-notifications-read',
    entry: 'functions/notifications/mark-notifications-read.ts',
    trigger: http('POST', '/me/notifications/read', 'user'),
    access: { main: 'readwrite' },
  },

  {
    name: 'list-employee-audit',
    entry: 'functions/audit/list-employee-audit.ts',
    trigger: http('GET', '/employees/{nip}/audit', 'user'),
    access: { main: 'read', audit: 'read' },
  },
  {
    name: 'list-audit',
    entry: 'functions/audit/list-audit.ts',
    trigger: http('GET', '/audit', 'user'),
    access: { main: 'read', audit: 'read' },
  },
  {
    name: 'list-record-audit',
    entry: 'functions/audit/list-record-audit.ts',
    trigger: http('GET', '/audit/record', 'user'),
    access: { main: 'read', audit: 'read' },
  },
  {
    name: 'record-audit',
    entry: 'functions/audit/record-audit.ts',
    trigger: {
      kind: 'stream',
      table: 'main',
      // Business records live under ORG# keys; only those are audited (the CLIENT# registry is operator data).
      filters: [{ dynamodb: { Keys: { pk: { S: [{ prefix: 'ORG#' }] } } } }],
      batchSize: 100,
      maxRetries: 3,
      maxRecordAgeSeconds: 6 * 3600,
    },
    access: { audit: 'write' },
  },
  {
    name: 'requeue-pending-activities',
    entry: 'functions/activities/requeue-pending-activities.ts',
    trigger: {
      kind: 'stream',
      table: 'main',
      // Only changes of an employee record: the consumer acts when the supervisor changed.
      filters: [{ eventName: ['MODIFY'], dynamodb: { NewImage: { entity: { S: ['Employee'] } } } }],
      batchSize: 25,
      maxRetries: 3,
      maxRecordAgeSeconds: 6 * 3600,
    },
    access: { main: 'readwrite' },
  },
  {
    name: 'update-service-totals',
    entry: 'functions/services/update-service-totals.ts',
    trigger: {
      kind: 'stream',
      table: 'main',
      // Service transactions and survey responses only; the running totals follow from their changes.
      filters: [{ dynamodb: { NewImage: { entity: { S: ['ServiceTransaction', 'SurveyResponse'] } } } }],
      // Folded per totals record before writing (shared/app/service-totals.ts): a bigger batch is fewer writes.
      batchSize: 100,
      // Bounded: a change that keeps failing is bisected down to, then goes to the on-failure queue, from which
      // `npm run replay` applies it (exactly once: its sequence number in the APPLIED# set) — rather than holding the shard for a day.
      maxRetries: 20,
      maxRecordAgeSeconds: 6 * 3600,
    },
    access: { main: 'readwrite' },
    timeoutSeconds: 60,
  },
  {
    name: 'run-scoring-task',
    entry: 'functions/evaluations/run-scoring-task.ts',
    // Tasks come through their own queue, not the table's stream: a run never waits behind a bulk ingest there,
    // and runs up to ten units side by side whatever the stream's shards.
    trigger: { kind: 'queue', queue: 'scoring-tasks', batchSize: 1, maxConcurrency: 10, maxReceiveCount: 3 },
    access: { main: 'readwrite' },
    sends: ['scoring-tasks'],
    timeoutSeconds: 900,
    memoryMb: 1024,
  },
  {
    name: 'run-fairness-task',
    entry: 'functions/fairness/run-fairness-task.ts',
    // One OPD's fairness figures a message, through its own queue as scoring's tasks (a bulk ingest on the table's
    // stream never delays it); a few OPDs side by side.
    trigger: { kind: 'queue', queue: 'fairness-tasks', batchSize: 1, maxConcurrency: 5, maxReceiveCount: 3 },
    access: { main: 'readwrite' },
    timeoutSeconds: 900,
    memoryMb: 1024,
  },
  {
    name: 'notify',
    entry: 'functions/notifications/notify.ts',
    trigger: {
      kind: 'stream',
      table: 'main',
      // Changes that may concern someone (shared/domain/notifications.ts notifyingEntities; a test keeps them equal).
      filters: [
        {
          dynamodb: {
            NewImage: { entity: { S: ['Plan', 'Activity', 'Feedback', 'Evaluation', 'SurveyFollowUp', 'Period'] } },
          },
        },
      ],
      batchSize: 25,
      maxRetries: 5,
      maxRecordAgeSeconds: 6 * 3600,
    },
    access: { main: 'readwrite' },
    sendsEmail: true,
    // A finalised period notifies everyone evaluated in it.
    timeoutSeconds: 300,
    memoryMb: 512,
  },
  {
    name: 'send-verification-digest',
    entry: 'functions/notifications/send-verification-digest.ts',
    // Working days at 07:00 WIB (holidays of the calendar are skipped by the function).
    trigger: {
      kind: 'schedule',
      cron: '0 7 ? * MON-FRI *',
      description: 'Daily digest of activities waiting for verification (07:00 WIB, working days)',
    },
    access: { main: 'readwrite' },
    sendsEmail: true,
    timeoutSeconds: 300,
  },
  {
    name: 'send-adoption-digest',
    entry: 'functions/fairness/send-adoption-digest.ts',
    // Mondays at 07:00 WIB: heads of unit hear of idle members, overdue queues and units below the threshold, as
    // the last fairness run found them (UnitAdoption records); writes their notifications.
    trigger: {
      kind: 'schedule',
      cron: '0 7 ? * MON *',
      description: 'Weekly adoption digest to heads of unit (Mondays 07:00 WIB)',
    },
    access: { main: 'readwrite' },
    sendsEmail: true,
    timeoutSeconds: 300,
  },
  {
    name: 'schedule-scoring',
    entry: 'functions/evaluations/schedule-scoring.ts',
    // Every day at 01:00 WIB: periods past their input deadline and the verification days get scored.
    trigger: {
      kind: 'schedule',
      cron: '0 1 * * ? *',
      description: 'Daily scoring of periods past their input deadline (01:00 WIB)',
    },
    access: { main: 'readwrite' },
    sends: ['scoring-tasks'],
    timeoutSeconds: 300,
  },
  {
    name: 'schedule-fairness',
    entry: 'functions/fairness/schedule-fairness.ts',
    // Every day at 02:00 WIB (after scoring's 01:00): the open period and the previous one until its input deadline.
    trigger: {
      kind: 'schedule',
      cron: '0 2 * * ? *',
      description: 'Daily fairness run of the open period (and the previous one until its deadline), 02:00 WIB',
    },
    access: { main: 'readwrite' },
    sends: ['fairness-tasks'],
    timeoutSeconds: 300,
  },
];

export const httpFunctions = (): (FunctionDef & { trigger: HttpTrigger })[] =>
  functions.filter((f): f is FunctionDef & { trigger: HttpTrigger } => f.trigger.kind === 'http');

export const streamFunctions = (): (FunctionDef & { trigger: StreamTrigger })[] =>
  functions.filter((f): f is FunctionDef & { trigger: StreamTrigger } => f.trigger.kind === 'stream');

export const queueFunctions = (): (FunctionDef & { trigger: QueueTrigger })[] =>
  functions.filter((f): f is FunctionDef & { trigger: QueueTrigger } => f.trigger.kind === 'queue');

export const scheduledFunctions = (): (FunctionDef & { trigger: ScheduleTrigger })[] =>
  functions.filter((f): f is FunctionDef & { trigger: ScheduleTrigger } => f.trigger.kind === 'schedule');

export { resourceServerId, scopeClaim } from './scopes.ts';

/** OAuth scopes of the resource server; machine routes (and `any` routes, for machines) name the ones they accept. */
export const apiScopes = {
  'transactions.write': 'Push service transactions (agency systems)',
  'directory.read': 'Read the organisation directory (agency systems)',
} as const;
