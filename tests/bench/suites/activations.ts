import autocannon from 'autocannon';
import { scalePortal, type ScalePortal } from './scale-portal';
import type { BenchContext, BenchSuite, Measure } from './types';

const CONNECTIONS = 8;

/** Requests per second autocannon sustained with 8 connections; fails on any non-2xx answer. */
async function load(
  ctx: BenchContext,
  portal: ScalePortal,
  path: string,
  body: (i: number) => Record<string, string>,
): Promise<number> {
  let i = 0;
  const result = await autocannon({
    url: `${portal.server.url}/api/v1${path}`,
    connections: CONNECTIONS,
    duration: ctx.smoke ? 1 : 5,
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
    let checks = 0;
    for (const devices of sizes) {
      const portal = await scalePortal(ctx, { devices });
      const activate = (i: number) => ({
        licenseId: portal.licenseId,
        hardwareId: `BENCH-${devices}-${i}`,
        hostname: `bench-${i}`,
        os: 'Linux',
      });
      const rate = await load(ctx, portal, '/activations', activate);
      rates.push(rate);
      ctx.log(`activations at ${devices} devices: ${rate.toFixed(0)}/s`);
      measures.push({
        id: `activations.per_s_${devices}`,
        what: `new activations per second, license of ${devices} devices, ${CONNECTIONS} connections`,
        value: rate,
        unit: '/s',
        target: { op: '>=', value: 1000 },
      });
      if (devices === sizes[sizes.length - 1]) {
        // Machines the run above activated: each check finds an active device.
        checks = await load(ctx, portal, '/activations/check', (i) => ({
          licenseId: portal.licenseId,
          hardwareId: `BENCH-${devices}-${i % 100}`,
        }));
        ctx.log(`checks: ${checks.toFixed(0)}/s`);
      }
      await portal.server.stop();
    }
    measures.push({
      id: 'activations.checks_per_s',
      what: `activation checks per second (${CONNECTIONS} connections)`,
      value: checks,
      unit: '/s',
      target: { op: '>=', value: 5000 },
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
