import { describe, expect, it } from 'vitest';
import { sameCompany, visibleTo } from './isolation';

describe('company isolation (rule 9)', () => {
  it.each([
    { actor: 'co-1', resource: 'co-1', same: true },
    { actor: 'co-1', resource: 'co-2', same: false },
    { actor: 'co-1', resource: 'CO-1', same: false },
    { actor: 'co-1', resource: '', same: false },
  ])('sameCompany($actor, $resource) is $same', ({ actor, resource, same }) => {
    expect(sameCompany(actor, resource)).toBe(same);
  });

  it.each([
    { actor: 'co-1', ids: ['a', 'c'] },
    { actor: 'co-2', ids: ['b'] },
    { actor: 'co-3', ids: [] },
  ])('shows $actor only its own rows', ({ actor, ids }) => {
    const rows = [
      { id: 'a', companyId: 'co-1' },
      { id: 'b', companyId: 'co-2' },
      { id: 'c', companyId: 'co-1' },
    ];
    expect(visibleTo(actor, rows).map((r) => r.id)).toEqual(ids);
  });
});
