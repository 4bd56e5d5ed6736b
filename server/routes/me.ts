import { Hono } from 'hono';
import type { MeResponse } from '../../shared/schemas';
import { findCompany } from '../db/users';
import { requireUser } from '../http/auth';
import type { AppEnv } from '../http/env';
import { notFound } from '../services/errors';
import { userRole, userView } from '../services/views';

export const meRoutes = new Hono<AppEnv>();

meRoutes.get('/', requireUser, async (c) => {
  const { db } = c.var.deps;
  const user = c.var.user;
  const company = await findCompany(db.kysely, user.company_id);
  if (!company) throw notFound();
  const response: MeResponse = {
    user: userView(user, await userRole(db.kysely, user.id)),
    company: { id: company.id, companyId: company.public_id, name: company.name },
  };
  return c.json(response);
});
