/**
 * Turns one change of a stored record (old and new image from the table's stream) into an audit entry:
 * who, when, what, before, after. Pure.
 */
export type Image = Record<string, unknown>;

export interface AuditEntry {
  id: string;
  orgId: string;
  at: string;
  entity: string;
  entityId: string;
  /** `viewed`: a read of another person's signals (issue 18), appended by the reading function. */
  action: 'created' | 'updated' | 'deleted' | 'viewed';
  actor: string;
  requestId?: string;
  subjectNip?: string;
  changedFields: string[];
  before?: Image;
  after?: Image;
}

/** Storage and bookkeeping attributes: not what a person changed. */
const technical = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'version',
  'updatedAt',
  'updatedBy',
  'requestId',
  'createdAt',
  'orgId',
  'entity',
  'entityId',
  'subjectNip',
]);

const business = (image: Image | undefined): Image | undefined =>
  image ? Object.fromEntries(Object.entries(image).filter(([k]) => !technical.has(k))) : undefined;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A deletion carries no time of its own, and the stream's is whole seconds: it may read earlier than the record's
 * last write. It happened after that write, so it is never placed before it.
 */
function removedAt(approximateAt: Date, oldImage: Image | undefined): string {
  const lastWrite = typeof oldImage?.updatedAt === 'string' ? Date.parse(oldImage.updatedAt) + 1 : 0;
  return new Date(Math.max(approximateAt.getTime(), lastWrite)).toISOString();
}

/** One change of a stored record, as the table's stream delivers it. */
export interface StreamChange {
  eventId: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** The stream's own time of the change (whole seconds). */
  approximateAt: Date;
  oldImage?: Image;
  newImage?: Image;
}

export function auditEntryFrom(change: StreamChange): AuditEntry | undefined {
  const image = change.newImage ?? change.oldImage;
  if (!image || typeof image.orgId !== 'string' || typeof image.entity !== 'string') return undefined;
  const before = business(change.oldImage);
  const after = business(change.newImage);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const changedFields = fields.filter((f) => !same(before?.[f], after?.[f]));
  const writer = change.eventName === 'REMOVE' ? change.oldImage : change.newImage;
  const at =
    change.eventName !== 'REMOVE' && typeof change.newImage?.updatedAt === 'string'
      ? change.newImage.updatedAt
      : removedAt(change.approximateAt, change.oldImage);
  const subjectNip = (change.newImage?.subjectNip ?? change.oldImage?.subjectNip) as string | undefined;
  return {
    id: change.eventId,
    orgId: image.orgId,
    at,
    entity: image.entity,
    entityId: String(image.entityId ?? ''),
    action: change.eventName === 'INSERT' ? 'created' : change.eventName === 'MODIFY' ? 'updated' : 'deleted',
    actor: String(writer?.updatedBy ?? 'system'),
    ...(typeof writer?.requestId === 'string' ? { requestId: writer.requestId } : {}),
    ...(subjectNip ? { subjectNip } : {}),
    changedFields,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
  };
}

/**
 * The span of a WIB month, or of one WIB day of it, as the audit keys' time range (UTC ISO, end exclusive: a key
 * `<at>#<event>` sorts after its `<at>`). Undefined for a day the month does not have (30 February).
 */
export function wibSpan(month: string, day?: number): [string, string] | undefined {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const WIB = 7 * 3_600_000;
  const at = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm - 1, dd) - WIB).toISOString();
  if (day === undefined) return [at(y, m, 1), at(y, m + 1, 1)];
  if (new Date(Date.UTC(y, m - 1, day)).getUTCMonth() !== m - 1) return undefined;
  return [at(y, m, day), at(y, m, day + 1)];
}
