/**
 * GET /machine-clients: BKPSDM reads the agency systems registered to the organisation (the demo's SIAK client,
 * registered by the seed through the same function the bootstrap uses); nobody else does, and never another
 * organisation's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MACHINE_CLIENT } from '../../infra/local/demo-data.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { registerMachineClient } from '../../shared/store/machine-clients.ts';
import { tokenFor, who } from '../support/demo.ts';
import { startTestStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDemo();
  await registerMachineClient('other-city-siak', 'kota-binjai', 'SIAK Binjai', 'system:bootstrap');
  await registerMachineClient('medan-simpeg', 'kota-medan', 'SIMPEG Kota Medan', 'system:bootstrap');
});
afterAll(() => stack.stop());

describe('registered machine clients', () => {
  it("lists the organisation's own clients for BKPSDM, by client id", async () => {
    const res = await stack.call('GET', '/machine-clients', { token: await tokenFor(stack.issuer, who.bkpsdm) });
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { clientId: string; name: string }) => [c.clientId, c.name])).toEqual(
      [
        [DEMO_MACHINE_CLIENT.clientId, DEMO_MACHINE_CLIENT.name],
        ['medan-simpeg', 'SIMPEG Kota Medan'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    expect(res.body.items.find((c: { clientId: string }) => c.clientId === 'medan-simpeg')).toMatchObject({
      registeredBy: 'system:bootstrap',
      registeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it.each([
    ['an OPD admin', who.adminOpd],
    ['an auditor', who.auditor],
    ['an employee', who.staff],
  ])('refuses %s with 403', async (_label, nip) => {
    const res = await stack.call('GET', '/machine-clients', { token: await tokenFor(stack.issuer, nip) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('refuses a machine token and no token', async () => {
    const machine = await stack.call('GET', '/machine-clients', {
      token: await stack.issuer.machineToken(DEMO_MACHINE_CLIENT.clientId, ['kinerja-api/directory.read']),
    });
    expect(machine.status).toBe(403);
    expect((await stack.call('GET', '/machine-clients')).status).toBe(401);
  });
});
