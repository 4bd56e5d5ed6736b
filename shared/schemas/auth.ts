import { z } from 'zod';
import { EmailSchema, HttpUrlSchema, IdSchema, RoleSchema, withoutNul } from './common';

export const LoginRequestSchema = z.object({
  companyId: z.string().check(z.trim(), z.minLength(1, 'enter your Company ID'), z.maxLength(100), withoutNul()),
  email: EmailSchema,
  password: z.string().check(z.minLength(1, 'enter your password'), z.maxLength(200)),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  email: EmailSchema,
  name: z.string(),
  role: RoleSchema,
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const LoginResponseSchema = z.object({ token: z.string().check(z.minLength(20)), user: UserSchema });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/**
 * The caller's company. `contactUrl` / `upgradeUrl`: where "contact us" and "upgrade" messages
 * link (the company's own, else the server's; null: none). Optional: older servers send neither.
 * `vendorKeys`: the public keys a pasted grant code must be signed with (checked before queueing).
 */
/** A vendor public key (Ed25519, as a JWK) the portal trusts: the PWA checks a pasted grant code with it. */
const VendorKeySchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().check(z.minLength(43), z.maxLength(43)),
});
export type VendorKey = z.infer<typeof VendorKeySchema>;

export const CompanySchema = z.object({
  id: IdSchema,
  companyId: z.string(),
  name: z.string(),
  contactUrl: z.optional(z.nullable(HttpUrlSchema)),
  upgradeUrl: z.optional(z.nullable(HttpUrlSchema)),
  /** The vendor keys grant codes are signed with (optional: older servers send none). */
  vendorKeys: z.optional(z.array(VendorKeySchema).check(z.maxLength(10))),
});
export type Company = z.infer<typeof CompanySchema>;

export const MeResponseSchema = z.object({ user: UserSchema, company: CompanySchema });
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().check(z.minLength(1, 'enter your current password'), z.maxLength(200)),
  newPassword: z.string().check(z.minLength(8, 'use at least 8 characters'), z.maxLength(200)),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;
