import { describe, expect, it } from 'vitest';
import { auditEntryFrom, type Image } from '../../shared/domain/audit.ts';

const NIP = '199003152015031001';
const ADMIN = 'nip:198512302010122002';
const STREAM_AT = new Date('2026-03-02T04:05:06.000Z');

/** A stored employee record as the stream delivers it (unmarshalled). */
const stored = (over: Image = {}): Image => ({
  pk: `ORG#medan#EMP#${NIP}`,
  sk: 'EMP',
  gsi1pk: 'ORG#medan#UNIT#PELAYANAN',
  gsi1sk: `EMP#${NIP}`,
  gsi2pk: 'ORG#medan#SUP#198512302010122002',
  gsi2sk: `EMP#${NIP}`,
  orgId: 'medan',
  entity: 'employee',
  entityId: NIP,
  subjectNip: NIP,
  nip: NIP,
  name: 'Budi Siregar',
  position: 'Pengadministrasi Umum',
  unitCode: 'PELAYANAN',
  supervisorNip: '198512302010122002',
  version: 1,
  createdAt: '2026-03-01T01:00:00.000Z',
  updatedAt: '2026-03-01T01:00:00.000Z',
  updatedBy: ADMIN,
  requestId: 'req-1',
  ...over,
});

const TECHNICAL = [
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
];
const BUSINESS = {
  nip: NIP,
  name: 'Budi Siregar',
  position: 'Pengadministrasi Umum',
  unitCode: 'PELAYANAN',
  supervisorNip: '198512302010122002',
};

/** Bookkeeping every real write changes, which must never appear in changedFields. */
const bump: Image = {
  version: 2,
  updatedAt: '2026-03-02T04:05:00.000Z',
  updatedBy: 'nip:197001011995031003',
  requestId: 'req-2',
  gsi1pk: 'ORG#medan#UNIT#KTP',
  gsi1sk: 'EMP#x',
  gsi2pk: 'ORG#medan#SUP#x',
  pk: 'ORG#medan#EMP#moved',
  sk: 'EMP2',
  createdAt: '2030-01-01T00:00:00.000Z',
};

const modifications: [label: string, oldImage: Image, newImage: Image, changedFields: string[]][] = [
  ['one business field', stored(), stored({ ...bump, name: 'Budi Siregar, S.Kom' }), ['name']],
  [
    'two business fields, listed sorted',
    stored(),
    stored({ ...bump, unitCode: 'KTP', position: 'Operator' }),
    ['position', 'unitCode'],
  ],
  ['only bookkeeping changed', stored(), stored(bump), []],
  ['a field added', stored(), stored({ ...bump, email: 'budi@medan.go.id' }), ['email']],
  ['a field removed', stored(), (({ supervisorNip: _s, ...rest }) => rest)(stored(bump)), ['supervisorNip']],
  ['a field set to null from a value', stored(), stored({ ...bump, supervisorNip: null }), ['supervisorNip']],
  ['null and absent are the same', stored({ email: null }), stored(bump), []],
  [
    'a nested value changed',
    stored({ hours: { start: '07:30', end: '16:00' } }),
    stored({ ...bump, hours: { start: '08:00', end: '16:00' } }),
    ['hours'],
  ],
  ['a list reordered', stored({ tags: ['a', 'b'] }), stored({ ...bump, tags: ['b', 'a'] }), ['tags']],
  ['a number changed', stored({ weight: 30 }), stored({ ...bump, weight: 40 }), ['weight']],
];

const notAudited: [label: string, oldImage: Image | undefined, newImage: Image | undefined][] = [
  ['no orgId', undefined, (({ orgId: _o, ...rest }) => rest)(stored())],
  ['no entity', undefined, (({ entity: _e, ...rest }) => rest)(stored())],
  ['orgId not a string', undefined, stored({ orgId: 42 })],
  ['a removed record without entity', (({ entity: _e, ...rest }) => rest)(stored()), undefined],
  ['no image at all', undefined, undefined],
];

