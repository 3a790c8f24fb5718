/**
 * One audit entry: what record and what was done to it, who (by name, with the NIP; a system by its id), when in
 * WIB, the employee concerned, the reason the change carries, the correlation id of the request, and every changed
 * field as before → after.
 */
import { type MessageKey, useI18n } from '../../i18n';
import type { AuditEntry } from './data';
import { fieldChanges, reasonsOf, valueText } from './diff';

export const entityName = (entity: string, t: (k: MessageKey) => string) => {
  const key = `audit.entity.${entity}` as MessageKey;
  const name = t(key);
  return name === key ? entity : name;
};

const wibTime = (at: string, locale: string) =>
  `${new Date(at).toLocaleString(locale, {
    timeZone: 'Asia/Jakarta',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })} WIB`;

export function EntryItem({ entry: e, onHistory }: { entry: AuditEntry; onHistory: () => void }) {
  const { t, locale } = useI18n();
  const changes = fieldChanges(e);
  const reasons = reasonsOf(changes);
  const actorNip = e.actor.startsWith('nip:') ? e.actor.slice(4) : undefined;
  return (
    <li className="entry audit-entry">
      <h3>
        {t('audit.entryTitle', {
          entity: entityName(e.entity, t),
          id: e.entityId,
          action: t(`audit.action.${e.action}`),
        })}
      </h3>
      <dl className="facts">
        <dt>{t('audit.who')}</dt>
        <dd>{actorNip ? `${e.actorName ?? ''} (NIP ${actorNip})`.trim() : t('audit.system', { actor: e.actor })}</dd>
        <dt>{t('audit.when')}</dt>
        <dd>
          <time dateTime={e.at}>{wibTime(e.at, locale)}</time>
        </dd>
        {e.subjectNip && (
          <>
            <dt>{t('audit.subject')}</dt>
            <dd>{`${e.subjectName ?? ''} (NIP ${e.subjectNip})`.trim()}</dd>
          </>
        )}
        {reasons.length > 0 && (
          <>
            <dt>{t('audit.reason')}</dt>
            {reasons.map((r) => (
              <dd key={r} className="audit-reason">
                {r}
              </dd>
            ))}
          </>
        )}
        <dt>{t('audit.correlation')}</dt>
        <dd>
          <code>{e.requestId ?? '—'}</code>
        </dd>
      </dl>
      <h4>{t('audit.changes')}</h4>
      {changes.length === 0 ? (
        <p>{t('audit.noChanges')}</p>
      ) : (
        <ul className="audit-diff" aria-label={t('audit.changes')}>
          {changes.map((c) => (
            <li key={c.path}>
              <code>{c.path}</code>: {t('audit.before')} <del>{valueText(c.before)}</del> → {t('audit.after')}{' '}
              <ins>{valueText(c.after)}</ins>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onHistory}>
        {t('audit.history')}
      </button>
    </li>
  );
}
