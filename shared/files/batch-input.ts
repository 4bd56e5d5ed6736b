import type { BatchInputRow, BatchRowProblem } from '../domain';
import { EmailSchema, NameSchema } from '../schemas';
import { readCsv } from './csv';

/** "Nia Hire <nia@codeglass.example>": a name, then the email in angle brackets. */
const NAMED_EMAIL = /^\s*"?([^"<]*?)"?\s*<([^<>]*)>\s*$/;
// The page asks for these columns in the reader's language (en, es, fr, de): a header in any of
// them is read.
const HEADERS: Record<'email' | 'firstName' | 'lastName', RegExp> = {
  email: /^(e-?mail( address)?|correo( electrónico)?|courriel|adresse e-?mail|e-?mail-adresse)$/,
  firstName: /^(first( name)?|firstname|given( name)?|nombre|prénom|prenom|vorname)$/,
  lastName: /^(last( name)?|lastname|surname|family( name)?|apellidos?|nom( de famille)?|nachname)$/,
};
type Columns = Record<keyof typeof HEADERS, number>;
const POSITIONAL: Columns = { email: 0, firstName: 1, lastName: 2 };

/** A header row names its columns (any order); without one they are email, first name, last name. */
function headerColumns(cells: readonly string[]): Columns | null {
  const names = cells.map((c) => c.trim().toLowerCase());
  const find = (pattern: RegExp) => names.findIndex((n) => pattern.test(n));
  if (find(HEADERS.email) < 0) return null;
  return { email: find(HEADERS.email), firstName: find(HEADERS.firstName), lastName: find(HEADERS.lastName) };
}

/** What is wrong with a row, checked with the same schemas the server checks an assign with. */
function problemOf(row: Omit<BatchInputRow, 'line'>): BatchRowProblem | undefined {
  if (!row.email) return 'email_missing';
  if (!EmailSchema.safeParse(row.email).success) return 'email_invalid';
  const names = [row.firstName, row.lastName];
  if (names.some((n) => !NameSchema.safeParse(n).success)) return 'name_invalid';
  return undefined;
}

/** One record as a row: "email, first, last", "First Last <email>", or by a header's columns. */
function rowOf(cells: readonly string[], columns: Columns, line: number): BatchInputRow {
  const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
  let row = { email: cell(columns.email), firstName: cell(columns.firstName), lastName: cell(columns.lastName) };
  const named = NAMED_EMAIL.exec(row.email);
  if (named && !row.firstName && !row.lastName) {
    const [first = '', ...rest] = named[1]!.trim().split(/\s+/);
    row = { email: named[2]!.trim(), firstName: first, lastName: rest.join(' ') };
  }
  const problem = problemOf(row);
  return { line, ...row, ...(problem ? { problem } : {}) };
}

/**
 * The rows of a pasted list or a CSV file, in order, each with its line (its record's number,
 * blank lines counted, a header too) and, when malformed, what is wrong with it. Blank lines and a
 * header are not rows.
 */
export async function readBatchInput(text: string): Promise<BatchInputRow[]> {
  const records = await readCsv(text);
  const rows: BatchInputRow[] = [];
  let columns: Columns | null = null;
  records.forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return;
    if (columns === null) {
      columns = headerColumns(cells);
      if (columns) return;
      columns = POSITIONAL;
    }
    rows.push(rowOf(cells, columns, i + 1));
  });
  return rows;
}