const times: [
  label: string,
  eventName: 'INSERT' | 'MODIFY',
  oldImage: Image | undefined,
  newImage: Image,
  at: string,
][] = [
  [
    'INSERT with updatedAt',
    'INSERT',
    undefined,
    stored({ updatedAt: '2026-03-02T04:00:00.000Z' }),
    '2026-03-02T04:00:00.000Z',
  ],
  [
    'MODIFY with updatedAt',
    'MODIFY',
    stored(),
    stored({ updatedAt: '2026-03-02T04:00:00.000Z' }),
    '2026-03-02T04:00:00.000Z',
  ],
  [
    'MODIFY without updatedAt',
    'MODIFY',
    stored(),
    (({ updatedAt: _u, ...rest }) => rest)(stored()),
    STREAM_AT.toISOString(),
  ],
  ['MODIFY with a non-string updatedAt', 'MODIFY', stored(), stored({ updatedAt: 12345 }), STREAM_AT.toISOString()],
];

describe('INSERT → created', () => {
  const entry = auditEntryFrom({ eventId: 'ev-1', eventName: 'INSERT', approximateAt: STREAM_AT, newImage: stored() });

  it('records who, when, what, with the new business state only', () => {
    expect(entry).toEqual({
      id: 'ev-1',
      orgId: 'medan',
      at: '2026-03-01T01:00:00.000Z',
      entity: 'employee',
      entityId: NIP,
      action: 'created',
      actor: ADMIN,
      requestId: 'req-1',
      subjectNip: NIP,
      changedFields: Object.keys(BUSINESS).sort(),
      after: BUSINESS,
    });
    expect(entry).not.toHaveProperty('before');
  });

  it.each(TECHNICAL)('keeps %s out of after and changedFields', (field) => {
    expect(entry?.after).not.toHaveProperty(field);
    expect(entry?.changedFields).not.toContain(field);
  });
});

describe('MODIFY → updated, listing exactly the business fields that changed', () => {
  it.each(modifications)('%s', (_label, oldImage, newImage, changedFields) => {
    const entry = auditEntryFrom({
      eventId: 'ev-2',
      eventName: 'MODIFY',
      approximateAt: STREAM_AT,
      oldImage,
      newImage,
    });
    expect(entry?.action).toBe('updated');
    expect(entry?.changedFields).toEqual(changedFields);
  });

  it('names the writer of the new image, its request, and both business states', () => {
    const entry = auditEntryFrom({
      eventId: 'ev-2',
      eventName: 'MODIFY',
      approximateAt: STREAM_AT,
      oldImage: stored(),
      newImage: stored({ ...bump, name: 'Budi' }),
    });
    expect(entry).toMatchObject({
      actor: 'nip:197001011995031003',
      requestId: 'req-2',
      before: BUSINESS,
      after: { ...BUSINESS, name: 'Budi' },
    });
  });
});

describe('REMOVE → deleted', () => {
  const entry = auditEntryFrom({ eventId: 'ev-3', eventName: 'REMOVE', approximateAt: STREAM_AT, oldImage: stored() });

  it('takes the actor from the old image and keeps the old state as before', () => {
    expect(entry).toMatchObject({
      id: 'ev-3',
      action: 'deleted',
      actor: ADMIN,
      requestId: 'req-1',
      subjectNip: NIP,
      entityId: NIP,
      orgId: 'medan',
      before: BUSINESS,
    });
    expect(entry).not.toHaveProperty('after');
    expect(entry?.changedFields).toEqual(Object.keys(BUSINESS).sort());
  });

  it('is dated by the stream, not by the last write of the removed record', () => {
    expect(entry?.at).toBe(STREAM_AT.toISOString());
  });
});

describe('at', () => {
  it.each(times)('%s', (_label, eventName, oldImage, newImage, at) => {
    expect(auditEntryFrom({ eventId: 'ev', eventName, approximateAt: STREAM_AT, oldImage, newImage })?.at).toBe(at);
  });
});

describe('actor when the record names no writer', () => {
  it('is system', () => {
    const { updatedBy: _u, requestId: _r, ...anonymous } = stored();
    const entry = auditEntryFrom({ eventId: 'ev', eventName: 'INSERT', approximateAt: STREAM_AT, newImage: anonymous });
    expect(entry?.actor).toBe('system');
    expect(entry).not.toHaveProperty('requestId');
  });
});

describe('records that are not business records are not audited', () => {
  it.each(notAudited)('%s', (_label, oldImage, newImage) => {
    expect(
      auditEntryFrom({
        eventId: 'ev',
        eventName: newImage ? 'INSERT' : 'REMOVE',
        approximateAt: STREAM_AT,
        oldImage,
        newImage,
      }),
    ).toBeUndefined();
  });
});
