import { Hono } from 'hono';
import { portalLinks } from '../../shared/domain';
import type { LicenseStatusView, StatusResponse } from '../../shared/schemas';
import type { AppEnv } from '../http/env';
import { visibleLicenseViews } from '../services/access';
import { userRole, userView } from '../services/views';

/** The extension's compact view; mounted behind requireUser + requirePasswordChanged. */
export const statusRoutes = new Hono<AppEnv>();

statusRoutes.get('/', async (c) => {
  const { db, now, publicUrl } = c.var.deps;
  const user = c.var.user;
  const origin = publicUrl ?? new URL(c.req.url).origin;
  const licenses = await visibleLicenseViews(db.kysely, user);
  const views: LicenseStatusView[] = licenses.map((l) => ({
    id: l.id,
    name: l.name,
    status: l.status,
    validUntil: l.validUntil,
    role: l.role,
    activations: l.activations,
    seats: l.seats,
    deactivations: l.deactivations,
    links: portalLinks(origin, l.id, l.role),
  }));
  const response: StatusResponse = { user: userView(user, await userRole(db.kysely, user.id)), licenses: views, checkedAt: now().toISOString() };
  return c.json(response);
});
