import type { Counter } from '../schemas';

/** Words the stores' previews are made of (the stores may not import shared/ui, which offers these too). */

/** "1 device", "3 devices"; `many` for the irregular ("1 change waits", "2 changes wait"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 of 5" or "3 (unlimited)". */
export function counterText(c: Counter): string {
  return c.max === null ? `${c.used} (unlimited)` : `${c.used} of ${c.max}`;
}
