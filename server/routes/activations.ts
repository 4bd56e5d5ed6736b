import { Hono } from 'hono';
import { ActivationCheckRequestSchema, ActivationRequestSchema } from '@shared/schemas';
import type { AppEnv } from '../http/env';
import { parseBody } from '../http/validate';
import { activate, checkActivation } from '../services/activation';
import { json } from '../http/respond';

/** The licensed product's API; mounted behind requireSettledUser. */
export const activationRoutes = new Hono<AppEnv>();

activationRoutes.post('/', async (c) => {
  const body = await parseBody(c, ActivationRequestSchema);
  const { device, created } = await activate(c.var.deps, c.var.user, body);
  return json(c, { device }, created ? 201 : 200);
});

activationRoutes.post('/check', async (c) => {
  const body = await parseBody(c, ActivationCheckRequestSchema);
  return json(c, await checkActivation(c.var.deps, c.var.user, body.licenseId, body.hardwareId));
});
