import type Dexie from 'dexie';

/**
 * Count IndexedDB transactions and written rows through a Dexie DBCore middleware: in a real
 * browser these, not the CPU, are what a sync pays for. For tests and the benchmark only (not part
 * of the db's public index); register before the database opens.
 */
export function countIdbWork(db: Dexie) {
  const counts = { readonly: 0, readwrite: 0, rowsWritten: 0 };
  db.use({
    stack: 'dbcore',
    name: 'count-idb-work',
    create: (core) => ({
      ...core,
      transaction: (stores, mode, options) => {
        counts[mode] += 1;
        return core.transaction(stores, mode, options);
      },
      table: (name) => {
        const table = core.table(name);
        return {
          ...table,
          mutate: (req) => {
            counts.rowsWritten +=
              req.type === 'deleteRange' ? 0 : req.type === 'delete' ? req.keys.length : req.values.length;
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return {
    snapshot: () => ({ ...counts, total: counts.readonly + counts.readwrite }),
    reset: () => Object.assign(counts, { readonly: 0, readwrite: 0, rowsWritten: 0 }),
  };
}
