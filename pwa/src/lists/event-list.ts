import { eventText } from '@shared/domain';
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
 * The loaded events whose line (who, what) contains the text, newest first. Each event's line is
 * made once per license limit (it says "3 of 5 deactivations used").
 */
export function eventFilter(limits: { maxDeactivations: number | null }) {
  const match = createTextFilter<LicenseEvent>((e) => [e.actor, e.kind, eventText(e, limits)]);
  return (events: readonly LicenseEvent[], q: string) => match(events, q);
}
