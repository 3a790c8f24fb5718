/** The queue as the page sees it: the signed-in person's entries only, and whether the browser is online. */
import { useMemo, useSyncExternalStore } from 'react';
import { useMe } from '../api/hooks';
import { getSnapshot, subscribe } from './activityQueue';
import type { QueuedActivity } from './queue';

/** Whose queue: `<orgId>/<nip>` of the signed-in employee (undefined until known, or for a person with no record). */
export function useQueueOwner(): string | undefined {
  const me = useMe();
  const nip = me.data?.employee?.nip;
  return nip ? `${me.data?.orgId}/${nip}` : undefined;
}

export function useQueuedActivities(): QueuedActivity[] {
  const owner = useQueueOwner();
  const items = useSyncExternalStore(subscribe, getSnapshot);
  return useMemo(() => (owner ? items.filter((i) => i.owner === owner) : []), [items, owner]);
}

const onLineChange = (listener: () => void) => {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
};

export function useOnline(): boolean {
  return useSyncExternalStore(onLineChange, () => navigator.onLine);
}
