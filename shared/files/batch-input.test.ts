import { describe, expect, it } from 'vitest';
import { readBatchInput } from './batch-input';

const shape = async (text: string) =>
  (await readBatchInput(text)).map((r) => [r.line, r.email, r.firstName, r.lastName, r.problem ?? null]);

describe('readBatchInput', () => {
  it('reads "email, first, last" and "First Last <email>" lines, skipping blank ones', async () => {
    expect(await shape('ana@x.example, Ana, Alves\n\nBo van Berg <bo@x.example>\ncy@x.example')).toEqual([
      [1, 'ana@x.example', 'Ana', 'Alves', null],
      [3, 'bo@x.example', 'Bo', 'van Berg', null],
      [4, 'cy@x.example', '', '', null],
    ]);
  });

  it('follows a header in any column order, and a file exported with semicolons and a byte-order mark', async () => {
    expect(await shape('\uFEFFLast Name;E-mail;First name\r\nAlves;ana@x.example;Ana\r\n')).toEqual([
      [2, 'ana@x.example', 'Ana', 'Alves', null],
    ]);
  });

  it('reads a header written in Spanish, French or German, as the page asks for the columns', async () => {
    const row = [[2, 'ana@x.example', 'Ana', 'Alves', null]];
    expect(await shape('correo,nombre,apellidos\nana@x.example,Ana,Alves')).toEqual(row);
    expect(await shape('Nom;Prénom;E-mail\nAlves;Ana;ana@x.example')).toEqual(row);
    expect(await shape('E-Mail,Vorname,Nachname\nana@x.example,Ana,Alves')).toEqual(row);
  });

  it('keeps quoted commas inside a name, and says what is wrong with a malformed row', async () => {
    expect(
      await shape(
        '"dee@x.example","Dee, Jr.",Dunn\nnot-an-email,A,B\n,Nameless,Row\n' + `e@x.example,${'x'.repeat(101)}`,
      ),
    ).toEqual([
      [1, 'dee@x.example', 'Dee, Jr.', 'Dunn', null],
      [2, 'not-an-email', 'A', 'B', 'email_invalid'],
      [3, '', 'Nameless', 'Row', 'email_missing'],
      [4, 'e@x.example', 'x'.repeat(101), '', 'name_invalid'],
    ]);
  });
});
