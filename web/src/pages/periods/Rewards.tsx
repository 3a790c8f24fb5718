/**
 * The reward list of a unit subtree for the chosen period, ranked as the API ranks it, and its CSV export saved
 * as a file with the name the API gives it.
 */
import { useState } from 'react';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { SelectField } from '../activities/fields';
import { predikatName, ratingName } from '../evaluation/names';
import { type Unit, useDownloadRecap, useDownloadRewards, useRewards } from './data';
import { formatNumber } from './format';

export function Rewards({ periodId, units }: { periodId: string; units: Unit[] }) {
  const { t, locale } = useI18n();
  const [code, setCode] = useState(units[0]?.code ?? '');
  const rewards = useRewards(code || undefined, periodId);
  const download = useDownloadRewards();
  const recap = useDownloadRecap();
  const depth = (u: Unit) => u.path.split('/').filter(Boolean).length - 1;
  return (
    <section aria-labelledby="periods-rewards">
      <h2 id="periods-rewards">{t('periods.rewards.title')}</h2>
      <SelectField
        label={t('periods.rewards.unit')}
        name="rewardUnit"
        value={code}
        onChange={(e) => {
          setCode(e.target.value);
          download.reset();
          recap.reset();
        }}
      >
        {units.map((u) => (
          <option key={u.code} value={u.code}>
            {'— '.repeat(depth(u))}
            {u.name}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button
          type="button"
          disabled={!code || download.isPending}
          onClick={() => download.mutate({ code, periodId })}
        >
          {t('periods.rewards.download')}
        </button>
        <button type="button" disabled={!code || recap.isPending} onClick={() => recap.mutate({ code, periodId })}>
          {t('periods.rewards.recap')}
        </button>
      </div>
      <FormError error={download.error ?? recap.error} />
      <p role="status" className="status-line">
        {download.data || recap.data
          ? t('periods.rewards.downloaded', { name: [download.data, recap.data].filter(Boolean).join(', ') })
          : ''}
      </p>
      {rewards.isError ? (
        <FormError error={rewards.error} />
      ) : !rewards.data ? (
        <p role="status">{t('loading')}</p>
      ) : rewards.data.items.length === 0 ? (
        <p>{t('periods.rewards.none')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must take the keyboard to scroll
        <section className="table-scroll" tabIndex={0} aria-labelledby="periods-rewards-caption">
          <table className="data-table">
            <caption id="periods-rewards-caption">
              {t('periods.rewards.caption', { count: rewards.data.items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('periods.rewards.rank')}</th>
                <th scope="col">{t('periods.rewards.name')}</th>
                <th scope="col">{t('periods.rewards.predikat')}</th>
                <th scope="col">{t('periods.rewards.nilai')}</th>
                <th scope="col">{t('periods.rewards.perilaku')}</th>
                <th scope="col">{t('periods.rewards.final')}</th>
              </tr>
            </thead>
            <tbody>
              {rewards.data.items.map((r) => (
                <tr key={r.nip}>
                  <td>{r.rank}</td>
                  <th scope="row">
                    {r.name}
                    <span className="sub">
                      NIP {r.nip} · {r.unitName}
                    </span>
                  </th>
                  <td>{predikatName(r.predikat, t)}</td>
                  <td>{formatNumber(r.nilaiKinerja, locale)}</td>
                  <td>{ratingName(r.perilaku, t)}</td>
                  <td>{r.final ? t('periods.rewards.yes') : t('periods.rewards.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
