import { Hono } from 'hono';
import { ActivationCheckRequestSchema, ActivationRequestSchema } from '@shared/schemas';
import type { AppEnv } from '../http/env';
import { parseBody } from '../http/validate';
import { activate, checkActivation } from '../services/activation';
import { certificateFor } from '../services/device-certificate';
import { json } from '../http/respond';
import { DomainError } from '../services/errors';

/**
 * The licensed product's API; mounted behind requireSettledUser. An activation answers the device
 * with its certificate; activating an active machine again renews it (the product's check-in).
 */
export const activationRoutes = new Hono<AppEnv>();

activationRoutes.post('/', async (c) => {
  const body = await parseBody(c, ActivationRequestSchema);
  const counter = c.var.deps.metrics?.activations;
  try {
    const { device, created } = await activate(c.var.deps, c.var.user, body);
    counter?.inc({ outcome: created ? 'activated' : 'already_active' });
    const certificate = await certificateFor(c.var.deps, c.var.user, device);
    return json(c, { device, certificate }, created ? 201 : 200);
  } catch (error) {
    if (error instanceof DomainError) counter?.inc({ outcome: error.code });
    throw error;
  }
});

activationRoutes.post('/check', async (c) => {
  const body = await parseBody(c, ActivationCheckRequestSchema);
  return json(c, await checkActivation(c.var.deps, c.var.user, body.licenseId, body.hardwareId));
});
