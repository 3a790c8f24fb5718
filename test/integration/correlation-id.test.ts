/** A caller's `x-correlation-id`, if well formed, names its request in the answer, the logs and the audit trail. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../infra/local/seed.ts';
import { health } from '../../shared/api/system.ts';
import { json, publicHandler } from '../../shared/http/handler.ts';
import { logger } from '../../shared/observability.ts';
import { tokenFor, who } from '../support/demo.ts';
import { eventually, startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
});
afterAll(() => stack.stop());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('x-correlation-id', () => {
  it.each(['checkout-2026.05.01:a_b-9', 'abcdefgh', 'x'.repeat(128)])('keeps a well-formed id: %s', async (id) => {
    const res = await stack.call('GET', '/health', { headers: { 'x-correlation-id': id } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe(id);
  });

  it.each(['short', 'x'.repeat(129), 'has space in it', 'semi;colon;id', 'slash/in/the/id'])(
    'replaces a malformed id with its own: %s',
    async (id) => {
      const res = await stack.call('GET', '/health', { headers: { 'x-correlation-id': id } });
      expect(res.headers.get('x-correlation-id')).toMatch(UUID);
    },
  );

  it('gives a request without one an id of its own, and error answers carry it too', async () => {
    const res = await stack.call('GET', '/me', { token: await tokenFor(stack.issuer, '199999999999999999') });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-correlation-id')).toMatch(UUID);
  });

  it('records it in the audit trail of the write', async () => {
    const id = 'web-app:patch-0001';
    const bkpsdm = await tokenFor(stack.issuer, who.bkpsdm);
    const current = (await stack.call('GET', `/employees/${who.staff}`, { token: bkpsdm })).body;
    const patch = await stack.call('PATCH', `/employees/${who.staff}`, {
      token: bkpsdm,
      body: { version: current.version, position: 'Analis Kependudukan' },
      headers: { 'x-correlation-id': id },
    });
    expect(patch.status).toBe(200);
    expect(patch.headers.get('x-correlation-id')).toBe(id);
    const staff = await tokenFor(stack.issuer, who.staff);
    const entry = await eventually(async () => {
      const res = await stack.call('GET', '/employees/me/audit', { token: staff });
      return res.body.items?.find((e: { requestId?: string }) => e.requestId === id);
    });
    expect(entry).toMatchObject({ entity: 'Employee', entityId: who.staff, action: 'updated' });
  });

  it('names every log line of the request with it', async () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const logs = publicHandler(health, async () => {
      logger.info('inside the use case');
      return json({ status: 'ok' });
    });
    const event = { headers: { 'x-correlation-id': 'batch-42:row-7' }, requestContext: { requestId: 'platform-id' } };
    const context = { functionName: 'f', awsRequestId: 'a-1', getRemainingTimeInMillis: () => 1000 };
    const res = await logs(event as never, context as never);
    spy.mockRestore();
    vi.unstubAllEnvs();
    expect(res.headers?.['x-correlation-id']).toBe('batch-42:row-7');
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.message === 'inside the use case');
    expect(line.correlation_id).toBe('batch-42:row-7');
  });
});
