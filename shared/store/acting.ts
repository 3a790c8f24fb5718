import { randomUUID } from 'node:crypto';
import { type Item, type OrgScope, type Page, recordOf, type WriteContext } from './org-scope.ts';

export interface ActingAssignment {
  id: string;
  actingNip: string;
  forNip: string;
  kind: 'PLT' | 'PLH';
  startDate: string;
  endDate: string;
  decreeNumber?: string;
  createdAt: string;
}

/**
 * Acting assignments (Plt/Plh). Keys:
 *   pk ORG#o#EMP#<actingNip> / sk ACTING#<startDate>#<id>      assignments a person holds
 *   gsi2 ORG#o#ACTINGFOR#<forNip> / <startDate>#<id>            assignments covering a position holder
 */
export class ActingRepository {
  constructor(private readonly scope: OrgScope) {}

  private static fromItem(i: Item): ActingAssignment {
    const rest = recordOf(i, 'version', 'updatedAt', 'updatedBy');
    return rest as unknown as ActingAssignment;
  }

  async create(a: Omit<ActingAssignment, 'id' | 'createdAt'>, ctx: WriteContext): Promise<ActingAssignment> {
    const id = randomUUID();
    const item = {
      pk: this.scope.key('EMP', a.actingNip),
      sk: `ACTING#${a.startDate}#${id}`,
      gsi2pk: this.scope.key('ACTINGFOR', a.forNip),
      gsi2sk: `${a.startDate}#${id}`,
      id,
      ...a,
      subjectNip: a.actingNip,
      ...this.scope.stamp('ActingAssignment', id, ctx),
    };
    await this.scope.put('main', item, { expression: 'attribute_not_exists(pk)' });
    return ActingRepository.fromItem(item);
  }

  async heldBy(nip: string, limit?: number, cursor?: string): Promise<Page<ActingAssignment>> {
    const page = await this.scope.query('main', {
      pk: this.scope.key('EMP', nip),
      beginsWith: 'ACTING#',
      limit,
      cursor,
      newestFirst: true,
    });
    return { items: page.items.map(ActingRepository.fromItem), nextCursor: page.nextCursor };
  }

  async covering(forNip: string): Promise<ActingAssignment[]> {
    const items = await this.scope.queryAll('main', { index: 'gsi2', pk: this.scope.key('ACTINGFOR', forNip) });
    return items.map(ActingRepository.fromItem);
  }

  /** The NIPs whose position `nip` holds as Plt/Plh on `date` (WIB, YYYY-MM-DD). */
  async actingForOn(nip: string, date: string): Promise<Set<string>> {
    // Only assignments that started on or before the date can be active: one key range.
    const items = await this.scope.queryAll('main', {
      pk: this.scope.key('EMP', nip),
      between: ['ACTING#', `ACTING#${date}#\uffff`],
    });
    return new Set(
      items
        .map(ActingRepository.fromItem)
        .filter((a) => a.endDate >= date)
        .map((a) => a.forNip),
    );
  }
}
