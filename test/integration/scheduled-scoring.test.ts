/** The daily schedule: periods past their input deadline and the verification days are closed and scored, once. */
import { beforeAll, describe, expect, it } from 'vitest';
import { startQueuePoller } from '../../infra/local/queues.ts';
import { seedDemo } from '../../infra/local/seed.ts';
import { scoreDuePeriods } from '../../shared/app/scheduled-scoring.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { organisationIds } from '../../shared/store/organisations.ts';
import { ScoringRunRepository } from '../../shared/store/scoring.ts';
import { YearRepository } from '../../shared/store/years.ts';
import { useTables } from '../support/stack.ts';

const YEAR = Number(wibDate(new Date()).slice(0, 4));
const scope = new OrgScope('kota-medan');
const at = (date: string, time = '01:00') => new Date(`${date}T${time}:00+07:00`);
/** The schedule firing at that moment (its clock and its writes agree). */
const fire = (now: Date) => scoreDuePeriods('kota-medan', now, { actor: 'system:schedule', now: now.toISOString() });

// The queue the runs send their tasks to, with no consumer here: they wait in it.
const queues = startQueuePoller({ functions: [] });

beforeAll(async () => {
  await useTables();
  await seedDemo();
});

describe('scheduled scoring', () => {
  it('knows the organisations to serve', async () => {
    expect(await organisationIds()).toEqual(['kota-medan']);
  });

  it('waits for the verification days after the input deadline, then closes and scores the period once', async () => {
    const january = `${YEAR}-01`;
    // Deadline 5 February; 3 verification days: nothing on the 8th, January on the 9th.
    expect(await fire(at(`${YEAR}-02-08`))).toEqual([]);
    expect(await fire(at(`${YEAR}-02-09`))).toEqual([january]);
    const year = await new YearRepository(scope).get(YEAR);
    expect(year!.periods.find((p) => p.id === january)).toMatchObject({ state: 'closed', rulesVersion: 1 });
    const run = await new ScoringRunRepository(scope).latestRun(january);
    expect(run).toMatchObject({ state: 'running', rulesVersion: 1, unitCode: null });
    expect(queues.depth('scoring-tasks')).toBe(run!.taskCount);
    // Fired again while the run is going: no second run.
    expect(await fire(at(`${YEAR}-02-09`, '03:00'))).toEqual([]);
    // Six hours without finishing: a run counts as lost and a new one takes over (the results are the same).
    expect(await fire(at(`${YEAR}-02-09`, '08:00'))).toEqual([january]);
  });

  it('scores the year only after its months', async () => {
    const started = await fire(at(`${YEAR + 1}-02-01`));
    // Every month (January's lost run is replaced); the year waits until they are scored.
    expect(started).toEqual(Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`));
  });
});
