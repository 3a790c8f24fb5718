/** Fires the manifest's schedules by their cron in Asia/Jakarta, once a minute, like EventBridge Scheduler. */
import type { FunctionDef, ScheduleTrigger } from '../../shared/platform/manifest.ts';
import { parseCron } from './cron.ts';
import { invoke } from './lambda.ts';

type ScheduledFunction = FunctionDef & { trigger: ScheduleTrigger };

/** The functions whose cron matches the minute starting at `minute` (a Date on a minute boundary). */
export function dueAt(functions: ScheduledFunction[], minute: Date): ScheduledFunction[] {
  return functions.filter((fn) => parseCron(fn.trigger.cron).matches(minute));
}

/** The event a scheduled function receives (EventBridge Scheduler delivers the target's input; ours names the run). */
export const scheduledEvent = (fn: ScheduledFunction, minute: Date) => ({
  source: 'kinerja.local-scheduler',
  'detail-type': 'Scheduled Event',
  time: minute.toISOString(),
  schedule: fn.name,
});

export function startScheduler(functions: ScheduledFunction[], log?: (line: string) => void): { stop(): void } {
  for (const fn of functions) parseCron(fn.trigger.cron); // a bad cron fails at start, not at 3 a.m.
  let lastMinute = Math.floor(Date.now() / 60_000);
  const timer = setInterval(() => {
    const minute = Math.floor(Date.now() / 60_000);
    if (minute === lastMinute) return;
    lastMinute = minute;
    const at = new Date(minute * 60_000);
    for (const fn of dueAt(functions, at)) {
      log?.(`schedule ${fn.name} fired (${fn.trigger.cron}, Asia/Jakarta)`);
      invoke(fn, scheduledEvent(fn, at)).catch((err: Error) => log?.(`schedule ${fn.name} failed: ${err.message}`));
    }
  }, 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
