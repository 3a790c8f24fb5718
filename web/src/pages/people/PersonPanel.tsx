/**
 * One opened person: their record to change, and their Plt/Plh assignments. A record the caller may not read (an
 * Admin OPD asking for someone outside their OPD) shows the API's refusal here.
 */
import { useEffect, useRef } from 'react';
import { FormError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { ActingAssignments } from './ActingAssignments';
import { type Unit, useEmployee } from './data';
import { EditEmployeeForm } from './EmployeeForm';

export function PersonPanel({ nip, units, onClose }: { nip: string; units: Unit[]; onClose: () => void }) {
  const { t } = useI18n();
  const person = useEmployee(nip);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening someone takes the focus to their name, so a screen reader (and a phone's scroll) follows. The page
  // keys this panel by the NIP: each person opened mounts it afresh.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby="person-title" className="person-panel">
      <h2 id="person-title" ref={heading} tabIndex={-1}>
        {person.data ? person.data.name : t('people.person.titleNip', { nip })}
      </h2>
      {person.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : !person.data ? (
        <FormError error={person.error} source="path" />
      ) : (
        <>
          <p className="person-nip">
            NIP {person.data.nip} · {person.data.position}
          </p>
          {/* Keyed by the record: another person's form starts from their own values. */}
          <EditEmployeeForm key={person.data.nip} employee={person.data} units={units} refetch={person.refetch} />
          <h3>{t('people.acting.title')}</h3>
          <ActingAssignments person={person.data} />
        </>
      )}
      <button type="button" onClick={onClose}>
        {t('people.person.close')}
      </button>
    </section>
  );
}
