/**
 * Two people resolving one follow-up at the same moment: DynamoDB cancels the loser's transaction, with a failed
 * condition or (while the winner's is still in flight) a transaction conflict. Either way the loser hears 409
 * follow_up_resolved, never a 500.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/messages/errors.ts';
import { OrgScope } from '../../shared/store/org-scope.ts';
import { SurveyRepository } from '../../shared/store/surveys.ts';

beforeEach(() => {
  process.env.MAIN_TABLE = 'unit-main';
});

const open = {
  pk: 'ORG#kota-medan#UNIT#DUK-IDK',
  sk: 'FOLLOWUP#20261130T010203Z-link1',
  orgId: 'kota-medan',
  id: '20261130T010203Z-link1',
  status: 'open',
  version: 1,
  createdAt: '2026-11-30T01:02:03.000Z',
};

/** A client that reads the open follow-up and cancels the transaction with `code` on the follow-up's put. */
function racingScope(code: string) {
  const client = {
    send: async (command: { constructor: { name: string } }) => {
      if (command.constructor.name === 'GetCommand') return { Item: open };
      const err = new Error(
        `Transaction cancelled, please refer cancellation reasons for specific reasons [${code}, None]`,
      );
      err.name = 'TransactionCanceledException';
      Object.assign(err, { CancellationReasons: [{ Code: code }, { Code: 'None' }] });
      throw err;
    },
  };
  return new OrgScope('kota-medan', client as unknown as DynamoDBDocumentClient);
}

describe('resolving a follow-up someone resolves at the same moment', () => {
  it.each(['ConditionalCheckFailed', 'TransactionConflict'])('answers follow_up_resolved on %s', async (code) => {
    const repo = new SurveyRepository(racingScope(code));
    const ctx = { actor: 'nip:198203152006041002', now: '2026-11-30T02:00:00.000Z', requestId: 'r' };
    const refused = await repo.resolve('DUK-IDK', open.id, 'ditelepon', ctx).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('follow_up_resolved');
  });
});
