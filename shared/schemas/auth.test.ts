import { describe, expect, it } from 'vitest';
import { ChangePasswordRequestSchema, LoginRequestSchema } from './auth';

const login = { companyId: 'CodeGlass', email: 'manager@codeglass.example', password: 'manager-demo' };

describe('LoginRequestSchema', () => {
  it('accepts the demo sign-in, trimming the Company ID', () => {
    expect(LoginRequestSchema.parse({ ...login, companyId: '  CodeGlass ' })).toEqual(login);
  });

  it.each([
    {
      case: 'a bad email',
      input: { ...login, email: 'manager-at-codeglass' },
      field: 'email',
      message: 'Invalid email address',
    },
    { case: 'a missing email', input: { companyId: 'CodeGlass', password: 'x' }, field: 'email', message: undefined },
    {
      case: 'a blank Company ID',
      input: { ...login, companyId: '   ' },
      field: 'companyId',
      message: 'enter your Company ID',
    },
    { case: 'an empty password', input: { ...login, password: '' }, field: 'password', message: 'enter your password' },
  ])('names the field on $case', ({ input, field, message }) => {
    const parsed = LoginRequestSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toHaveLength(1);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
    if (message) expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});

describe('ChangePasswordRequestSchema', () => {
  it.each([
    { newPassword: '12345678', ok: true },
    { newPassword: '1234567', ok: false },
  ])('answers $ok for a new password of $newPassword.length characters', ({ newPassword, ok }) => {
    const parsed = ChangePasswordRequestSchema.safeParse({ currentPassword: 'old', newPassword });
    expect(parsed.success).toBe(ok);
    if (!ok)
      expect(parsed.error?.issues[0]).toMatchObject({ path: ['newPassword'], message: 'use at least 8 characters' });
  });
});
