import { describe, expect, it } from 'vitest';
import { showsInHolderSearch } from './license-search';

const ME = 'dev@codeglass.example';
const COLLEAGUE = 'other@codeglass.example';

describe('showsInHolderSearch', () => {
  it.each([
    {
      case: 'a manager, a colleague who holds it',
      role: 'license_manager' as const,
      held: true,
      searched: COLLEAGUE,
      expected: true,
    },
    {
      case: 'a manager, a colleague who does not hold it',
      role: 'license_manager' as const,
      held: false,
      searched: COLLEAGUE,
      expected: false,
    },
    { case: 'a license user, themself', role: 'license_user' as const, held: true, searched: ME, expected: true },
    {
      case: 'a license user, a colleague who holds it',
      role: 'license_user' as const,
      held: true,
      searched: COLLEAGUE,
      expected: false,
    },
    {
      case: 'a license user, a colleague who does not hold it',
      role: 'license_user' as const,
      held: false,
      searched: COLLEAGUE,
      expected: false,
    },
  ])('answers $expected for $case', ({ role, held, searched, expected }) => {
    expect(showsInHolderSearch({ role, heldBySearched: held }, searched, ME)).toBe(expected);
  });

  it('knows the caller in another letter case or with blanks around the email', () => {
    expect(showsInHolderSearch({ role: 'license_user', heldBySearched: true }, '  Dev@CodeGlass.Example ', ME)).toBe(
      true,
    );
  });
});
