/** `npm start` as a newcomer runs it: banner, working tokens and curl, Ctrl-C, restart keeps data, clear failures. */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamodb.ts';
import { who } from '../support/demo.ts';

const root = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'kinerja-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    cwd: root,
    env: { ...process.env, KINERJA_DATA_DIR: dataDir, ...env },
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

/** `npm run token -- <nip>` against the running start (its PORT), as a child process: the printed token. */
function mint(nip: string, env: Record<string, string>): Promise<string> {
  return new Promise((ok, fail) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'infra/local/token.ts', nip],
      { cwd: root, env: { ...process.env, KINERJA_DATA_DIR: dataDir, ...env } },
      (err, stdout) => (err ? fail(err) : ok(stdout.trim())),
    );
  });
}

async function waitFor(text: string, output: () => string, exited: Promise<unknown>, ms = 60_000) {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + ms;
  while (!output().includes(text)) {
    if (done || Date.now() > deadline) throw new Error(`never printed "${text}":\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start', () => {
  it('serves the demo, prints working tokens and curl, stops on Ctrl-C, and keeps the data on restart', async () => {
    const [port, dynamoPort] = [await freePort(), await freePort()];
    const env = { PORT: String(port), DYNAMODB_PORT: String(dynamoPort) };
    const first = start(env);
    // While the demo is seeded, /health says `starting`; a token asked for meanwhile waits for it.
    const health: { status: number; body: { status: string } }[] = [];
    let earlyToken: Promise<string> | undefined;
    while (!first.output().includes('Press Ctrl-C to stop.')) {
      const res = await fetch(`http://localhost:${port}/health`).catch(() => undefined);
      if (res) health.push({ status: res.status, body: (await res.json()) as { status: string } });
      if (res?.status === 503 && !earlyToken) earlyToken = mint(who.bkpsdm, env);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(health.length).toBeGreaterThan(0);
    expect(health.find((h) => h.status === 503)?.body.status).toBe('starting');
    expect(health.filter((h) => h.status !== 503).every((h) => h.status === 200)).toBe(true);
    expect((await fetch(`http://localhost:${port}/health`)).status).toBe(200);
    expect(decodeJwt(await earlyToken!)['cognito:groups']).toEqual(['admin_bkpsdm']);

    const banner = first.output();
    expect(banner).toContain(`http://localhost:${port}`);
    // The banner tells the truth: the data folder in use, each token's lifetime; and no noise from metrics.
    expect(banner).toContain(`data in ${join(dataDir, 'dynamodb')}; delete ${dataDir} to start from scratch`);
    expect(banner).not.toContain('.data/');
    expect(banner).toContain('Dev tokens (valid 12 hours;');
    expect(banner).toMatch(/Machine client.*\n\s+\S+\n\s+valid 1 hour; or fetch one/);
    expect(banner).not.toContain('No application metrics');
    for (const role of ['Kepala Dinas', 'Pegawai', 'Admin OPD', 'Admin BKPSDM', 'Auditor', 'Machine client'])
      expect(banner).toContain(role);

    // The printed curl works as printed.
    const curl = /curl -s (\S+) -H "Authorization: Bearer (\S+)"/.exec(banner)!;
    const me = await fetch(curl[1]!, { headers: { authorization: `Bearer ${curl[2]}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { employee: { name: string } }).employee.name).toBe('Rahmat Hidayat Daulay');

    // The demo has work to show: the Pegawai's approved plan, cascaded from the Kepala Dinas.
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    const planRes = await fetch(`http://localhost:${port}/employees/me/plans/${year}`, {
      headers: { authorization: `Bearer ${curl[2]}` },
    });
    const planBody = (await planRes.json()) as { inForce: { state: string; rhk: { parentRhkId: string }[] } };
    expect(planBody.inForce).toMatchObject({ state: 'approved', rhk: [{ parentRhkId: 'kasi-1' }] });

    // The day's fairness run ran at start (its tasks on the local queue): the Pegawai's signals of the month are
    // computed, so the Keadilan pages show figures rather than "not computed yet".
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const signalsDeadline = Date.now() + 60_000;
    const readSignals = () =>
      fetch(`http://localhost:${port}/employees/me/signals/${month}`, {
        headers: { authorization: `Bearer ${curl[2]}` },
      });
    let signals = await readSignals();
    while (signals.status !== 200 && Date.now() < signalsDeadline) {
      await new Promise((r) => setTimeout(r, 250));
      signals = await readSignals();
    }
    expect(signals.status, await signals.clone().text()).toBe(200);
    expect(((await signals.json()) as { periodId: string }).periodId).toBe(month);

    // A change made now must survive the restart.
    const admin = /Admin BKPSDM.*\n\s+(\S+)/.exec(banner)![1]!;
    const made = await fetch(`http://localhost:${port}/units`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', kind: 'opd' }),
    });
    expect(made.status).toBe(201);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    const second = start(env);
    await waitFor('Press Ctrl-C to stop.', second.output, second.exited);
    expect(second.output()).not.toContain('first start');
    // The token minted by `npm run token` on the first run's key still works after the restart.
    const token = execFileSync(process.execPath, ['--import', 'tsx', 'infra/local/token.ts', '199001152015031003'], {
      cwd: root,
      env: { ...process.env, KINERJA_DATA_DIR: dataDir },
    })
      .toString()
      .trim();
    const units = await fetch(`http://localhost:${port}/units`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await units.json()) as { units: { code: string }[] }).units.map((u) => u.code)).toContain('DISKOMINFO');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('explains a missing Java in one line and exits non-zero', async () => {
    // A PATH holding node and nothing else: no java on it.
    const bin = mkdtempSync(join(tmpdir(), 'kinerja-nojava-'));
    symlinkSync(process.execPath, join(bin, 'node'));
    const noJava = start({ PATH: bin, PORT: String(await freePort()), DYNAMODB_PORT: String(await freePort()) });
    expect(await noJava.exited).toBe(1);
    const lines = noJava.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kinerja-asn: Java 17 or newer is required/);
    rmSync(bin, { recursive: true, force: true });
  });

  it('explains a busy port in one line and exits non-zero', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const busy = (server.address() as { port: number }).port;
    const run = start({ PORT: String(busy), DYNAMODB_PORT: String(await freePort()) });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe(
      `kinerja-asn: Port ${busy} is busy. Stop what uses it, or run with another port: PORT=3001 npm start`,
    );
    server.close();
  });

  it('explains a broken data folder in one line and exits non-zero', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'kinerja-broken-'));
    writeFileSync(join(broken, 'dynamodb'), 'not a folder');
    const run = start({
      KINERJA_DATA_DIR: broken,
      PORT: String(await freePort()),
      DYNAMODB_PORT: String(await freePort()),
    });
    expect(await run.exited).toBe(1);
    const lines = run.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kinerja-asn: The data folder .* is broken/);
    rmSync(broken, { recursive: true, force: true });
  });
});
