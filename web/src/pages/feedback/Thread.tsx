/**
 * One feedback thread: who gave it, what it is about (by name), the text and the replies, the employee's
 * acknowledgement, and a reply form. A reply sent after the thread changed elsewhere (409) offers a reload and
 * keeps what was typed.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { TextAreaField } from '../activities/fields';
import { formatDate } from '../team/format';
import { type Feedback, useAcknowledge, useReply, useRhkOf } from './data';

/** `owner` is the thread's employee as the page asked for them: 'me' for one's own, else their NIP. */
export function Thread({ feedback: f, owner, onReload }: { feedback: Feedback; owner: string; onReload: () => void }) {
  const { t, locale } = useI18n();
  const headId = `thread-${f.id}`;
  const mine = owner === 'me';
  // Acknowledging takes its button away: the focus goes to the line that now says it is done.
  const [acknowledging, setAcknowledging] = useState(false);
  const ackLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (acknowledging && f.acknowledgedAt) ackLine.current?.focus();
  }, [acknowledging, f.acknowledgedAt]);
  return (
    <article className="thread" aria-labelledby={headId}>
      <h3 id={headId}>{t('feedback.from', { name: f.fromName ?? f.from })}</h3>
      <p className="thread-meta">
        <AboutText about={f.about} nip={owner} /> · <time dateTime={f.createdAt}>{when(f.createdAt, locale)}</time>
      </p>
      <p className="thread-text">{f.text}</p>
      {f.replies.length > 0 && (
        <ol className="replies" aria-label={t('feedback.replies')}>
          {f.replies.map((r) => (
            <li key={r.at + r.by}>
              <p className="thread-meta">
                <strong>{r.byName ?? r.by}</strong> · <time dateTime={r.at}>{when(r.at, locale)}</time>
              </p>
              <p className="thread-text">{r.text}</p>
            </li>
          ))}
        </ol>
      )}
      {f.acknowledgedAt ? (
        <p className="thread-ack" ref={ackLine} tabIndex={-1}>
          {mine ? t('feedback.acknowledged') : t('feedback.acknowledgedBy')}
        </p>
      ) : (
        mine && (
          <Acknowledge
            feedback={f}
            describedBy={headId}
            onReload={onReload}
            onAcknowledge={() => setAcknowledging(true)}
          />
        )
      )}
      <ReplyForm feedback={f} owner={owner} onReload={onReload} />
    </article>
  );
}

/** A date-time in WIB, as the people of the thread live it. */
export const when = (iso: string, locale: string) =>
  `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(iso))} WIB`;

/** What the feedback is about, in words: an RHK by its title (from the plan of its year), a period, a day. */
function AboutText({ about, nip }: { about: Feedback['about']; nip: string }) {
  const { t, locale } = useI18n();
  const isRhk = about.kind === 'rhk';
  const rhk = useRhkOf(isRhk ? nip : undefined, Number(about.year));
  if (about.kind === 'period') return t('feedback.about.period', { period: String(about.periodId) });
  if (about.kind === 'activity') return t('feedback.about.activity', { date: formatDate(String(about.date), locale) });
  if (isRhk) {
    // The code only when the plan no longer names it; while the plan loads, "RHK" alone.
    const title = rhk.data ? (rhk.data.find((r) => r.id === about.rhkId)?.title ?? String(about.rhkId)) : '…';
    return t('feedback.about.rhk', { title });
  }
  return t('feedback.about.general');
}

function Acknowledge({
  feedback: f,
  describedBy,
  onReload,
  onAcknowledge,
}: {
  feedback: Feedback;
  describedBy: string;
  onReload: () => void;
  onAcknowledge: () => void;
}) {
  const { t } = useI18n();
  const acknowledge = useAcknowledge(f.id);
  return (
    <div className="actions">
      <button
        type="button"
        aria-describedby={describedBy}
        disabled={acknowledge.isPending}
        onClick={() => {
          onAcknowledge();
          acknowledge.mutate(f.version);
        }}
      >
        {t('feedback.acknowledge')}
      </button>
      <Conflict error={acknowledge.error} onReload={reloaded(acknowledge.reset, onReload)} />
    </div>
  );
}

function ReplyForm({ feedback: f, owner, onReload }: { feedback: Feedback; owner: string; onReload: () => void }) {
  const { t } = useI18n();
  const reply = useReply(owner, f.id);
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const error = reply.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    reply.mutate(
      { text, version: f.version },
      {
        onSuccess: () => {
          setText('');
          setSent(true);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="reply-form">
      <Conflict error={error} onReload={reloaded(reply.reset, onReload)} />
      <TextAreaField
        label={t('feedback.reply')}
        name="text"
        rows={2}
        error={error instanceof ApiError ? error.fieldErrors().text : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p role="status" className="sent">
        {sent ? t('feedback.replySent') : ''}
      </p>
      <button type="submit" disabled={reply.isPending}>
        {reply.isPending ? t('feedback.working') : t('feedback.replySend')}
      </button>
    </form>
  );
}

const reloaded = (reset: () => void, reload: () => void) => () => {
  reset();
  reload();
};

/** A refusal: a 409 says the thread changed and offers a reload; anything else as the API says it. */
function Conflict({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  if (!(error instanceof ApiError && error.status === 409)) return <FormError error={error} />;
  return (
    <div role="alert" className="form-error">
      <p>{t('feedback.conflict')}</p>
      <button type="button" onClick={onReload}>
        {t('feedback.reload')}
      </button>
    </div>
  );
}
