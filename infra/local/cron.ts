/**
 * EventBridge Scheduler cron bodies (`minutes hours day-of-month month day-of-week year`), evaluated in
 * Asia/Jakarta as the cloud schedules are. Day-of-week counts 1 = SUN … 7 = SAT, as EventBridge does.
 */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

type Field = Set<number> | 'any';

function parseField(text: string, min: number, max: number, names: string[] = [], nameBase = 1): Field {
  if (text === '*' || text === '?') return 'any';
  const value = (v: string) => {
    const i = names.indexOf(v.toUpperCase());
    const n = i >= 0 ? i + nameBase : Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`cron value ${v} outside ${min}-${max}`);
    return n;
  };
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad cron step in ${part}`);
    const [from, to] =
      range === '*'
        ? [min, max]
        : range!.includes('-')
          ? range!.split('-').map(value)
          : [value(range!), stepText ? max : value(range!)];
    for (let n = from!; n <= to!; n += step) out.add(n);
  }
  return out;
}

export interface Cron {
  matches(at: Date): boolean;
}

export function parseCron(body: string): Cron {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) throw new Error(`cron needs 6 fields (min hour dom month dow year): ${body}`);
  const [min, hour, dom, month, dow, year] = parts as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?'))
    throw new Error(`exactly one of day-of-month and day-of-week must be '?': ${body}`);
  const f = {
    min: parseField(min, 0, 59),
    hour: parseField(hour, 0, 23),
    dom: parseField(dom, 1, 31),
    month: parseField(month, 1, 12, MONTHS),
    dow: parseField(dow, 1, 7, DAYS),
    year: parseField(year, 1970, 2199),
  };
  const has = (field: Field, n: number) => field === 'any' || field.has(n);
  return {
    matches(at: Date) {
      const wib = new Date(at.getTime() + 7 * 3600 * 1000); // WIB: UTC+7, no daylight saving
      return (
        has(f.min, wib.getUTCMinutes()) &&
        has(f.hour, wib.getUTCHours()) &&
        has(f.month, wib.getUTCMonth() + 1) &&
        has(f.year, wib.getUTCFullYear()) &&
        (dom === '?' ? has(f.dow, wib.getUTCDay() + 1) : has(f.dom, wib.getUTCDate()))
      );
    },
  };
}
