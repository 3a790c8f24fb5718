import { getEmployee } from '#shared/api/people';
import { readableEmployee } from '#shared/app/access';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(getEmployee, async (req) => {
  const { target } = await readableEmployee(req, req.params.nip);
  return json(target);
});
