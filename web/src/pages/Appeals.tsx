import { Placeholder } from './Placeholder';

/** Still to be built (issue 15): see pages/appeals/. */
export function Appeals() {
  return <Placeholder title="nav.appeals" />;
}
