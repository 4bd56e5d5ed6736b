import { LICENSE_EVENT_KINDS, type LicenseEvent, type LicenseEventKind } from '@shared/schemas';
import { createTextFilter, type ListQuerySpec } from './list-query';

/** The Activity tab's URL query: `?kind=device.reset&q=dev-laptop`; always newest first. */
export const EVENT_QUERY: ListQuerySpec<'at', LicenseEventKind> = {
  sorts: ['at'],
  defaultSort: 'at',
  statuses: LICENSE_EVENT_KINDS,
  statusParam: 'kind',
};

/**
 * The loaded events whose line (who, what, as `describe` says it in the reader's language)
 * contains the text, newest first. Each event's line is made once per filter: make a new one when
 * the license limit (the line says "3 of 5 deactivations used") or the language changes.
 */
export function eventFilter(describe: (event: LicenseEvent) => string) {
  const match = createTextFilter<LicenseEvent>((e) => [e.actor, e.kind, describe(e)]);
  return (events: readonly LicenseEvent[], q: string) => match(events, q);
}
