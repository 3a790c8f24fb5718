import { describe, expect, it } from 'vitest';
import { dueAt, startScheduler } from '../../infra/local/scheduler.ts';
import type { FunctionDef, ScheduleTrigger } from '../../shared/platform/manifest.ts';

const scheduled = (name: string, cron: string): FunctionDef & { trigger: ScheduleTrigger } => ({
  name,
  entry: 'functions/system/health.ts',
  access: {},
  trigger: { kind: 'schedule', cron, description: name },
});

const fns = [
  scheduled('nightly-0005-wib', '5 0 * * ? *'),
  scheduled('workdays-0700-wib', '0 7 ? * MON-FRI *'),
  scheduled('period-close-6th', '0 1 6 * ? *'),
];

describe('local scheduler', () => {
  it.each([
    ['00:05 WIB Monday 30 Nov 2026 (17:05 UTC the day before)', '2026-11-29T17:05:00Z', ['nightly-0005-wib']],
    ['07:00 WIB Monday', '2026-11-30T00:00:00Z', ['workdays-0700-wib']],
    ['07:00 WIB Sunday', '2026-11-29T00:00:00Z', []],
    ['01:00 WIB on the 6th', '2026-12-05T18:00:00Z', ['period-close-6th']],
    ['01:00 UTC on the 6th is 08:00 WIB', '2026-12-06T01:00:00Z', []],
  ])('%s', (_n, at, expected) => {
    expect(dueAt(fns, new Date(at)).map((f) => f.name)).toEqual(expected);
  });

  it('refuses a malformed cron when it starts, not when it would fire', () => {
    expect(() => startScheduler([scheduled('bad', '0 7 * * *')])).toThrow(/6 fields/);
  });
});
