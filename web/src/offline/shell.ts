/**
 * The app reads config.json once at start, often before a newly installed service worker controls the page, so
 * the worker may not have kept it. Read it once more through the worker (now, or as it takes over): the next start
 * works offline.
 */
export function keepConfigForOffline(): void {
  if (!('serviceWorker' in navigator)) return;
  const viaWorker = () =>
    void fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' }).catch(() => undefined);
  if (navigator.serviceWorker.controller) viaWorker();
  else navigator.serviceWorker.addEventListener('controllerchange', viaWorker, { once: true });
}
