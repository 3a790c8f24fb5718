import { saveHolidays } from '#shared/api/services';
import { isBkpsdm, reasons } from '#shared/auth/policy';
import { holidayProblems } from '#shared/domain/holidays';
import { DomainError, forbidden } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { HolidayRepository } from '#shared/store/holidays';

/** The calendar belongs to BKPSDM: one list per year, each save a new version kept in the audit trail. */
export const handler = userHandler(saveHolidays, async (req) => {
  if (!isBkpsdm(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const { days, reason, expectedVersion } = req.body;
  const problems = holidayProblems(req.params.year, days);
  if (problems.length) throw new DomainError('holidays_invalid', { year: req.params.year, problems: problems.map((p) => `${p.date}: ${p.problem}`).join(', ') }, problems);
  return json(await new HolidayRepository(req.scope).save(req.params.year, days, reason, expectedVersion, writeContext(req)));
});
