/** The whole catalogue: what tests check and what runs unbundled; a deployed function carries only its part. */
import { activityMessages } from './activities.ts';
import { commonMessages } from './common.ts';
import { documentMessages } from './documents.ts';
import { evaluationMessages } from './evaluations.ts';
import { feedbackMessages } from './feedback.ts';
import { gatewayMessages } from './gateway.ts';
import { peopleMessages } from './people.ts';
import { periodMessages } from './periods.ts';
import { planMessages } from './plans.ts';
import { serviceMessages } from './services.ts';
import { signalMessages } from './signals.ts';

export const allMessages = {
  ...commonMessages,
  ...gatewayMessages,
  ...peopleMessages,
  ...periodMessages,
  ...planMessages,
  ...activityMessages,
  ...serviceMessages,
  ...evaluationMessages,
  ...feedbackMessages,
  ...documentMessages,
  ...signalMessages,
};
