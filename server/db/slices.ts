/** SQLite caps the bound variables of one statement: long IN lists are sent in slices this long. */
const SLICE = 500;

/** Runs `query` on each slice of `items` in turn and joins the rows. */
export async function inSlices<T, R>(items: readonly T[], query: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let start = 0; start < items.length; start += SLICE)
    rows.push(...(await query(items.slice(start, start + SLICE))));
  return rows;
}
