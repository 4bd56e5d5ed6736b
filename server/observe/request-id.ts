import { randomUUID } from 'node:crypto';

/** What an incoming request's own X-Request-Id may be to be kept (a proxy's id); anything else is replaced. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

const ids = new WeakMap<object, string>();

/** The request's id: the X-Request-Id it came with when that is a plain token, else a new UUID; remembered for `requestIdOf`. */
export function assignRequestId(incoming: object, header: string | string[] | undefined): string {
  const given = typeof header === 'string' && ACCEPTABLE.test(header) ? header : undefined;
  const id = given ?? randomUUID();
  ids.set(incoming, id);
  return id;
}

/** The id `assignRequestId` gave this request (Node's IncomingMessage), if any. */
export const requestIdOf = (incoming: object | undefined): string | undefined =>
  incoming ? ids.get(incoming) : undefined;
