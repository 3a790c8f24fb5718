/**
 * People a report or a refusal names (the API gives the first 100, and the count), each with their unit. Folded
 * (`folded`) where the list is background to a chart: a phone then scrolls past one line, not a hundred.
 */
import type { EvaluatedPerson } from './data';

export function PeopleList({
  title,
  people,
  folded = false,
}: {
  title: string;
  people: EvaluatedPerson[];
  folded?: boolean;
}) {
  const list = (
    <ul className="people-named">
      {people.map((p) => (
        <li key={p.nip}>
          {p.name} (NIP {p.nip}) — {p.unitName || p.unitCode}
        </li>
      ))}
    </ul>
  );
  return folded ? (
    <details className="people-folded">
      <summary>{title}</summary>
      {list}
    </details>
  ) : (
    <>
      <h4>{title}</h4>
      {list}
    </>
  );
}
