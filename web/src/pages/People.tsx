import { Placeholder } from './Placeholder';

/** Still to be built (issue 15): see pages/people/. */
export function People() {
  return <Placeholder title="nav.people" />;
}
