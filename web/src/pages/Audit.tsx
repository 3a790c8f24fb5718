import { Placeholder } from './Placeholder';

/** Still to be built (issue 15): see pages/audit/. */
export function Audit() {
  return <Placeholder title="nav.audit" />;
}
