import { pushTransactions, transactionItem } from '#shared/api/services';
import { type PushedItem, pushTransactionBatch } from '#shared/app/ingest';
import { json, machineHandler, parsePart } from '#shared/http/handler';
import { publicBaseUrl } from '#shared/http/links';
import { DomainError } from '#shared/messages/errors';

/** A batch of up to 100 transactions from an agency system: each item is validated on its own and gets its own result. */
export const handler = machineHandler(pushTransactions, ['transactions.write'], async (req) => {
  const items = req.body.transactions.map((raw, index): PushedItem => {
    try {
      return { transaction: parsePart(transactionItem, raw, `transactions.${index}`, req.lang) };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return { invalid: err, externalId: (raw as { externalId?: unknown } | null)?.externalId };
    }
  });
  return json(
    await pushTransactionBatch(req, items, {
      surveyValidDays: req.body.surveyValidDays,
      baseUrl: publicBaseUrl(req.headers),
    }),
  );
});
