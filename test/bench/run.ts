/**
 * `npm run bench`: measured ratios, never pass/fail on time. `npm run bench -- cold`, `-- activities`,
 * `-- services`, `-- scoring`, `-- notifications`, `-- web`, `-- documents` or
 * `-- analytics` runs one.
 */
// Node 20 is supported here; the SDK's notice about its future Node 22 floor is noise in the report.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { activitiesBench } from './activities.ts';
import { analyticsBench } from './analytics.ts';
import { coldStartBench } from './cold-start.ts';
import { documentsBench } from './documents.ts';
import { notificationsBench } from './notifications.ts';
import { scoringBench } from './scoring.ts';
import { servicesBench } from './services.ts';
import { webBench } from './web.ts';

const only = process.argv[2];
if (!only || only === 'cold') await coldStartBench();
if (!only || only === 'activities') await activitiesBench();
if (!only || only === 'services') await servicesBench();
if (!only || only === 'scoring') await scoringBench();
if (!only || only === 'notifications') await notificationsBench();
if (!only || only === 'web') await webBench();
if (!only || only === 'documents') await documentsBench();
if (!only || only === 'analytics') await analyticsBench();
