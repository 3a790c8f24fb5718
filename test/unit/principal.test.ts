import { describe, expect, it } from 'vitest';
import { type Claims, claimList, type Group, type ParsedIdentity, parseClaims } from '../../shared/auth/principal.ts';

const NIP = '199003152015031001';

const lists: [label: string, value: Claims[string], expected: string[]][] = [
  ['API Gateway flattened list', '[admin_opd auditor]', ['admin_opd', 'auditor']],
  ['flattened list of one', '[auditor]', ['auditor']],
  ['flattened empty list', '[]', []],
  ['flattened list with commas', '[admin_opd, auditor]', ['admin_opd', 'auditor']],
  [
    'space-separated (OAuth scope)',
    'kinerja-api/transactions.write kinerja-api/surveys.read',
    ['kinerja-api/transactions.write', 'kinerja-api/surveys.read'],
  ],
  ['extra whitespace', '  a   b  ', ['a', 'b']],
  ['one value', 'auditor', ['auditor']],
  ['a real array', ['admin_opd', 'auditor'], ['admin_opd', 'auditor']],
  ['an empty array', [], []],
  ['empty string', '', []],
  ['only spaces', '   ', []],
  ['undefined', undefined, []],
  ['a number', 7, []],
  ['a boolean', true, []],
];

/** ID token claims as API Gateway hands them over (groups flattened). */
const idToken = (over: Claims = {}): Claims => ({
  sub: 'a1b2c3d4-user',
  aud: 'web-client',
  token_use: 'id',
  'cognito:username': NIP,
  'custom:org': 'medan',
  'custom:nip': NIP,
  'cognito:groups': '[admin_opd auditor]',
  ...over,
});

/** A Cognito client-credentials access token. */
const machineToken = (over: Claims = {}): Claims => ({
  sub: 'svc-frontoffice',
  client_id: 'svc-frontoffice',
  token_use: 'access',
  scope: 'kinerja-api/transactions.write kinerja-api/surveys.write',
  ...over,
});

/** A Cognito access token of a signed-in person: no custom attributes, but client_id and token_use access. */
const userAccessToken: Claims = {
  sub: 'a1b2c3d4-user',
  'cognito:groups': '[admin_opd]',
  client_id: 'web-client',
  token_use: 'access',
  scope: 'aws.cognito.signin.user.admin',
  username: NIP,
  origin_jti: 'f0e1',
  event_id: 'e-1',
  auth_time: 1790000000,
};

const user = (groups: Group[], subject = 'a1b2c3d4-user'): ParsedIdentity => ({
  kind: 'user',
  orgId: 'medan',
  nip: NIP,
  groups,
  subject,
});

const identities: [label: string, claims: Claims | undefined, expected: ParsedIdentity | undefined][] = [
  ['ID token with flattened groups', idToken(), user(['admin_opd', 'auditor'])],
  ['ID token with groups as an array', idToken({ 'cognito:groups': ['admin_bkpsdm'] }), user(['admin_bkpsdm'])],
  [
    'ID token, unknown groups dropped',
    idToken({ 'cognito:groups': '[admin_opd superadmin medan_Google]' }),
    user(['admin_opd']),
  ],
  ['ID token, only unknown groups', idToken({ 'cognito:groups': '[superadmin]' }), user([])],
  ['ID token without groups', idToken({ 'cognito:groups': undefined }), user([])],
  [
    'ID token without sub: subject falls back to the NIP',
    idToken({ sub: undefined }),
    user(['admin_opd', 'auditor'], NIP),
  ],
  ['ID token without custom:org', idToken({ 'custom:org': undefined }), undefined],
  ['ID token without custom:nip', idToken({ 'custom:nip': undefined }), undefined],
  ['ID token with an empty custom:org', idToken({ 'custom:org': '' }), undefined],
  ['ID token with an empty custom:nip', idToken({ 'custom:nip': '' }), undefined],
  [
    'machine access token',
    machineToken(),
    {
      kind: 'machine',
      clientId: 'svc-frontoffice',
      scopes: ['kinerja-api/transactions.write', 'kinerja-api/surveys.write'],
    },
  ],
  [
    'machine access token without scope',
    machineToken({ scope: undefined }),
    { kind: 'machine', clientId: 'svc-frontoffice', scopes: [] },
  ],
  ['client_id on an ID token is not a machine', machineToken({ token_use: 'id' }), undefined],
  ['access token without client_id', machineToken({ client_id: undefined }), undefined],
  ['access token with an empty client_id', machineToken({ client_id: '' }), undefined],
  [
    "a person's access token (no custom claims) is neither a person of an organisation nor a machine",
    userAccessToken,
    undefined,
  ],
  ['no claims at all', {}, undefined],
  ['undefined claims', undefined, undefined],
];

describe('claimList', () => {
  it.each(lists)('%s', (_label, value, expected) => {
    expect(claimList(value)).toEqual(expected);
  });
});

describe('parseClaims', () => {
  it.each(identities)('%s', (_label, claims, expected) => {
    expect(parseClaims(claims)).toEqual(expected);
  });
});
