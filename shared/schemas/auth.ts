import { z } from 'zod';
import { EmailSchema, IdSchema, RoleSchema } from './common';

export const LoginRequestSchema = z.object({
  companyId: z.string().trim().min(1, 'enter your Company ID').max(100),
  email: EmailSchema,
  password: z.string().min(1, 'enter your password').max(200),
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

export const LoginResponseSchema = z.object({ token: z.string().min(20), user: UserSchema });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const CompanySchema = z.object({ id: IdSchema, companyId: z.string(), name: z.string() });
export type Company = z.infer<typeof CompanySchema>;

export const MeResponseSchema = z.object({ user: UserSchema, company: CompanySchema });
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8, 'use at least 8 characters').max(200),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;
