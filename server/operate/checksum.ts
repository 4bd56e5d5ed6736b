import { createHash } from 'node:crypto';

/** A table's rows as a count and a checksum that does not depend on their order or on the database's types for numbers. */
export interface TableDigest {
  rows: number;
  sha256: string;
}

const canonical = (row: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(row)
      .sort()
      .map((column) => {
        const value = row[column];
        // PostgreSQL may answer a number as a string (bigint), SQLite always as a number.
        return value === null || value === undefined ? null : String(value);
      }),
  );

export function digestRows(rows: ReadonlyArray<Record<string, unknown>>): TableDigest {
  const hashes = rows.map((row) => createHash('sha256').update(canonical(row)).digest('hex')).sort();
  const all = createHash('sha256');
  for (const h of hashes) all.update(h);
  return { rows: rows.length, sha256: all.digest('hex') };
}
