import { listSubordinates } from '#shared/api/people';
import { readableEmployee } from '#shared/app/access';
import { DomainError } from '#shared/messages/errors';
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

  // Whole tree, breadth first; the page is cut from the ordered result.
  const offset = req.query.cursor ? Number(req.query.cursor.replace(/^o/, '')) : 0;
  if (!/^o\d+$/.test(req.query.cursor ?? 'o0') || !Number.isSafeInteger(offset)) throw new DomainError('invalid_cursor');
  const all = await employees.allSubordinates(target.nip, MAX_TREE);
  const items = all.slice(offset, offset + limit).map((i) => ({ ...summary(i), depth: i.depth }));
  return json({ items, ...(offset + limit < all.length ? { nextCursor: `o${offset + limit}` } : {}) });
});
