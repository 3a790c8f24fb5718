/** Fires the manifest's schedules by their cron in Asia/Jakarta, once a minute, like EventBridge Scheduler. */
import type { FunctionDef, ScheduleTrigger } from '../manifest.ts';
import { parseCron } from './cron.ts';
import { invoke } from './lambda.ts';

type ScheduledFunction = FunctionDef & { trigger: ScheduleTrigger };

export function startScheduler(functions: ScheduledFunction[], log?: (line: string) => void): { stop(): void } {
  const crons = functions.map((fn) => ({ fn, cron: parseCron(fn.trigger.cron) }));
  let lastMinute = Math.floor(Date.now() / 60_000);
  const timer = setInterval(() => {
    const minute = Math.floor(Date.now() / 60_000);
    if (minute === lastMinute) return;
    lastMinute = minute;
    const at = new Date(minute * 60_000);
    for (const { fn, cron } of crons) {
      if (!cron.matches(at)) continue;
      log?.(`schedule ${fn.name} fired (${fn.trigger.cron}, Asia/Jakarta)`);
      invoke(fn, { source: 'kinerja.local-scheduler', 'detail-type': 'Scheduled Event', time: at.toISOString(), schedule: fn.name }).catch((err: Error) =>
        log?.(`schedule ${fn.name} failed: ${err.message}`),
      );
    }
  }, 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
