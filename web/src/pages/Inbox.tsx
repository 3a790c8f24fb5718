import { Placeholder } from './Placeholder';

export function Inbox() {
  return <Placeholder title="nav.inbox" />;
}
