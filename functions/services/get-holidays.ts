import { getHolidays } from '#shared/api/services';
import { holidayCalendarOf } from '#shared/app/services';
import { httpHandler, json } from '#shared/http/handler';

export const handler = httpHandler(getHolidays, async (req) => json(await holidayCalendarOf(req, req.params.year)), {
  auth: 'any',
  scopes: ['directory.read'],
});
