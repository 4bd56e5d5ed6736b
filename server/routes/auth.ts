import { Hono } from 'hono';
import { ChangePasswordRequestSchema, LoginRequestSchema } from '@shared/schemas';
import { requireUser } from '../http/auth';
import { clientAddress } from '../http/client';
import type { AppEnv } from '../http/env';
import { parseBody } from '../http/validate';
import { changePassword, endOtherSessions, signIn, signOut } from '../services/auth';
import { json, noContent } from '../http/respond';
import type { Metrics } from '../observe/metrics';
import { DomainError } from '../services/errors';

export const authRoutes = new Hono<AppEnv>();

authRoutes.post('/login', async (c) => {
  const body = await parseBody(c, LoginRequestSchema);
  try {
    return json(c, await signIn(c.var.deps, body, clientAddress(c)));
  } catch (error) {
    countRefusal(c.var.deps.metrics, error, 'sign_in');
    throw error;
  }
});

authRoutes.post('/logout', requireUser, async (c) => {
  await signOut(c.var.deps, c.var.token);
  return noContent(c);
});

authRoutes.post('/password', requireUser, async (c) => {
  const body = await parseBody(c, ChangePasswordRequestSchema);
  try {
    await changePassword(c.var.deps, c.var.user, c.var.token, body);
  } catch (error) {
    countRefusal(c.var.deps.metrics, error, 'password_check');
    throw error;
  }
  return noContent(c);
});

/** "Sign out on other devices": the caller's other sessions end, this one stays. */
authRoutes.post('/sessions/end-others', requireUser, async (c) => {
  await endOtherSessions(c.var.deps, c.var.user, c.var.token);
  return noContent(c);
});

/** Counts a refused sign-in (wrong credentials, expired initial password) and a sign-in limit hit. */
function countRefusal(metrics: Metrics | undefined, error: unknown, what: 'sign_in' | 'password_check'): void {
  if (!metrics || !(error instanceof DomainError)) return;
  if (error.code === 'rate_limited') metrics.signInLimited.inc({ what });
  else if (what === 'sign_in' && (error.code === 'invalid_credentials' || error.code === 'initial_password_expired'))
    metrics.signInFailures.inc({ reason: error.code });
  else if (what === 'password_check' && error.code === 'wrong_current_password')
    metrics.signInFailures.inc({ reason: error.code });
}
