/** A piece of a translated message: plain words, or the place of one named value. */
export interface MessagePart {
  text: string;
  name?: string;
}

const MARK = '\u0001';

/**
 * A message cut around its named values, so a template can give each value its own element
 * ("Signed in as <strong>{email}</strong> at <code>{portal}</code>.") while each language keeps
 * its own word order. `translate` is vue-i18n's `t`.
 */
export function messageParts(
  translate: (key: string, params: Record<string, string>) => string,
  key: string,
  names: readonly string[],
): MessagePart[] {
  const marked = translate(key, Object.fromEntries(names.map((name) => [name, `${MARK}${name}${MARK}`])));
  return marked
    .split(new RegExp(`${MARK}(\\w+)${MARK}`))
    .map((piece, i) => (i % 2 === 1 ? { text: '', name: piece } : { text: piece }))
    .filter((part) => part.name !== undefined || part.text !== '');
}
