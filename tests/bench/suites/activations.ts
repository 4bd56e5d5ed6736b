import autocannon from 'autocannon';
import { scalePortal, type ScalePortal } from './scale-portal';
import { median, type BenchContext, type BenchSuite, type Measure } from './types';

const CONNECTIONS = 8;

/** Requests per second autocannon sustained with 8 connections; fails on any non-2xx answer. */
async function load(
  ctx: BenchContext,
  portal: ScalePortal,
  path: string,
  body: (i: number) => Record<string, string>,
  seconds = ctx.smoke ? 1 : 5,
): Promise<number> {
  let i = 0;
  const result = await autocannon({
    url: `${portal.server.url}/api/v1${path}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${portal.token}` },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(body(i++)) }),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors of ${result.requests.total}`);
  return result.requests.average;
}

/** The median rate of ctx.rounds runs of `run`, after a one-second warm-up (JIT, prepared statements). */
async function medianRate(ctx: BenchContext, run: (round: number, seconds?: number) => Promise<number>) {
  if (!ctx.smoke) await run(-1, 1);
  const rates: number[] = [];
  for (let r = 0; r < ctx.rounds; r++) rates.push(await run(r));
  return { rate: median(rates), rates };
}

const note = (rates: readonly number[]) =>
  `median of ${rates.length} runs of 5 s after a 1 s warm-up: ${rates.map((r) => r.toFixed(0)).join(', ')}`;

/**
 * The licensed product's calls under load: new activations on licenses of 1,000 and 10,000
 * devices (the rate must not fall with the device count), and check-ins of active machines.
 */
export const activationsSuite: BenchSuite = {
  name: 'activations',
  async run(ctx) {
    const sizes = ctx.smoke ? [100] : [1000, 10_000];
    const measures: Measure[] = [];
    const rates: number[] = [];
    let checks = { rate: 0, rates: [] as number[] };
    for (const devices of sizes) {
      const portal = await scalePortal(ctx, { devices });
      // Each run activates machines no run activated before.
      const activations = await medianRate(ctx, (round, seconds) =>
        load(
          ctx,
          portal,
          '/activations',
          (i) => ({
            licenseId: portal.licenseId,
            hardwareId: `BENCH-${devices}-${round}-${i}`,
            hostname: `bench-${i}`,
            os: 'Linux',
          }),
          seconds,
        ),
      );
      rates.push(activations.rate);
      ctx.log(`activations at ${devices} devices: ${activations.rates.map((r) => r.toFixed(0)).join(', ')}/s`);
      measures.push({
        id: `activations.per_s_${devices}`,
        what: `new activations per second, license of ${devices} devices, ${CONNECTIONS} connections`,
        value: activations.rate,
        unit: '/s',
        target: { op: '>=', value: 1000 },
        note: note(activations.rates),
      });
      if (devices === sizes[sizes.length - 1]) {
        // Machines the first run above activated: each check finds an active device.
        checks = await medianRate(ctx, (_round, seconds) =>
          load(
            ctx,
            portal,
            '/activations/check',
            (i) => ({ licenseId: portal.licenseId, hardwareId: `BENCH-${devices}-0-${i % 100}` }),
            seconds,
          ),
        );
        ctx.log(`checks: ${checks.rates.map((r) => r.toFixed(0)).join(', ')}/s`);
      }
      await portal.server.stop();
    }
    measures.push({
      id: 'activations.checks_per_s',
      what: `activation checks per second (${CONNECTIONS} connections)`,
      value: checks.rate,
      unit: '/s',
      target: { op: '>=', value: 5000 },
      note: note(checks.rates),
    });
    if (rates.length === 2)
      measures.push({
        id: 'activations.scale_ratio',
        what: 'activation rate at 10,000 devices / at 1,000 devices',
        value: rates[1]! / rates[0]!,
        unit: 'x',
        note: 'near 1: the cost does not grow with the device count',
      });
    return measures;
  },
};
