import { describe, expect, it } from 'vitest';
import { matchesFilters } from '../../infra/local/event-filter.ts';

type Pattern = Record<string, unknown>;

/** DynamoDB stream records as Lambda sees them. */
const insert = {
  eventName: 'INSERT',
  dynamodb: {
    Keys: { pk: { S: 'ORG#medan#EMP#199003152015031001' }, sk: { S: 'EMP' } },
    NewImage: { pk: { S: 'ORG#medan#EMP#199003152015031001' }, entity: { S: 'employee' }, version: { N: '1' } },
  },
};
const modify = {
  eventName: 'MODIFY',
  dynamodb: {
    Keys: { pk: { S: 'ORG#medan#UNIT#KTP' }, sk: { S: 'UNIT' } },
    OldImage: { entity: { S: 'unit' }, version: { N: '1' } },
    NewImage: { entity: { S: 'unit' }, version: { N: '2' } },
  },
};
const remove = {
  eventName: 'REMOVE',
  dynamodb: {
    Keys: { pk: { S: 'ORG#medan#EMP#1' }, sk: { S: 'EMP' } },
    OldImage: { entity: { S: 'employee' } },
  },
};
const system = {
  eventName: 'INSERT',
  dynamodb: {
    Keys: { pk: { S: 'SYS#machine-client#abc' }, sk: { S: 'CLIENT' } },
    NewImage: { clientId: { S: 'abc' } },
  },
};
/** DynamoDB-JSON numbers are strings ({ N: '42' }); a few stream fields are real JSON numbers. */
const withTime = { ...insert, dynamodb: { ...insert.dynamodb, ApproximateCreationDateTime: 1790000000 } };

const orgPrefix: Pattern = { dynamodb: { Keys: { pk: { S: [{ prefix: 'ORG#' }] } } } };

const cases: [label: string, patterns: Pattern[], record: unknown, expected: boolean][] = [
  // literal equality
  ['literal equal', [{ eventName: ['INSERT'] }], insert, true],
  ['literal different', [{ eventName: ['INSERT'] }], modify, false],
  ['literal is case-sensitive', [{ eventName: ['insert'] }], insert, false],
  ['one of several literals', [{ eventName: ['INSERT', 'MODIFY'] }], modify, true],
  ['none of several literals', [{ eventName: ['INSERT', 'MODIFY'] }], remove, false],
  ['literal on a missing key', [{ eventSource: ['aws:dynamodb'] }], insert, false],
  ['a number string is not a number', [{ dynamodb: { NewImage: { version: { N: [1] } } } }], insert, false],
  ['a number string matches as a string', [{ dynamodb: { NewImage: { version: { N: ['1'] } } } }], insert, true],

  // prefix
  ['prefix ORG# on an ORG key (the manifest filter)', [orgPrefix], insert, true],
  ['prefix ORG# on a SYS key', [orgPrefix], system, false],
  ['prefix on a JSON number', [{ dynamodb: { ApproximateCreationDateTime: [{ prefix: '17' }] } }], withTime, false],
  [
    'prefix on a DynamoDB number (a string)',
    [{ dynamodb: { NewImage: { version: { N: [{ prefix: '1' }] } } } }],
    insert,
    true,
  ],
  ['prefix on a missing value', [orgPrefix], { eventName: 'INSERT' }, false],
  ['a longer prefix', [{ dynamodb: { Keys: { pk: { S: [{ prefix: 'ORG#medan#EMP#' }] } } } }], modify, false],

  // exists
  ['exists true, present', [{ dynamodb: { NewImage: { entity: { S: [{ exists: true }] } } } }], insert, true],
  [
    'exists true, absent (REMOVE has no new image)',
    [{ dynamodb: { NewImage: { entity: { S: [{ exists: true }] } } } }],
    remove,
    false,
  ],
  ['exists false, absent', [{ dynamodb: { NewImage: { entity: { S: [{ exists: false }] } } } }], remove, true],
  ['exists false, present', [{ dynamodb: { NewImage: { entity: { S: [{ exists: false }] } } } }], insert, false],

  // anything-but
  ['anything-but, another value', [{ eventName: [{ 'anything-but': ['REMOVE'] }] }], insert, true],
  ['anything-but, the banned value', [{ eventName: [{ 'anything-but': ['REMOVE'] }] }], remove, false],
  ['anything-but, one of several banned', [{ eventName: [{ 'anything-but': ['REMOVE', 'MODIFY'] }] }], modify, false],
  ['anything-but, a single banned value', [{ eventName: [{ 'anything-but': 'REMOVE' }] }], remove, false],
  ['anything-but, a single value not banned', [{ eventName: [{ 'anything-but': 'REMOVE' }] }], modify, true],
  ['anything-but, a missing value', [{ eventSource: [{ 'anything-but': ['x'] }] }], insert, false],

  // mixed alternatives in one leaf
  [
    'literal or prefix: the prefix matches',
    [{ dynamodb: { Keys: { pk: { S: ['SYS#x', { prefix: 'ORG#' }] } } } }],
    modify,
    true,
  ],
  [
    'literal or prefix: neither matches',
    [{ dynamodb: { Keys: { pk: { S: ['SYS#x', { prefix: 'ORG#' }] } } } }],
    system,
    false,
  ],

  // AND across keys, at several depths
  ['AND: both match', [{ eventName: ['MODIFY'], ...orgPrefix }], modify, true],
  ['AND: the event name does not', [{ eventName: ['MODIFY'], ...orgPrefix }], insert, false],
  ['AND: the key does not', [{ eventName: ['INSERT'], ...orgPrefix }], system, false],
  [
    'AND inside a nested object',
    [{ dynamodb: { Keys: { pk: { S: [{ prefix: 'ORG#' }] }, sk: { S: ['UNIT'] } } } }],
    insert,
    false,
  ],
  [
    'AND inside a nested object, both match',
    [{ dynamodb: { Keys: { pk: { S: [{ prefix: 'ORG#' }] }, sk: { S: ['UNIT'] } } } }],
    modify,
    true,
  ],
  ['a nested pattern where the record has a plain value', [{ eventName: { S: ['INSERT'] } }], insert, false],

  // OR across patterns
  ['OR: the second pattern matches', [{ eventName: ['INSERT'] }, { eventName: ['REMOVE'] }], remove, true],
  ['OR: no pattern matches', [{ eventName: ['INSERT'] }, { eventName: ['REMOVE'] }], modify, false],
  ['OR: a nested and a flat pattern', [orgPrefix, { eventName: ['INSERT'] }], system, true],

  // no patterns
  ['no patterns: everything passes', [], system, true],
  ['no patterns: even an empty record', [], {}, true],
  ['an empty pattern matches', [{}], system, true],
];

const unsupported: [label: string, pattern: Pattern][] = [
  ['numeric', { dynamodb: { NewImage: { version: { N: [{ numeric: ['>', 0] }] } } } }],
  ['suffix', { dynamodb: { Keys: { pk: { S: [{ suffix: '#1' }] } } } }],
  ['equals-ignore-case', { eventName: [{ 'equals-ignore-case': 'insert' }] }],
  ['an empty rule object', { eventName: [{}] }],
];

describe('matchesFilters', () => {
  it.each(cases)('%s', (_label, patterns, record, expected) => {
    expect(matchesFilters(record, patterns)).toBe(expected);
  });
});

describe('rules Lambda has but the local poller does not implement are refused loudly', () => {
  it.each(unsupported)('%s', (_label, pattern) => {
    expect(() => matchesFilters(insert, [pattern])).toThrow(/unsupported filter rule/);
  });
});
