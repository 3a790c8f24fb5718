import { type Item, type OrgScope, recordOf, type WriteContext } from './org-scope.ts';

export interface ServiceTransaction {
  externalId: string;
  unitCode: string;
  serviceType: string;
  officers: string[];
  /** Instants, normalised to UTC ISO strings. */
  receivedAt: string;
  completedAt: string | null;
  /** Completed transactions only: the completion time in service time, and how it compares with the standard. */
  serviceSeconds: number | null;
  standardMinutes: number | null;
  withinStandard: boolean | null;
  /** The month or quarter and the year the completion counts in. */
  periodIds: string[];
  /** Random reference the survey link carries (never the agency's id). */
  linkId: string;
  surveyExpiresAt: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * Service transactions pushed by agency systems, one partition each, keyed by the agency's external id so that a
 * re-sent transaction lands on the same record. Keys:
 *   pk ORG#o#TX#<externalId> / sk TX          the transaction
 *        gsi1 ORG#o#SURVEYLINK#<linkId> / TX   how a survey link finds its transaction
 */
export class TransactionRepository {
  constructor(readonly scope: OrgScope) {}

  key(externalId: string) {
    return { pk: this.scope.key('TX', externalId), sk: 'TX' };
  }

  static fromItem(i: Item): ServiceTransaction {
    const rest = recordOf(i);
    return rest as unknown as ServiceTransaction;
  }

  toItem(
    t: Omit<ServiceTransaction, 'version' | 'createdAt' | 'updatedAt' | 'updatedBy'>,
    ctx: WriteContext,
    previous?: ServiceTransaction,
  ): Item {
    return {
      ...this.key(t.externalId),
      gsi1pk: this.scope.key('SURVEYLINK', t.linkId),
      gsi1sk: 'TX',
      ...t,
      ...this.scope.stamp('ServiceTransaction', t.externalId, ctx, previous),
    };
  }

  async getMany(externalIds: string[]): Promise<Map<string, ServiceTransaction>> {
    const items = await this.scope.getMany(
      'main',
      externalIds.map((id) => this.key(id)),
    );
    return new Map(items.map((i) => [i.externalId as string, TransactionRepository.fromItem(i)]));
  }

  async get(externalId: string): Promise<ServiceTransaction | undefined> {
    const k = this.key(externalId);
    const item = await this.scope.get('main', k.pk, k.sk);
    return item ? TransactionRepository.fromItem(item) : undefined;
  }

  /** The transaction a survey link names (gsi1: one item). */
  async byLink(linkId: string): Promise<ServiceTransaction | undefined> {
    const page = await this.scope.query('main', { index: 'gsi1', pk: this.scope.key('SURVEYLINK', linkId), limit: 1 });
    return page.items[0] ? TransactionRepository.fromItem(page.items[0]) : undefined;
  }
}
