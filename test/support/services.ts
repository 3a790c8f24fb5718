/** Service-data test helpers: years opened on demand, and service times relative to now (links expire). */
import { wibDate } from '../../shared/domain/time.ts';
import { DomainError } from '../../shared/messages/errors.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { YearRepository } from '../../shared/store/years.ts';

/** Opens a (monthly) performance year of the demo organisation unless it is open already. */
export async function openYear(year: number, orgId = 'kota-medan'): Promise<void> {
  await new YearRepository(new OrgScope(orgId))
    .open(year, 'monthly', { actor: 'test', now: new Date().toISOString() })
    .catch((err: unknown) => {
      if (!(err instanceof DomainError && err.code === 'year_exists')) throw err;
    });
}

/** A service of 20 minutes that ended half an hour ago (its survey link is fresh whatever day the suite runs). */
export async function recentService(): Promise<{ receivedAt: string; completedAt: string }> {
  const completed = new Date(Date.now() - 30 * 60_000);
  await openYear(Number(wibDate(completed).slice(0, 4)));
  return {
    receivedAt: new Date(completed.getTime() - 20 * 60_000).toISOString(),
    completedAt: completed.toISOString(),
  };
}
