// papaparse loads with the first CSV read or written: no page needs it to show itself.
const papa = () => import('papaparse').then((m) => m.default);

/** A cell as written: text as it is, a date as ISO 8601, nothing as an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * A CSV file's text (RFC 4180: quoted where needed, CRLF lines) with a header row. A cell that
 * a spreadsheet would run as a formula (=, +, -, @ first) is written as text, so a hostname or a
 * name someone else chose cannot run anything where the file is opened.
 */
export async function writeCsv(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): Promise<string> {
  const Papa = await papa();
  return Papa.unparse(
    { fields: [...fields], data: rows.map((r) => r.map((c) => c ?? '')) },
    { escapeFormulae: true, newline: '\r\n' },
  );
}

/** A CSV (or pasted) text's records, each a list of cells; the delimiter (comma, semicolon, tab) is guessed. */
export async function readCsv(text: string): Promise<string[][]> {
  const Papa = await papa();
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
}
