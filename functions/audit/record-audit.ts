import { recordAuditEntry } from '#shared/app/audit';
import { metrics } from '#shared/observability';
import { streamConsumer } from '#shared/stream-consumer';

/** One stream record → one audit entry. A failure fails only this record (partial batch response). */
export const handler = streamConsumer(
  async (change) => {
    const outcome = await recordAuditEntry(change);
    if (outcome !== 'ignored')
      metrics.addMetric(outcome === 'stored' ? 'AuditEntryStored' : 'AuditEntryDuplicate', 'Count', 1);
  },
  { inParallel: true },
);
