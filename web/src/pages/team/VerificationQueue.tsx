/**
 * Antrean verifikasi: the pending entries of one's direct subordinates, oldest first, grouped by person. Many are
 * approved in one go (batches of 50, the API's limit), one is rejected with a reason. Each decision answers for
 * itself: accepted ones leave the list, refused ones keep their entry with the API's message beside it. After a
 * decision the focus moves to the status line that tells the outcome.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, unwrap } from '../../api/client';
import { useApi } from '../../api/hooks';
import { errorText, FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { QUEUE, useVerificationQueue } from './data';
import { QueueEntryItem } from './QueueEntryItem';
import { type DecisionResult, groupByPerson, inBatches, type QueueEntry, type Refusal, refusalOf } from './queue';

type Decision = Pick<QueueEntry, 'nip' | 'date' | 'id' | 'version'> & {
  decision: 'approve' | 'reject';
  reason?: string;
};

export function VerificationQueue() {
  const { t } = useI18n();
  const api = useApi();
  const queries = useQueryClient();
  const queue = useVerificationQueue();
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const [refusals, setRefusals] = useState<ReadonlyMap<string, Refusal>>(new Map());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [rejecting, setRejecting] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState({ message: '' });
  const [bulkError, setBulkError] = useState<unknown>();
  const statusLine = useRef<HTMLParagraphElement>(null);

  const entries = (queue.data?.pages.flatMap((p) => p.items) ?? []).filter((e) => !decided.has(e.id));
  const groups = groupByPerson(entries);
  const chosen = entries.filter((e) => selected.has(e.id));

  const select = (ids: string[], on: boolean) =>
    setSelected((before) => {
      const next = new Set(before);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });

  /** Sends the decisions in batches; keeps what each answered, even when a later batch fails as a whole. */
  const decide = async (decisions: Decision[]): Promise<{ results: DecisionResult[]; error?: unknown }> => {
    const results: DecisionResult[] = [];
    try {
      for (const batch of inBatches(decisions))
        results.push(...(await unwrap(api.POST('/activities/decisions', { body: { decisions: batch } }))).results);
    } catch (error) {
      return { results, error };
    }
    return { results };
  };

  const record = (results: DecisionResult[]) => {
    const accepted = results.filter((r) => r.status === 200).map((r) => r.id);
    setDecided((before) => new Set([...before, ...accepted]));
    select(accepted, false);
    setRefusals((before) => {
      const next = new Map(before);
      for (const r of results) r.status === 200 ? next.delete(r.id) : next.set(r.id, refusalOf(r));
      return next;
    });
    if (accepted.length) {
      void queries.invalidateQueries({ queryKey: ['team-activity'] });
      // The home page's count of what waits.
      void queries.invalidateQueries({ queryKey: [QUEUE, 'summary'] });
    }
    return accepted.length;
  };

  // After the list changed under the person's focus, the outcome is where they continue from.
  useEffect(() => {
    if (status.message) statusLine.current?.focus();
  }, [status]);
  const announce = (message: string) => setStatus({ message });

  const approveSelected = async () => {
    setBusy(true);
    setBulkError(undefined);
    const { results, error } = await decide(chosen.map((e) => ({ ...pick(e), decision: 'approve' })));
    const approved = record(results);
    setBulkError(error);
    setBusy(false);
    announce(t('team.queue.approved', { approved, refused: chosen.length - approved }));
  };

  const reject = async (entry: QueueEntry, reason: string): Promise<string | undefined> => {
    const { results, error } = await decide([{ ...pick(entry), decision: 'reject', reason }]);
    if (error)
      return error instanceof ApiError
        ? (error.fieldErrors()['decisions.0.reason'] ?? errorText(error, t))
        : errorText(error, t);
    const result = results[0]!;
    if (result.status !== 200) return refusalOf(result).message;
    record(results);
    setRejecting(undefined);
    announce(t('team.queue.rejected', { name: entry.name }));
    return undefined;
  };

  const reload = async () => {
    await queue.refetch();
    setRefusals(new Map());
    announce(t('team.queue.reloaded'));
  };

  if (queue.isPending) return <p role="status">{t('loading')}</p>;
  if (!queue.data)
    return (
      <>
        <FormError error={queue.error} />
        <button type="button" onClick={() => void queue.refetch()}>
          {t('error.retry')}
        </button>
      </>
    );
  const allIds = entries.map((e) => e.id);
  return (
    <>
      <p role="status" tabIndex={-1} ref={statusLine} className="status-line">
        {status.message}
      </p>
      {entries.length === 0 ? (
        <p>{t('team.queue.empty')}</p>
      ) : (
        <div className="bulk-bar">
          <label className="check">
            <input
              type="checkbox"
              checked={chosen.length === entries.length}
              disabled={busy}
              onChange={(e) => select(allIds, e.target.checked)}
            />
            <span>{t('team.queue.selectAll', { count: entries.length })}</span>
          </label>
          <button
            type="button"
            className="primary"
            disabled={busy || chosen.length === 0}
            onClick={() => void approveSelected()}
          >
            {busy ? t('team.queue.working') : t('team.queue.approveSelected', { count: chosen.length })}
          </button>
          <FormError error={bulkError} />
        </div>
      )}
      {groups.map((g) => (
        <section key={g.nip} aria-labelledby={`person-${g.nip}`} className="person-group">
          <h3 id={`person-${g.nip}`}>{g.name}</h3>
          <label className="check">
            <input
              type="checkbox"
              checked={g.entries.every((e) => selected.has(e.id))}
              disabled={busy}
              onChange={(e) =>
                select(
                  g.entries.map((x) => x.id),
                  e.target.checked,
                )
              }
            />
            <span>{t('team.queue.selectPerson', { name: g.name, count: g.entries.length })}</span>
          </label>
          <ul className="entries">
            {g.entries.map((e) => (
              <QueueEntryItem
                key={e.id}
                entry={e}
                selected={selected.has(e.id)}
                onToggle={(on) => select([e.id], on)}
                refusal={refusals.get(e.id)}
                onReload={() => void reload()}
                busy={busy}
                rejectOpen={rejecting === e.id}
                onRejectOpen={(open) => setRejecting(open ? e.id : undefined)}
                onReject={(reason) => reject(e, reason)}
              />
            ))}
          </ul>
        </section>
      ))}
      {queue.isFetchNextPageError && <FormError error={queue.error} />}
      {queue.hasNextPage && (
        <button type="button" disabled={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
          {queue.isFetchingNextPage ? t('loading') : t('team.queue.more')}
        </button>
      )}
    </>
  );
}

const pick = ({ nip, date, id, version }: QueueEntry) => ({ nip, date, id, version });
