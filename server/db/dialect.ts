/** Which database a DATABASE_URL points at. */
export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseTarget {
  dialect: DialectName;
  /** File path for SQLite, the connection string for PostgreSQL. */
  location: string;
}

/** `sqlite:PATH` (or a bare path) is SQLite; `postgres://` / `postgresql://` is PostgreSQL. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', location: url };
  const location = url.replace(/^sqlite:(\/\/)?/i, '');
  if (!location) throw new Error('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:./data/portal.db');
  return { dialect: 'sqlite', location };
}
