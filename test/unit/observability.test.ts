/** Our logger and metrics: Powertools' log fields and EMF documents, written only when there is something to say. */
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const context = {
  functionName: 'create-activity',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:1:function:create-activity',
  memoryLimitInMB: '256',
} as Context;

/** A fresh module (cold start is once per process) and everything it writes, line by line, per stream. */
async function fresh(env: Record<string, string | undefined> = {}) {
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', undefined);
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', undefined);
  vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'kinerja-asn');
  vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'KinerjaAsn');
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  vi.resetModules();
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
  const mod = await import('../../shared/observability.ts');
  const middleware = mod.observe();
  const invoke = async (body: () => void) => {
    await middleware.before!({ context, event: {}, response: undefined, error: undefined, internal: {} } as never);
    body();
    await middleware.after!({} as never);
  };
  // Every write is whole lines: split on newlines and nothing may be left over.
  const parsed = (writes: string[]) => {
    const lines = writes.join('').split('\n');
    expect(lines.pop()).toBe('');
    return lines.map((l) => JSON.parse(l));
  };
  return { ...mod, invoke, out: () => parsed(out), err: () => parsed(err) };
}

beforeEach(() => vi.useFakeTimers({ now: new Date('2025-03-04T05:06:07.089Z'), toFake: ['Date'] }));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('logger', () => {
  it('writes one JSON line with the Powertools fields, the invocation and the extra keys', async () => {
    const o = await fresh({ _X_AMZN_TRACE_ID: 'Root=1-abc-def;Parent=11;Sampled=1' });
    await o.invoke(() => {
      o.logger.setCorrelationId('corr-1');
      o.logger.info('scheduled scoring', { started: 3 });
    });
    expect(o.out()).toContainEqual({
      level: 'INFO',
      message: 'scheduled scoring',
      timestamp: '2025-03-04T05:06:07.089Z',
      service: 'kinerja-asn',
      cold_start: true,
      function_arn: context.invokedFunctionArn,
      function_memory_size: '256',
      function_name: 'create-activity',
      function_request_id: 'req-1',
      correlation_id: 'corr-1',
      xray_trace_id: '1-abc-def',
      started: 3,
    });
  });

  it('writes errors to stderr as {name, message, stack}, given alone or among the keys', async () => {
    const o = await fresh({ POWERTOOLS_METRICS_DISABLED: 'true' });
    const boom = new TypeError('boom', { cause: new Error('underneath') });
    o.logger.error('unhandled error', boom);
    o.logger.warn('e-mail not sent', { nip: '1', error: new Error('ses') });
    const [first, second] = o.err();
    expect(first).toMatchObject({ level: 'ERROR', message: 'unhandled error', service: 'kinerja-asn' });
    expect(first.error).toEqual({
      name: 'TypeError',
      message: 'boom',
      stack: boom.stack,
      cause: { name: 'Error', message: 'underneath', stack: expect.any(String) },
    });
    expect(second).toMatchObject({ level: 'WARN', nip: '1', error: { name: 'Error', message: 'ses' } });
    expect(o.out()).toEqual([]);
  });

  it.each([
    [undefined, ['INFO', 'WARN', 'ERROR']],
    ['DEBUG', ['DEBUG', 'INFO', 'WARN', 'ERROR']],
    ['warn', ['WARN', 'ERROR']],
    ['ERROR', ['ERROR']],
    ['SILENT', []],
  ])('POWERTOOLS_LOG_LEVEL=%s writes %j', async (level, written) => {
    const o = await fresh({ POWERTOOLS_LOG_LEVEL: level });
    o.logger.debug('d');
    o.logger.info('i');
    o.logger.warn('w');
    o.logger.error('e');
    expect([...o.out(), ...o.err()].map((l) => l.level).sort()).toEqual([...written].sort());
  });

  it('keeps the line when an extra value cannot be serialised', async () => {
    const o = await fresh();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    o.logger.info('odd', { circular });
    expect(o.out()).toEqual([expect.objectContaining({ message: 'odd', unserialisable: ['circular'] })]);
  });

  it('forgets the correlation id when the next invocation starts', async () => {
    const o = await fresh({ POWERTOOLS_METRICS_DISABLED: 'true' });
    await o.invoke(() => o.logger.setCorrelationId('first'));
    await o.invoke(() => o.logger.info('second'));
    const [line] = o.out();
    expect(line.correlation_id).toBeUndefined();
    expect(line.cold_start).toBe(false);
  });
});

describe('metrics', () => {
  it('writes one EMF document per invocation with every metric added, and a ColdStart once', async () => {
    const o = await fresh();
    await o.invoke(() => {
      o.metrics.addMetric('Success', 'Count', 1);
      o.metrics.addMetric('AuditEntryStored', 'Count', 1);
      o.metrics.addMetric('AuditEntryStored', 'Count', 1);
    });
    await o.invoke(() => o.metrics.addMetric('EmployeesScored', 'Count', 12));
    expect(o.out()).toEqual([
      {
        _aws: {
          Timestamp: Date.parse('2025-03-04T05:06:07.089Z'),
          CloudWatchMetrics: [
            {
              Namespace: 'KinerjaAsn',
              Dimensions: [['service', 'function_name']],
              Metrics: [{ Name: 'ColdStart', Unit: 'Count' }],
            },
          ],
        },
        service: 'kinerja-asn',
        function_name: 'create-activity',
        ColdStart: 1,
      },
      {
        _aws: {
          Timestamp: Date.parse('2025-03-04T05:06:07.089Z'),
          CloudWatchMetrics: [
            {
              Namespace: 'KinerjaAsn',
              Dimensions: [['service']],
              Metrics: [
                { Name: 'Success', Unit: 'Count' },
                { Name: 'AuditEntryStored', Unit: 'Count' },
              ],
            },
          ],
        },
        service: 'kinerja-asn',
        Success: 1,
        AuditEntryStored: [1, 1],
      },
      expect.objectContaining({ service: 'kinerja-asn', EmployeesScored: 12 }),
    ]);
  });

  it('writes nothing, not even a warning, for an invocation without metrics', async () => {
    const o = await fresh();
    await o.invoke(() => {});
    await o.invoke(() => {});
    expect(o.out().map((d) => Object.keys(d).filter((k) => !['_aws', 'service', 'function_name'].includes(k)))).toEqual(
      [['ColdStart']],
    );
    expect(o.err()).toEqual([]);
  });

  it('writes nothing when POWERTOOLS_METRICS_DISABLED=true', async () => {
    const o = await fresh({ POWERTOOLS_METRICS_DISABLED: 'true' });
    await o.invoke(() => o.metrics.addMetric('Success', 'Count', 1));
    expect(o.out()).toEqual([]);
    expect(o.err()).toEqual([]);
  });

  it('flushes when the invocation fails too', async () => {
    const o = await fresh();
    const middleware = o.observe();
    await middleware.before!({ context } as never);
    o.metrics.addMetric('ServerError', 'Count', 1);
    await middleware.onError!({} as never);
    expect(o.out().at(-1)).toMatchObject({ ServerError: 1 });
  });

  it('keeps each document within EMF’s 100 values per metric', async () => {
    const o = await fresh();
    await o.invoke(() => {
      for (let i = 0; i < 150; i++) o.metrics.addMetric('NotificationAdded', 'Count', 1);
    });
    const sizes = o
      .out()
      .filter((d) => 'NotificationAdded' in d)
      .map((d) => d.NotificationAdded.length);
    expect(sizes).toEqual([100, 50]);
  });
});
