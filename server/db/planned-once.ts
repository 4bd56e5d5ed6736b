/**
 * Speed trick, fenced here: every `?` of a SQLite statement the server keeps prepared (the
 * statement cache, compiled reads) is sent as `+?`. Unary plus changes no value (text, number,
 * blob or NULL), and SQLite's planner does not look through it for a bound value.
 *
 * Why: SQLite 3.54 (better-sqlite3 13) looks at bound values while planning in more places (a
 * `column = ?` term of a join or of a query with ORDER BY, LIMIT ?, LIKE ?) and then marks the
 * statement to be planned again once that value changes. better-sqlite3 clears the bindings
 * after every run, which SQLite takes as such a change, so a kept statement was parsed and planned
 * again on every run. On Node 24 that was three quarters of the time of the two reads of a
 * /status poll (a CPU profile under autocannon), and a kept statement cost as much as a new one.
 * With `+?` the same plans run in 9 µs instead of 57 for the session read and 12 instead of 60 for
 * the licenses read (better-sqlite3 alone, 20,000 runs each, on the 2-core bench machine).
 *
 * planned-once.test.ts fails when the rewrite changes a row, and when the installed SQLite is no
 * longer 3.54: then check with the status bench whether the trick still pays.
 */

/** `sql` with each parameter `?` outside quotes and comments written `+?`. */
export function plannedOnce(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const end = skipQuotedOrComment(sql, i);
    if (end > i) {
      out += sql.slice(i, end);
      i = end;
    } else {
      out += c === '?' ? '+?' : c;
      i += 1;
    }
  }
  return out;
}

const CLOSING: Record<string, string> = { "'": "'", '"': '"', '`': '`', '[': ']' };

/** The index after the quoted name, string or comment starting at `i`; `i` when none starts there. */
function skipQuotedOrComment(sql: string, i: number): number {
  const c = sql[i]!;
  if (sql.startsWith('--', i)) {
    const end = sql.indexOf('\n', i);
    return end < 0 ? sql.length : end;
  }
  if (sql.startsWith('/*', i)) {
    const end = sql.indexOf('*/', i + 2);
    return end < 0 ? sql.length : end + 2;
  }
  const close = CLOSING[c];
  if (!close) return i;
  let j = i + 1;
  while (j < sql.length) {
    if (sql[j] !== close) j += 1;
    else if (close !== ']' && sql[j + 1] === close)
      j += 2; // a doubled quote stands for itself
    else return j + 1;
  }
  return sql.length;
}
