import { en } from './catalogs/en';

/** The shape every language's catalog has: English's keys, each a string. */
export type Catalog = CatalogOf<typeof en>;
type CatalogOf<T> = { [K in keyof T]: T[K] extends string ? string : CatalogOf<T[K]> };

/** Every message key, as a dotted path ("errors.not_found", "activity.events.deviceReset"). */
export type MessageKey = KeysOf<typeof en>;
type KeysOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * Values a message fills in: words, numbers, or other Texts (translated first, in the same
 * language). `count` also picks the plural form of a `one | other` message.
 */
export type Params = { [name: string]: string | number | Text };

/**
 * A text to show, as data: its key and what it fills in. Domain rules and stores return these;
 * the apps translate them into the reader's language, and the server into English.
 */
export interface Text {
  key: MessageKey;
  params?: Params;
}

/** Turns a Text into words, in one language. */
export type Translate = (text: Text) => string;

/** A Text, without the ceremony: `text('errors.not_found')`, `text('messages.queued', { what })`. */
export const text = (key: MessageKey, params?: Params): Text => (params ? { key, params } : { key });

/** The value at a dotted key of a catalog (undefined when there is none, or it is a section). */
export function lookup(catalog: Partial<Catalog>, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Every key of a catalog, in order: for the parity test and the raw-key checks. */
export function keysOf(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v as object, `${prefix}${k}.`),
  );
}
