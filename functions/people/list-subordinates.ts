import { listSubordinates } from '#shared/api/people';
import { readableEmployee } from '#shared/auth/access';
import { AppError } from '#shared/http/errors';
import { json, userHandler } from '#shared/http/handler';
import { EmployeeRepository } from '#shared/store/employees';
import { summary } from '#shared/store/summaries';

/** Bound on the whole-tree walk; a city's deepest trees are a few thousand people. */
const MAX_TREE = 10_000;

export const handler = userHandler(listSubordinates, async (req) => {
  const { target } = await readableEmployee(req, req.params.nip);
  const employees = new EmployeeRepository(req.scope);
  const limit = req.query.limit ?? 25;

  if ((req.query.scope ?? 'direct') === 'direct') {
    const page = await employees.directSubordinates(target.nip, limit, req.query.cursor);
    return json({ items: page.items.map((i) => ({ ...summary(i), depth: 1 })), nextCursor: page.nextCursor });
  }

  // Whole tree, breadth first: one query per supervisor; the page is cut from the ordered result.
  const offset = req.query.cursor ? Number(req.query.cursor.replace(/^o/, '')) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw new AppError(400, 'invalid_cursor');
  const all: (ReturnType<typeof summary> & { depth: number })[] = [];
  let level = [target.nip];
  for (let depth = 1; level.length > 0 && all.length < MAX_TREE; depth++) {
    const found = (await Promise.all(level.map((nip) => req.scope.queryAll('main', { index: 'gsi2', pk: req.scope.key('SUBORDINATES', nip) })))).flat();
    all.push(...found.map((item) => ({ ...summary(item), depth })));
    level = found.map((i) => i.nip as string);
  }
  const items = all.slice(offset, offset + limit);
  return json({ items, ...(offset + limit < all.length ? { nextCursor: `o${offset + limit}` } : {}) });
});
