import { Placeholder } from './Placeholder';

/** Still to be built (issue 15): see pages/periods/. */
export function Periods() {
  return <Placeholder title="nav.periods" />;
}
