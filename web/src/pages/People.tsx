/**
 * Pegawai & unit: BKPSDM manages the whole organisation, an Admin OPD their own OPD. The unit tree (pick a unit,
 * add one under it), the unit's people with the API's search, one person's record (change it, their Plt/Plh), a
 * new person, the CSV import with its preview, and — for BKPSDM — how machine clients are registered.
 */
import { useState } from 'react';
import { useMe } from '../api/hooks';
import { FormError } from '../components/forms';
import { PageTitle } from '../components/PageTitle';
import { addWords, useI18n } from '../i18n';
import * as words from '../words/people';
import { AddUnitForm } from './people/AddUnitForm';
import { useUnits } from './people/data';
import { NewEmployeeForm } from './people/EmployeeForm';
import { ImportPanel } from './people/ImportPanel';
import { MachineClients } from './people/MachineClients';
import { OpenByNip, PeopleList } from './people/PeopleList';
import { PersonPanel } from './people/PersonPanel';
import { managerScope, unitsInScope } from './people/scope';
import { UnitTree } from './people/UnitTree';

addWords(words);

export function People() {
  const { t } = useI18n();
  const me = useMe();
  const tree = useUnits();
  const scope = managerScope(me.data?.groups ?? [], me.data?.employee?.unitPath);
  const units = tree.data ? unitsInScope(tree.data.units, scope) : [];
  const [picked, setPicked] = useState<string>();
  const [opened, setOpened] = useState<string>();
  const unit = units.find((u) => u.code === picked) ?? units[0];

  return (
    <>
      <PageTitle>{t('nav.people')}</PageTitle>
      {me.isPending || tree.isPending ? (
        <p role="status">{t('loading')}</p>
      ) : !tree.data ? (
        <FormError error={tree.error} />
      ) : (
        <>
          <p>
            {scope.wholeOrg
              ? t('people.scope.org', { org: tree.data.organisation.name })
              : units[0]
                ? t('people.scope.opd', { opd: units[0].name })
                : t('people.scope.none')}
          </p>
          <section aria-labelledby="units-title">
            <h2 id="units-title">{t('people.tree.title')}</h2>
            <UnitTree units={units} selected={unit?.code} onSelect={setPicked} />
          </section>
          {unit && (
            <section aria-labelledby="unit-people-title">
              <h2 id="unit-people-title">{t('people.list.title', { unit: unit.name })}</h2>
              {/* Keyed by the unit: a search starts afresh in another unit. */}
              <PeopleList key={unit.code} unit={unit} onOpen={setOpened} />
              <OpenByNip onOpen={setOpened} />
            </section>
          )}
          {opened && <PersonPanel key={opened} nip={opened} units={units} onClose={() => setOpened(undefined)} />}
          {(scope.wholeOrg || units.length > 0) && (
            <section aria-labelledby="unit-add-title">
              <h2 id="unit-add-title">{t('people.unit.title')}</h2>
              <AddUnitForm key={unit?.code} units={units} parent={unit?.code} wholeOrg={scope.wholeOrg} />
            </section>
          )}
          {unit && (
            <section aria-labelledby="person-new-title">
              <h2 id="person-new-title">{t('people.person.newTitle')}</h2>
              <NewEmployeeForm key={unit.code} units={units} unitCode={unit.code} onCreated={setOpened} />
            </section>
          )}
          <section aria-labelledby="import-title">
            <h2 id="import-title">{t('people.import.title')}</h2>
            <ImportPanel />
          </section>
          {scope.wholeOrg && (
            <section aria-labelledby="clients-title">
              <h2 id="clients-title">{t('people.clients.title')}</h2>
              <MachineClients org={tree.data.organisation} />
            </section>
          )}
        </>
      )}
    </>
  );
}
