import { Placeholder } from './Placeholder';

export function Skp() {
  return <Placeholder title="nav.skp" />;
}
