import type { Item } from './org-scope.ts';

/** What a directory listing shows of a person: enough to find them, nothing private. */
export const summary = (i: Item) => ({
  nip: i.nip as string,
  name: i.name as string,
  position: i.position as string,
  unitCode: i.unitCode as string,
  supervisorNip: (i.supervisorNip as string | null | undefined) ?? null,
});
