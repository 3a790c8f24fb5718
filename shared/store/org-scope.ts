import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { TableName } from '#shared/platform/manifest';
import { forEachConcurrently } from '../concurrency.ts';
import { DomainError } from '../messages/errors.ts';
import { documentClient, tableName } from './client.ts';

/** Attributes every stored record carries, so the audit trail can say who changed what, and when. */
export interface Stamp {
  orgId: string;
  entity: string;
  entityId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  requestId?: string;
}

export type Item = Record<string, unknown>;

/** Who writes, when, under which request: stamped on every record for the audit trail. */
export interface WriteContext {
  actor: string;
  now: string;
  requestId?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface QueryInput {
  index?: 'gsi1' | 'gsi2';
  pk: string;
  beginsWith?: string;
  between?: [string, string];
  limit?: number;
  cursor?: string;
  newestFirst?: boolean;
  /** Strongly consistent (base table only): for reads a conditional write then relies on. */
  consistent?: boolean;
}

export type TransactItem =
  | {
      delete: {
        table: TableName;
        key: { pk: string; sk: string };
        condition?: string;
        names?: Record<string, string>;
        values?: Item;
      };
    }
  | { put: { table: TableName; item: Item; condition?: string; names?: Record<string, string>; values?: Item } }
  | {
      update: {
        table: TableName;
        key: { pk: string; sk: string };
        set: string;
        condition?: string;
        names?: Record<string, string>;
        values?: Item;
      };
    };

const ORG_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const KEY_ATTRIBUTES = ['pk', 'gsi1pk', 'gsi2pk'] as const;

/**
 * The only door to the tables for business data. Every key it reads or writes is prefixed with the caller's
 * organisation, and it refuses any key, index key or pagination cursor that is not: a handler that forgets a
 * check still cannot reach another organisation's records.
 */
export class OrgScope {
  readonly prefix: string;

  constructor(
    readonly orgId: string,
    private readonly injected?: DynamoDBDocumentClient,
  ) {
    if (!ORG_ID.test(orgId)) throw new Error(`invalid organisation id: ${orgId}`);
    this.prefix = `ORG#${orgId}#`;
  }

  /** Resolved per call, so a scope made before configuration still uses the configured endpoint. */
  private get doc(): DynamoDBDocumentClient {
    return this.injected ?? documentClient();
  }

  /** Builds a partition key inside this organisation: key('EMP', nip) → ORG#<org>#EMP#<nip>. */
  key(...parts: string[]): string {
    return this.prefix + parts.join('#');
  }

  private own(key: unknown): void {
    if (typeof key !== 'string' || !key.startsWith(this.prefix)) {
      throw new Error(`tenant isolation: key ${String(key)} is outside organisation ${this.orgId}`);
    }
  }

  private ownItem(item: Item): void {
    this.own(item.pk);
    for (const attr of KEY_ATTRIBUTES) if (item[attr] !== undefined) this.own(item[attr]);
    if (item.orgId !== undefined && item.orgId !== this.orgId) throw new Error('tenant isolation: orgId mismatch');
  }

  async get<T = Item>(table: TableName, pk: string, sk: string, consistent = false): Promise<T | undefined> {
    this.own(pk);
    const out = await this.doc.send(
      new GetCommand({ TableName: tableName(table), Key: { pk, sk }, ConsistentRead: consistent }),
    );
    return out.Item as T | undefined;
  }

  async put(
    table: TableName,
    item: Item,
    condition?: { expression: string; names?: Record<string, string>; values?: Item },
  ): Promise<void> {
    this.ownItem(item);
    await this.doc.send(
      new PutCommand({
        TableName: tableName(table),
        Item: item,
        ConditionExpression: condition?.expression,
        ExpressionAttributeNames: condition?.names,
        ExpressionAttributeValues: condition?.values,
      }),
    );
  }

