/** The plan's versions as the API lists them: number, state, from when it applied, and a revision's reason. */
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
          <th scope="col">{t('skp.versions.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.planVersion}>
            <td>{v.planVersion}</td>
            <td>{stateText(v.state, t)}</td>
            <td>{v.effectiveFrom ? dateText(v.effectiveFrom, locale) : '–'}</td>
            <td>{v.reason ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
