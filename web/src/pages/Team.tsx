import { Placeholder } from './Placeholder';

export function Team() {
  return <Placeholder title="nav.team" />;
}
