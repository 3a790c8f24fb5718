/**
 * Persetujuan SKP: the direct subordinates' plans for the current year by person, with where each stands; a plan
 * submitted to this supervisor opens for review (what changed, in words), to approve or return with a note.
 * After a decision the focus moves to the status line that tells the outcome.
 */
import { useEffect, useRef, useState } from 'react';
import { FormError } from '../../../components/forms';
import { useI18n } from '../../../i18n';
import { todayWib, yearOf } from '../../activities/dates';
import { stateText } from '../../skp/words';
import { useTeamPlans } from '../data';
import { PlanReview } from './PlanReview';

export type { TeamPlanEntry } from '../data';

export function PlanApprovals() {
  const { t } = useI18n();
  const year = yearOf(todayWib());
  const team = useTeamPlans(year);
  const [open, setOpen] = useState<string>();
  const [status, setStatus] = useState({ message: '' });
  const statusLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (status.message) statusLine.current?.focus();
  }, [status]);

  if (team.isError) return <FormError error={team.error} />;
  if (!team.data) return <p>{t('loading')}</p>;
  const items = team.data.items;
  const waiting = items.filter((m) => m.waitingForMe).length;
  return (
    <>
      {/* A live region like role=status, without being a second "status" on the Tim page beside the queue's. */}
      <p ref={statusLine} aria-live="polite" aria-atomic="true" className="status-line plan-status" tabIndex={-1}>
        {status.message}
      </p>
      {items.length === 0 ? (
        <p>{t('team.plans.empty')}</p>
      ) : (
        <>
          <p>{waiting ? t('team.plans.waiting', { count: waiting }) : t('team.plans.noneWaiting')}</p>
          <ul className="plan-members">
            {items.map((m) => (
              <li key={m.nip}>
                <article className="log-entry" aria-labelledby={`plan-member-${m.nip}`}>
                  <h3 id={`plan-member-${m.nip}`} className="plan-member-name">
                    {m.name}
                  </h3>
                  <p className="skp-hint">{m.position}</p>
                  <p>
                    {m.waitingForMe
                      ? t('team.plans.state.waiting')
                      : m.state === 'none'
                        ? t('team.plans.state.none')
                        : stateText(m.state, t)}
                  </p>
                  {m.waitingForMe && (
                    <button
                      type="button"
                      aria-expanded={open === m.nip}
                      onClick={() => setOpen(open === m.nip ? undefined : m.nip)}
                    >
                      {open === m.nip ? t('team.plans.close') : t('team.plans.open')}
                    </button>
                  )}
                  {open === m.nip && (
                    <PlanReview
                      member={m}
                      year={year}
                      onDecided={(message) => {
                        setOpen(undefined);
                        setStatus({ message });
                      }}
                    />
                  )}
                </article>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
