/**
 * Structured logs and CloudWatch metrics, small enough for every handler's cold start (Powertools logger and metrics
 * added ~34 KB to each bundle). Field names and environment variables are Powertools' own, so log queries, the stack,
 * the local runtime and the tests keep working:
 * - POWERTOOLS_SERVICE_NAME: `service` of every log line and the metrics' dimension (default kinerja-asn);
 * - POWERTOOLS_LOG_LEVEL: DEBUG, INFO (default), WARN, ERROR or SILENT;
 * - POWERTOOLS_METRICS_NAMESPACE (default KinerjaAsn); POWERTOOLS_METRICS_DISABLED=true writes no metrics.
 * Variables are read when used, not at import: benches and tests set them after loading the handlers.
 */
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';

const serviceName = () => process.env.POWERTOOLS_SERVICE_NAME ?? 'kinerja-asn';

const levels = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, SILENT: 28 } as const;
type Level = Exclude<keyof typeof levels, 'SILENT'>;
const threshold = () =>
  levels[(process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO').toUpperCase() as keyof typeof levels] ?? levels.INFO;

/** Errors become {name, message, stack, cause, …their own fields}; JSON would print `{}`. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error)
    return Object.assign({ name: value.name, message: value.message, stack: value.stack }, value, {
      cause: value.cause,
    });
  return typeof value === 'bigint' ? value.toString() : value;
}

type Extra = Record<string, unknown>;

export class Logger {
  #invocation: Extra = {};
  #correlationId: string | undefined;

  /** Names the invocation in every line until the next one starts; forgets the previous correlation id. */
  startInvocation(context: Partial<Context>, coldStart: boolean): void {
    this.#invocation = {
      cold_start: coldStart,
      function_arn: context.invokedFunctionArn,
      function_memory_size: context.memoryLimitInMB,
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
    };
    this.#correlationId = undefined;
  }

  setCorrelationId(id: string): void {
    this.#correlationId = id;
  }

  debug(message: string, extra?: Extra | Error): void {
    this.#log('DEBUG', message, extra);
  }
  info(message: string, extra?: Extra | Error): void {
    this.#log('INFO', message, extra);
  }
  warn(message: string, extra?: Extra | Error): void {
    this.#log('WARN', message, extra);
  }
  error(message: string, extra?: Extra | Error): void {
    this.#log('ERROR', message, extra);
  }

  #log(level: Level, message: string, extra: Extra | Error | undefined): void {
    if (levels[level] < threshold()) return;
    const entry = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: serviceName(),
      ...this.#invocation,
      correlation_id: this.#correlationId,
      xray_trace_id: /Root=([^;]+)/.exec(process.env._X_AMZN_TRACE_ID ?? '')?.[1],
    };
    let line: string;
    try {
      line = JSON.stringify({ ...entry, ...(extra instanceof Error ? { error: extra } : extra) }, replacer);
    } catch {
      // A circular value must cost its keys, not the line (nor the request).
      line = JSON.stringify({ ...entry, unserialisable: Object.keys(extra ?? {}) });
    }
    (levels[level] >= levels.WARN ? process.stderr : process.stdout).write(`${line}\n`);
  }
}

export type MetricUnit = 'Count' | 'Milliseconds' | 'Seconds' | 'Bytes' | 'None';

const metricsDisabled = () => process.env.POWERTOOLS_METRICS_DISABLED === 'true';

/** One CloudWatch Embedded Metric Format document: CloudWatch turns the log line into metrics. */
function emfLine(metrics: Map<string, { unit: MetricUnit; values: number[] }>, dimensions: Record<string, string>) {
  const values = Object.fromEntries(
    [...metrics].map(([name, m]) => [name, m.values.length === 1 ? m.values[0] : m.values]),
  );
  return `${JSON.stringify({
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'KinerjaAsn',
          Dimensions: [Object.keys(dimensions)],
          Metrics: [...metrics].map(([name, m]) => ({ Name: name, Unit: m.unit })),
        },
      ],
    },
    ...dimensions,
    ...values,
  })}\n`;
}

/** EMF caps one metric at 100 values per document. */
const MAX_VALUES = 100;

export class Metrics {
  #pending = new Map<string, { unit: MetricUnit; values: number[] }>();

  addMetric(name: string, unit: MetricUnit, value: number): void {
    if (metricsDisabled()) return;
    let metric = this.#pending.get(name);
    if (!metric) this.#pending.set(name, (metric = { unit, values: [] }));
    metric.values.push(value);
    if (metric.values.length >= MAX_VALUES) this.flush();
  }

  /** Writes what was added since the last flush as one line; nothing at all when nothing was added. */
  flush(): void {
    if (this.#pending.size === 0) return;
    const pending = this.#pending;
    this.#pending = new Map();
    if (metricsDisabled()) return;
    // Raw to stdout: console output would be wrapped (or prefixed) by the Lambda runtime and no longer be EMF.
    process.stdout.write(emfLine(pending, { service: serviceName() }));
  }

  /** The cold start of one function: its own document, since it is counted per function. */
  coldStart(functionName: string | undefined): void {
    if (metricsDisabled()) return;
    const coldStart = new Map([['ColdStart', { unit: 'Count' as const, values: [1] }]]);
    process.stdout.write(
      emfLine(coldStart, { service: serviceName(), ...(functionName ? { function_name: functionName } : {}) }),
    );
  }
}

export const logger = new Logger();
export const metrics = new Metrics();

// Provisioned concurrency initialises ahead of traffic: its first invocation does not wait for a cold start.
let coldStart = process.env.AWS_LAMBDA_INITIALIZATION_TYPE !== 'provisioned-concurrency';

/**
 * Middy middleware of every handler: log lines name the invocation (function, request id, cold start), the first
 * invocation of the process counts a ColdStart, and the invocation's metrics are written when it ends, however it ends.
 */
export const observe = (): MiddlewareObj<unknown, unknown, Error, Context> => ({
  before: ({ context }) => {
    logger.startInvocation(context ?? {}, coldStart);
    if (coldStart) metrics.coldStart(context?.functionName);
    coldStart = false;
  },
  after: () => metrics.flush(),
  onError: () => metrics.flush(),
});
