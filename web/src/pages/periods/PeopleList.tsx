/** People a report or a refusal names (the API gives the first 100, and the count), each with their unit. */
import type { EvaluatedPerson } from './data';

export function PeopleList({ title, people }: { title: string; people: EvaluatedPerson[] }) {
  return (
    <>
      <h4>{title}</h4>
      <ul className="people-named">
        {people.map((p) => (
          <li key={p.nip}>
            {p.name} (NIP {p.nip}) — {p.unitName || p.unitCode}
          </li>
        ))}
      </ul>
    </>
  );
}
