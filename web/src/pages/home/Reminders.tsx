/**
 * What asks for attention, for everyone: the unread notifications (to the inbox), and the year's SKP while it is not
 * approved yet (none, a draft, returned: a way to the SKP page; submitted: that it waits).
 */
import { Link } from 'wouter';
import { FormError } from '../../components/forms';
import { type MessageKey, useI18n } from '../../i18n';
import { useUnreadCount } from '../inbox/data';
import { usePlan } from '../skp/data';

export function Reminders({ year }: { year: number }) {
  return (
    <ul className="home-reminders">
      <SkpReminder year={year} />
      <Unread />
    </ul>
  );
}

function Unread() {
  const { t } = useI18n();
  // The menu's badge asks the same; one answer serves both.
  const count = useUnreadCount();
  if (count === undefined) return null;
  return (
    <li>
      {count > 0 ? (
        <Link href="/kotak-masuk" className="home-link">
          {t('home.unread', { count })}
        </Link>
      ) : (
        <p>{t('home.noUnread')}</p>
      )}
    </li>
  );
}

/** The state's sentence and, when there is something to do on the SKP page, the link's words. */
const todo: Record<string, { say: MessageKey; go?: MessageKey }> = {
  none: { say: 'home.skp.none', go: 'home.skp.write' },
  draft: { say: 'home.skp.draft', go: 'home.skp.continue' },
  returned: { say: 'home.skp.returned', go: 'home.skp.fix' },
  submitted: { say: 'home.skp.submitted' },
};

function SkpReminder({ year }: { year: number }) {
  const { t } = useI18n();
  const plan = usePlan(year);
  if (plan.isError)
    return (
      <li>
        <FormError error={plan.error} />
      </li>
    );
  if (plan.data === undefined) return null;
  // Approved once (a version in force), the year is settled even while a revision is drafted.
  if (plan.data?.inForce) return null;
  const what = todo[plan.data ? plan.data.latest.state : 'none'];
  if (!what) return null;
  return (
    <li className="home-callout">
      <p>{t(what.say, { year })}</p>
      {what.go && (
        <Link href="/skp" className="home-link">
          {t(what.go, { year })}
        </Link>
      )}
    </li>
  );
}
