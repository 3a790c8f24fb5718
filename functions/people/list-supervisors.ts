import { listSupervisors } from '#shared/api/people';
import { readableEmployee } from '#shared/app/access';
import { json, userHandler } from '#shared/http/handler';
import { EmployeeRepository } from '#shared/store/employees';
import { summary } from '#shared/store/summaries';

export const handler = userHandler(listSupervisors, async (req) => {
  const { target } = await readableEmployee(req, req.params.nip);
  const chain = await new EmployeeRepository(req.scope).supervisorChain(target);
  return json({ items: chain.map((e, i) => ({ ...summary(e as unknown as Record<string, unknown>), level: i + 1 })) });
});
