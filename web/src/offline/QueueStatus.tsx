/**
 * In the header while entries wait on the device: how many are not sent yet, a link to them. It also sends the
 * queue for the signed-in person: at start, when the browser is back online, and after each entry is queued.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'wouter';
import { useApi } from '../api/hooks';
import { useI18n } from '../i18n';
import { postActivity } from '../pages/activities/data';
import { refresh, sendNow, setSender } from './activityQueue';
import { useQueuedActivities, useQueueOwner } from './hooks';
import { keepConfigForOffline } from './shell';

export function QueueStatus() {
  const { t } = useI18n();
  const api = useApi();
  const owner = useQueueOwner();
  const queries = useQueryClient();
  const items = useQueuedActivities();

  useEffect(keepConfigForOffline, []);

  useEffect(() => {
    if (!owner) return;
    setSender({
      owner,
      send: (item) => postActivity(api, item.body, item.key),
      // Sent entries now come from the API: the list and the period's totals are read again.
      onSent: () => {
        void queries.invalidateQueries({ queryKey: ['activities'] });
        void queries.invalidateQueries({ queryKey: ['activity-totals'] });
      },
    });
    void refresh().then(sendNow);
    const online = () => void sendNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      setSender(undefined);
    };
  }, [api, owner, queries]);

  if (items.length === 0) return null;
  return (
    <Link href="/aktivitas" className="queue-count">
      {t('offline.headerCount', { count: items.length })}
    </Link>
  );
}
