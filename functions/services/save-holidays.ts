import { saveHolidays } from '#shared/api/services';
import { saveHolidayCalendar } from '#shared/app/services';
import { json, userHandler } from '#shared/http/handler';

/** The calendar belongs to BKPSDM: one list per year, each save a new version kept in the audit trail. */
export const handler = userHandler(saveHolidays, async (req) =>
  json(await saveHolidayCalendar(req, req.params.year, req.body)),
);
