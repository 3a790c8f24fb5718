import { createEmployee } from '#shared/api/people';
import * as people from '#shared/app/people';
import { createdOrReplayed, userHandler } from '#shared/http/handler';

export const handler = userHandler(createEmployee, async (req) => {
  const { employee, replayed } = await people.createEmployee(req, req.body);
  return createdOrReplayed(employee, replayed);
});
