import { Placeholder } from './Placeholder';

/** Still to be built (issue 15): see pages/dashboard/. */
export function Dashboard() {
  return <Placeholder title="nav.dashboard" />;
}
