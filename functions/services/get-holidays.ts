import { getHolidays } from '#shared/api/services';
import { httpHandler, json } from '#shared/http/handler';
import { HolidayRepository } from '#shared/store/holidays';

export const handler = httpHandler(
  getHolidays,
  async (req) => {
    const calendar = await new HolidayRepository(req.scope).get(req.params.year);
    return json(calendar ?? { year: req.params.year, days: [], version: 0, reason: '', updatedAt: '', updatedBy: '' });
  },
  { auth: 'any' },
);
