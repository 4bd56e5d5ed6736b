import { english, text, type MessageKey, type Text } from '../i18n';
import * as enSections from '../i18n/catalogs/en';
import type { CommandKind, LicenseEventKind } from '../schemas';
import { detailValue as value } from './event-detail';
import { COMMANDS, isCommandKind } from './table';

// The Activity tab's texts: a line per recorded event, and the filter's name of each kind. The
// kinds of the portal's commands are said by their modules; the others (activations, the vendor's
// changes) here.

/** A recorded event, as the Activity tab and its CSV describe it (its `kind` may be newer than this client). */
export interface EventFacts {
  actor: string;
  byVendor: boolean;
  kind: string;
  detail: Record<string, unknown>;
}

/** The filter's names of the kinds no command records. */
const OTHER_KIND_KEYS: Record<Exclude<LicenseEventKind, CommandKind>, MessageKey> = {
  'device.activate': 'activity.kinds.device_activate',
  'license.create': 'activity.kinds.license_create',
  'license.change': 'activity.kinds.license_change',
  'license.lift_deactivation_limit': 'activity.kinds.license_lift_deactivation_limit',
  'user.make_manager': 'activity.kinds.user_make_manager',
  'user.dismiss_manager': 'activity.kinds.user_dismiss_manager',
};

/** The filter's name of an event kind the portal records. */
export const eventKindText = (kind: LicenseEventKind): Text =>
  isCommandKind(kind) ? COMMANDS[kind].eventKindText() : text(OTHER_KIND_KEYS[kind]);

/** The English filter names (the kinds this client knows; tests and the CSV's English read them). */
export const EVENT_KIND_LABELS: Record<string, string> = /* @__PURE__ */ (() =>
  Object.fromEntries(
    Object.keys(enSections.activity.kinds).map((k) => {
      const kind = k.replace('_', '.') as LicenseEventKind;
      return [kind, english(eventKindText(kind))];
    }),
  ))();

const limitValue = (v: unknown): string | Text => (v === null ? text('activity.changes.unlimited') : String(v));

/** "quantity 5, activation limit unlimited": what a vendor change set, in its order. */
function changeTexts(detail: Record<string, unknown>): Text[] {
  const parts: Array<[string, (v: unknown) => Text]> = [
    ['quantity', (v) => text('activity.changes.quantity', { value: String(v) })],
    ['maxActivations', (v) => text('activity.changes.maxActivations', { value: limitValue(v) })],
    ['maxDeactivations', (v) => text('activity.changes.maxDeactivations', { value: limitValue(v) })],
    ['status', (v) => text('activity.changes.status', { value: String(v) })],
    [
      'validUntil',
      (v) =>
        v === null
          ? text('activity.changes.validForever')
          : text('activity.changes.validUntil', { value: String(v).slice(0, 10) }),
    ],
  ];
  return parts.filter(([k]) => k in detail).map(([k, say]) => say(detail[k]));
}

/**
 * One readable line per event, who and what ("dev@codeglass.example reset device dev-laptop
 * (3 of 5 deactivations used)"); the page shows when beside it. `maxDeactivations` is the
 * license's limit now (null: unlimited), which the count of a reset is told against. `list`
 * joins a vendor change's parts in the reader's language.
 */
export function eventText(
  event: EventFacts,
  license: { maxDeactivations: number | null },
  list: (parts: Text[]) => string | Text = (parts) => parts.map(english).join(', '),
): Text {
  const who: string | Text = event.byVendor ? text('activity.vendor') : event.actor;
  const d = event.detail;
  if (isCommandKind(event.kind)) return COMMANDS[event.kind].eventText(d, who, event.actor, license);
  switch (event.kind) {
    case 'device.activate':
      return text('activity.events.deviceActivate', { who, hostname: value(d, 'hostname'), os: value(d, 'os') });
    case 'license.create':
      return text('activity.events.licenseCreate', { who, manager: value(d, 'manager') });
    case 'license.change': {
      const parts = changeTexts(d);
      return text('activity.events.licenseChange', {
        who,
        changes: parts.length ? list(parts) : text('activity.changes.nothing'),
      });
    }
    case 'license.lift_deactivation_limit':
      return text('activity.events.licenseLift', { who });
    case 'user.make_manager':
      return text('activity.events.makeManager', { who, email: value(d, 'email') });
    case 'user.dismiss_manager':
      return text('activity.events.dismissManager', { who, email: value(d, 'email') });
    default:
      return text('activity.events.other', { who, kind: event.kind });
  }
}
