/**
 * One pending entry of the queue: its checkbox (labelled by date and time, described by what was done), what it
 * counts towards, a refusal from the last decision beside it, and rejecting it with a reason.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Field } from '../../components/forms';
import { useI18n } from '../../i18n';
import { formatDate } from './format';
import type { QueueEntry, Refusal } from './queue';

interface Props {
  entry: QueueEntry;
  selected: boolean;
  onToggle: (selected: boolean) => void;
  refusal?: Refusal;
  onReload: () => void;
  busy: boolean;
  rejectOpen: boolean;
  onRejectOpen: (open: boolean) => void;
  /** Rejects with the reason; resolves to the message to show beside the reason when refused. */
  onReject: (reason: string) => Promise<string | undefined>;
}

export function QueueEntryItem(props: Props) {
  const { t, locale } = useI18n();
  const { entry, refusal } = props;
  const id = useId();
  const rejectButton = useRef<HTMLButtonElement>(null);
  const closeReject = () => {
    props.onRejectOpen(false);
    rejectButton.current?.focus();
  };
  return (
    <li className="entry">
      <label className="check">
        <input
          type="checkbox"
          checked={props.selected}
          disabled={props.busy}
          aria-describedby={`${id}-what`}
          onChange={(e) => props.onToggle(e.target.checked)}
        />
        <span>
          {formatDate(entry.date, locale)}, {entry.start}–{entry.end}
        </span>
      </label>
      <p id={`${id}-what`} className="entry-what">
        {entry.description}
      </p>
      <dl className="facts">
        <dt>{t('team.queue.rhk')}</dt>
        <dd>{entry.rhkName ?? entry.rhkId}</dd>
        <dt>{t('team.queue.iki')}</dt>
        <dd>{entry.ikiName ?? entry.ikiId}</dd>
        <dt>{t('team.queue.output')}</dt>
        <dd>
          {entry.outputQuantity.toLocaleString(locale)} {entry.outputUnit}
        </dd>
      </dl>
      {refusal && (
        <div className="refusal">
          <p className="field-error">{refusal.message}</p>
          {refusal.conflict && (
            <button type="button" onClick={props.onReload}>
              {t('team.queue.reload')}
            </button>
          )}
        </div>
      )}
      {props.rejectOpen ? (
        <RejectForm onReject={props.onReject} onCancel={closeReject} />
      ) : (
        <button type="button" ref={rejectButton} disabled={props.busy} onClick={() => props.onRejectOpen(true)}>
          {t('team.queue.reject')}
        </button>
      )}
    </li>
  );
}

function RejectForm({ onReject, onCancel }: { onReject: Props['onReject']; onCancel: () => void }) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const refused = await onReject(reason);
    // When accepted the entry leaves the list, this form with it.
    if (refused) {
      setError(refused);
      setBusy(false);
      form.current?.querySelector('input')?.focus();
    }
  };
  return (
    <form ref={form} className="reject-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field
        label={t('team.queue.reason')}
        name="reason"
        hint={t('team.queue.reasonHint')}
        error={error}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('team.queue.rejectConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('team.queue.cancel')}
        </button>
      </div>
    </form>
  );
}
