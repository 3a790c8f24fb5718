/**
 * The machine clients (agency systems such as SIAK) registered to the organisation, read-only: registering one
 * or rotating its secret stays with IT and the bootstrap command, which the page shows.
 */
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { useMachineClients } from './data';

export function MachineClients({ org }: { org: { orgId: string; name: string } }) {
  const { t, locale } = useI18n();
  const clients = useMachineClients(true);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Jakarta' });
  return (
    <>
      {clients.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : !clients.data ? (
        <FormError error={clients.error} />
      ) : clients.data.items.length === 0 ? (
        <p>{t('people.clients.none')}</p>
      ) : (
        <ul className="client-list">
          {clients.data.items.map((c) => (
            <li key={c.clientId}>
              <span className="person-name">{c.name}</span>
              <br />
              <span className="person-nip">
                {t('people.clients.item', {
                  id: c.clientId,
                  at: when.format(new Date(c.registeredAt)),
                  by: c.registeredBy,
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>{t('people.clients.intro')}</p>
      <pre className="command">
        <code>
          {`npm run bootstrap -- --table <MainTableName> --org ${org.orgId} --name "${org.name}" --admin-nip <NIP admin> --admin-name "<nama admin>" --machine-client <clientId> --machine-name "<nama sistem>"`}
        </code>
      </pre>
      <p>{t('people.clients.limit')}</p>
    </>
  );
}
