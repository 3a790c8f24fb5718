/**
 * The people of the chosen unit and its sub-units, 25 at a time, with the API's search (the start of a name word,
 * or a NIP prefix, within the unit). Picking one opens their record.
 */
import { type FormEvent, useState } from 'react';
import { Field, FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { type Unit, useUnitPeople } from './data';

export function PeopleList({ unit, onOpen }: { unit: Unit; onOpen: (nip: string) => void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const people = useUnitPeople(unit.code, q);
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQ(typed.trim());
  };
  return (
    <>
      <search aria-label={t('people.search.label', { unit: unit.name })}>
        <form onSubmit={search} noValidate>
          <Field
            label={t('people.search.field')}
            name="q"
            type="search"
            hint={t('people.search.hint')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit">{t('people.search.go')}</button>
        </form>
      </search>
      {people.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : people.error ? (
        <FormError error={people.error} source="query" />
      ) : (
        <>
          <p role="status">
            {people.isPlaceholderData
              ? t('loading')
              : q
                ? t('people.search.found', { count: items.length, q })
                : t('people.list.count', { count: items.length, more: people.hasNextPage ? '+' : '' })}
          </p>
          <ul className="people">
            {items.map((p) => (
              <li key={p.nip}>
                <button type="button" className="person" onClick={() => onOpen(p.nip)}>
                  <span className="person-name">{p.name}</span>
                  <span className="person-nip">
                    {p.nip} · {p.unitCode}
                  </span>
                  <span className="person-role">{p.position}</span>
                </button>
              </li>
            ))}
          </ul>
          {people.hasNextPage && (
            <button type="button" disabled={people.isFetchingNextPage} onClick={() => void people.fetchNextPage()}>
              {t('people.list.more')}
            </button>
          )}
        </>
      )}
    </>
  );
}

/** Opens anyone's record by NIP (the API decides whether the caller may read it). */
export function OpenByNip({ onOpen }: { onOpen: (nip: string) => void }) {
  const { t } = useI18n();
  const [nip, setNip] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (nip.trim()) onOpen(nip.replace(/\s+/g, ''));
      }}
      noValidate
    >
      <Field
        label={t('people.open.nip')}
        name="nip"
        inputMode="numeric"
        autoComplete="off"
        value={nip}
        onChange={(e) => setNip(e.target.value)}
      />
      <button type="submit">{t('people.open.go')}</button>
    </form>
  );
}
