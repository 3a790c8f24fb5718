/** The local scripts as someone types them: help text, and progress that is plain text unless on a terminal. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressOn } from '../../infra/local/terminal.ts';

const root = resolve(import.meta.dirname, '../..');
const run = (script: string, ...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: process.env }).toString();

describe('--help', () => {
  it.each([
    ['infra/local/token.ts', 'Usage: npm run token -- <nip|client>', '--groups'],
    ['infra/ops/bootstrap.ts', 'Usage: npm run bootstrap -- --table <MainTableName>', '--machine-client'],
    ['infra/local/score.ts', 'Usage: npm run score -- --period', '--close'],
  ])('%s prints its usage and exits 0', (script, usage, option) => {
    for (const flag of ['--help', '-h']) {
      const out = run(script, flag);
      expect(out.startsWith(usage)).toBe(true);
      expect(out).toContain(option);
    }
  });
});

describe('progress output', () => {
  const written = (isTTY: boolean, env: Record<string, string | undefined>) => {
    let out = '';
    const progress = progressOn({ isTTY, write: (t: string) => (out += t) }, env);
    progress.update('  DUK-IDK slice 0: 3…');
    progress.line('  DUK-IDK: 5 scored');
    return out;
  };

  it.each([
    ['piped', false, {}],
    ['on a terminal with NO_COLOR', true, { NO_COLOR: '1' }],
    ['on a dumb terminal', true, { TERM: 'dumb' }],
  ])('is plain lines, no escape codes, when %s', (_name, isTTY, env) => {
    expect(written(isTTY, env)).toBe('  DUK-IDK: 5 scored\n');
  });

  it('updates in place on a terminal', () => {
    expect(written(true, { TERM: 'xterm-256color' })).toBe(
      '\r\x1b[K  DUK-IDK slice 0: 3…\r\x1b[K  DUK-IDK: 5 scored\n',
    );
  });
});
