import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './dialect';

describe('parseDatabaseUrl', () => {
  it('reads sqlite: paths and postgres:// URLs', () => {
    expect(parseDatabaseUrl('sqlite:./data/portal.db')).toEqual({ dialect: 'sqlite', location: './data/portal.db' });
    expect(parseDatabaseUrl('sqlite:///tmp/x.db')).toEqual({ dialect: 'sqlite', location: '/tmp/x.db' });
    expect(parseDatabaseUrl('postgres://u@h:5432/db').dialect).toBe('postgres');
    expect(parseDatabaseUrl('postgresql://u@h/db').dialect).toBe('postgres');
  });

  it('refuses an empty sqlite path with a message saying what to write', () => {
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/sqlite:\.\/data\/portal\.db/);
  });
});