  async update(
    table: TableName,
    key: { pk: string; sk: string },
    input: { set: string; condition?: string; names?: Record<string, string>; values?: Item },
  ): Promise<Item> {
    this.own(key.pk);
    for (const attr of KEY_ATTRIBUTES) if (input.values?.[`:${attr}`] !== undefined) this.own(input.values[`:${attr}`]);
    const out = await this.doc.send(
      new UpdateCommand({
        TableName: tableName(table),
        Key: key,
        UpdateExpression: input.set,
        ConditionExpression: input.condition,
        ExpressionAttributeNames: input.names,
        ExpressionAttributeValues: input.values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes ?? {};
  }

  /**
   * Writes many independent items (BatchWriteItem, 25 a call, a few calls at once, unprocessed items retried with
   * backoff, a bounded number of times: see BATCH_RETRIES).
   * Not atomic and not conditional: only for items that may overwrite whatever is there (last write wins).
   */
  async putMany(table: TableName, items: Item[]): Promise<void> {
    for (const i of items) this.ownItem(i);
    const name = tableName(table);
    const calls: Item[][] = [];
    for (let i = 0; i < items.length; i += 25) calls.push(items.slice(i, i + 25));
    await Promise.all(
      calls.map(async (chunk) => {
        type Request = Record<string, { PutRequest: { Item: Item } }[]>;
        await untilProcessed<Request>(
          { [name]: chunk.map((Item) => ({ PutRequest: { Item } })) },
          async (request) => {
            const out: BatchWriteCommandOutput = await this.doc.send(new BatchWriteCommand({ RequestItems: request }));
            return out.UnprocessedItems as Request | undefined;
          },
          (left) =>
            `BatchWriteItem on ${name}: ${left[name]?.length ?? 0} of ${chunk.length} items still unwritten after ${BATCH_RETRIES.attempts} attempts (DynamoDB is throttling the table). The items written are fine; retry the operation later.`,
        );
      }),
    );
  }

  /**
   * Writes many independent items, each with its own condition, several at a time (PutItem each; a batch write
   * cannot be conditional). Returns, per item, whether it was written (false: its condition failed).
   */
  async putEach(
    table: TableName,
    writes: { item: Item; condition: string; values?: Item }[],
    concurrency = 16,
  ): Promise<boolean[]> {
    for (const w of writes) this.ownItem(w.item);
    const name = tableName(table);
    const results = new Array<boolean>(writes.length);
    await forEachConcurrently(writes, concurrency, async (w, i) => {
      try {
        await this.doc.send(
          new PutCommand({
            TableName: name,
            Item: w.item,
            ConditionExpression: w.condition,
            ExpressionAttributeValues: w.values,
          }),
        );
        results[i] = true;
      } catch (err) {
        if (!isConditionalFailure(err)) throw err;
        results[i] = false;
      }
    });
    return results;
  }

  /** All-or-nothing write of up to 100 items (DynamoDB's transaction limit). */
  async transact(items: TransactItem[], clientRequestToken?: string): Promise<void> {
    if (items.length === 0) return;
    const condition = (c: { condition?: string; names?: Record<string, string>; values?: Item }) => ({
      ConditionExpression: c.condition,
      ExpressionAttributeNames: c.names,
      ExpressionAttributeValues: c.values,
    });
    const TransactItems = items.map((t) => {
      if ('put' in t) {
        this.ownItem(t.put.item);
        return { Put: { TableName: tableName(t.put.table), Item: t.put.item, ...condition(t.put) } };
      }
      if ('update' in t) {
        this.own(t.update.key.pk);
        for (const attr of KEY_ATTRIBUTES)
          if (t.update.values?.[`:${attr}`] !== undefined) this.own(t.update.values[`:${attr}`]);
        return {
          Update: {
            TableName: tableName(t.update.table),
            Key: t.update.key,
            UpdateExpression: t.update.set,
            ...condition(t.update),
          },
        };
      }
      this.own(t.delete.key.pk);
      return { Delete: { TableName: tableName(t.delete.table), Key: t.delete.key, ...condition(t.delete) } };
    });
    await this.doc.send(new TransactWriteCommand({ TransactItems, ClientRequestToken: clientRequestToken }));
  }

  async query<T = Item>(table: TableName, input: QueryInput): Promise<Page<T>> {
    this.own(input.pk);
    const pkAttr = input.index ? `${input.index}pk` : 'pk';
    const skAttr = input.index ? `${input.index}sk` : 'sk';
    let condition = '#pk = :pk';
    const values: Item = { ':pk': input.pk };
    if (input.beginsWith !== undefined) {
      condition += ' AND begins_with(#sk, :prefix)';
      values[':prefix'] = input.beginsWith;
    } else if (input.between) {
      condition += ' AND #sk BETWEEN :from AND :to';
      values[':from'] = input.between[0];
      values[':to'] = input.between[1];
    }
    const out = await this.doc.send(
      new QueryCommand({
        TableName: tableName(table),
        IndexName: input.index,
        KeyConditionExpression: condition,
        ExpressionAttributeNames: { '#pk': pkAttr, ...(condition.includes('#sk') ? { '#sk': skAttr } : {}) },
        ExpressionAttributeValues: values,
        Limit: input.limit,
        ScanIndexForward: !input.newestFirst,
        ConsistentRead: input.consistent,
        ExclusiveStartKey: input.cursor ? this.decodeCursor(input.cursor, input, pkAttr, skAttr) : undefined,
      }),
    );
    return {
      items: (out.Items ?? []) as T[],
      nextCursor: out.LastEvaluatedKey ? encodeCursor(out.LastEvaluatedKey) : undefined,
    };
  }

  /** Counts the items of a key range without reading them (Select COUNT). */
  async count(table: TableName, input: Pick<QueryInput, 'index' | 'pk'>): Promise<number> {
    this.own(input.pk);
    let total = 0;
    let start: Item | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: tableName(table),
          IndexName: input.index,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': input.index ? `${input.index}pk` : 'pk' },
          ExpressionAttributeValues: { ':pk': input.pk },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      total += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return total;
  }

  /**
   * Reads many items by key (BatchGetItem, 25 keys a call, several calls at once, unprocessed keys retried as
   * putMany's items are);
   * `consistent` (base table only) for reads a conditional write then relies on.
   */
  async getMany<T = Item>(table: TableName, keys: { pk: string; sk: string }[], consistent = false): Promise<T[]> {
    for (const k of keys) this.own(k.pk);
    const name = tableName(table);
    // Calls of 25 keys at once rather than 100 in one: the same read units, a quarter of the wait.
    const chunks: { pk: string; sk: string }[][] = [];
    for (let i = 0; i < keys.length; i += 25) chunks.push(keys.slice(i, i + 25));
    const pages = await Promise.all(
      chunks.map(async (chunk) => {
        const found: T[] = [];
        type Request = Record<string, { Keys: Item[]; ConsistentRead?: boolean }>;
        await untilProcessed<Request>(
          { [name]: { Keys: chunk, ...(consistent ? { ConsistentRead: true } : {}) } },
          async (request) => {
            const out: BatchGetCommandOutput = await this.doc.send(new BatchGetCommand({ RequestItems: request }));
            found.push(...((out.Responses?.[name] ?? []) as T[]));
            return out.UnprocessedKeys as Request | undefined;
          },
          (left) =>
            `BatchGetItem on ${name}: ${left[name]?.Keys.length ?? 0} of ${chunk.length} keys still unread after ${BATCH_RETRIES.attempts} attempts (DynamoDB is throttling the table); retry the operation later.`,
        );
        return found;
      }),
    );
    return pages.flat();
  }

  /** Reads every page of a query; only for ranges known to be small (a person's chain, a unit tree). */
  async queryAll<T = Item>(table: TableName, input: Omit<QueryInput, 'cursor' | 'limit'>): Promise<T[]> {
    const all: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.query<T>(table, { ...input, cursor });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  /**
   * A cursor is client input. It must be exactly a key of the page being read: the table's keys (and the
   * index's), all strings, in the queried partition and inside the queried range; anything else is a 400.
   */
  private decodeCursor(cursor: string, input: QueryInput, pkAttr: string, skAttr: string): Item {
    const invalid = () => new DomainError('invalid_cursor');
    let key: Item;
    try {
      key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Item;
    } catch {
      throw invalid();
    }
    if (!key || typeof key !== 'object' || Array.isArray(key)) throw invalid();
    const expected = new Set(['pk', 'sk', pkAttr, skAttr]);
    const attrs = Object.keys(key);
    if (attrs.length !== expected.size || !attrs.every((a) => expected.has(a) && typeof key[a] === 'string'))
      throw invalid();
    if (key[pkAttr] !== input.pk || !(key.pk as string).startsWith(this.prefix)) throw invalid();
    const sk = key[skAttr] as string;
    if (input.beginsWith !== undefined && !sk.startsWith(input.beginsWith)) throw invalid();
    if (input.between && (sk < input.between[0] || sk > input.between[1])) throw invalid();
    return key;
  }

  /** The attributes every write stamps on a record. */
  stamp(entity: string, entityId: string, ctx: WriteContext, previous?: Pick<Stamp, 'createdAt' | 'version'>): Stamp {
    const { actor, now, requestId } = ctx;
    return {
      orgId: this.orgId,
      entity,
      entityId,
      version: (previous?.version ?? 0) + 1,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
      updatedBy: actor,
      ...(requestId ? { requestId } : {}),
    };
  }
}

/**
 * How batch calls retry what DynamoDB left unprocessed (throttling): exponential backoff with full jitter, as AWS
 * advises, and a bounded number of attempts so a throttled table fails the operation instead of holding it forever.
 */
export const BATCH_RETRIES = { attempts: 8, baseMs: 25, capMs: 1_000 };

/** The wait before retry `n` (1, 2, …): anywhere from 0 to base·2^n, at most the cap ("full jitter"). */
export const backoffMs = (retry: number, random: () => number = Math.random): number =>
  random() * Math.min(BATCH_RETRIES.capMs, BATCH_RETRIES.baseMs * 2 ** retry);

/**
 * Sends `first`, then whatever each answer leaves unprocessed, until nothing is left; throws `exhausted(left)`
 * after BATCH_RETRIES.attempts calls.
 */
export async function untilProcessed<R extends Record<string, unknown>>(
  first: R,
  send: (request: R) => Promise<R | undefined>,
  exhausted: (left: R) => string,
): Promise<void> {
  let request = first;
  for (let attempt = 1; ; attempt++) {
    const left = await send(request);
    if (!left || Object.keys(left).length === 0) return;
    if (attempt >= BATCH_RETRIES.attempts) throw new Error(exhausted(left));
    await new Promise((r) => setTimeout(r, backoffMs(attempt)));
    request = left;
  }
}

const encodeCursor = (key: Item): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** Why each item of a cancelled transaction failed ('None' for those that did not), in item order. */
export function cancellationCodes(err: unknown): string[] {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return [];
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  if (reasons?.length) return reasons.map((r) => r.Code ?? 'None');
  // Some endpoints only put the reasons in the message: "... [ConditionalCheckFailed, None]".
  return (
    /\[([^\]]*)\]/
      .exec(err.message)?.[1]
      ?.split(',')
      .map((c) => c.trim()) ?? []
  );
}

/** A write refused because the data is not what the caller read (a condition failed, or a concurrent transaction). */
export const isConditionalFailure = (err: unknown): boolean =>
  err instanceof Error &&
  (err.name === 'ConditionalCheckFailedException' ||
    cancellationCodes(err).some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict'));

/** Strips storage keys so API responses and audit records show only business fields. */
export function withoutKeys<T extends Item>(item: T): Omit<T, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk'> {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = item;
  return rest;
}

/** The attributes every write stamps for the store and the audit trail, not part of a record's business fields. */
const STORE_ATTRIBUTES = ['orgId', 'entity', 'entityId', 'subjectNip', 'requestId'] as const;

/**
 * A stored item as the business record it holds: without keys and store attributes, nor the `also` fields a
 * repository keeps to itself (e.g. the stamp's who and when).
 */
export function recordOf(item: Item, ...also: string[]): Item {
  const drop = new Set<string>([...STORE_ATTRIBUTES, ...also]);
  return Object.fromEntries(Object.entries(withoutKeys(item)).filter(([k]) => !drop.has(k)));
}
