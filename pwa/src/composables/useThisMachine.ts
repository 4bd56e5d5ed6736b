import { readonly, ref, type Ref } from 'vue';
import type { LocationQuery } from 'vue-router';
import { HardwareIdSchema } from '@shared/schemas';

/**
 * "This machine": the hardware id the licensed product runs on, as the product told the portal by
 * opening it with `?device=<hardwareId>` (the id it activates with). The browser keeps it, so the
 * dashboard marks that device on every later visit; the product's next link replaces it. It is a
 * fact about this browser, not about an account: it outlives a sign-out and applies to whoever signs in.
 */
const KEY = 'seat-portal.this-machine';
const storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage;
const current = ref<string | null>(storage?.getItem(KEY) ?? null);

/** The hardware id a link's query names, or null when it names none (or none the product could have sent). */
export function machineInQuery(query: LocationQuery): string | null {
  const value = query.device;
  const parsed = HardwareIdSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : null;
}

/** Remember the machine the product named: from now on, the dashboard marks its device. */
export function rememberThisMachine(hardwareId: string): void {
  current.value = hardwareId;
  storage?.setItem(KEY, hardwareId);
}

/** The hardware id of this machine, or null while the product has not told the portal. */
export function useThisMachine(): Readonly<Ref<string | null>> {
  return readonly(current);
}
