import { Placeholder } from './Placeholder';

export function Activities() {
  return <Placeholder title="nav.activities" />;
}
