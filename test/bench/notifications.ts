/**
 * Notification latency on the local stack with the default stream poll interval: from the answer to a write (a
 * supervisor's feedback) to the notification in the employee's inbox, p50 and p95 (target p95 ≤ 2 s).
 */
import { performance } from 'node:perf_hooks';
import { DEMO_ORG } from '../../infra/local/demo-data.ts';
import { createIssuer } from '../../infra/local/issuer.ts';
import { startLocalApi } from '../../infra/local/runtime.ts';
import { withBenchDatabase } from './support.ts';

const ROUNDS = Number(process.env.BENCH_NOTIFICATIONS ?? 40);
const KASI = '198203152006041002';
const STAFF = '199001152015031003';

export async function notificationsBench(): Promise<void> {
  await withBenchDatabase(async () => {
    const issuer = await createIssuer();
    const api = await startLocalApi({
      endpoint: process.env.DYNAMODB_ENDPOINT!,
      tableNames: { main: 'bench-main', audit: 'bench-audit' },
      issuer,
      port: 0,
    });
    try {
      const [kasi, staff] = await Promise.all([
        issuer.userToken({ orgId: DEMO_ORG.orgId, nip: KASI, groups: [] }),
        issuer.userToken({ orgId: DEMO_ORG.orgId, nip: STAFF, groups: [] }),
      ]);
      const latest = async () => {
        const res = await fetch(`${api.url}/me/notifications?limit=1`, {
          headers: { authorization: `Bearer ${staff}` },
        });
        return ((await res.json()) as { items: { body: string }[] }).items[0]?.body;
      };
      const ms: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const text = `Catatan bench ${i}`;
        const res = await fetch(`${api.url}/employees/${STAFF}/feedback`, {
          method: 'POST',
          headers: { authorization: `Bearer ${kasi}`, 'content-type': 'application/json' },
          body: JSON.stringify({ about: { kind: 'general' }, text }),
        });
        if (res.status !== 201) throw new Error(`feedback failed: ${res.status} ${await res.text()}`);
        const written = performance.now();
        while ((await latest()) !== text) {
          if (performance.now() - written > 15_000) throw new Error(`notification ${i} did not arrive within 15 s`);
          await new Promise((r) => setTimeout(r, 10));
        }
        ms.push(performance.now() - written);
      }
      const sorted = [...ms].sort((a, b) => a - b);
      const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
      console.log(
        `\nNotification latency, write → inbox, ${ROUNDS} feedbacks on the local stack (default poll interval):`,
      );
      console.log(
        `  p50 ${pct(50).toFixed(0)} ms · p95 ${pct(95).toFixed(0)} ms · max ${sorted.at(-1)!.toFixed(0)} ms  (target p95 ≤ 2,000 ms)`,
      );
    } finally {
      await api.stop();
    }
  });
}
