/** The plan's versions, newest first as the API lists them: number, state, and from when it applied. */
import { useI18n } from '../../i18n';
import type { Plan } from './data';
import { dateText, stateText } from './words';

export function VersionHistory({ versions }: { versions: Plan['versions'] }) {
  const { t, locale } = useI18n();
  return (
    <table className="skp-versions">
      <thead>
        <tr>
          <th scope="col">{t('skp.versions.number')}</th>
          <th scope="col">{t('skp.versions.state')}</th>
          <th scope="col">{t('skp.versions.date')}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.planVersion}>
            <td>{v.planVersion}</td>
            <td>{stateText(v.state, t)}</td>
            <td>{v.effectiveFrom ? dateText(v.effectiveFrom, locale) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
