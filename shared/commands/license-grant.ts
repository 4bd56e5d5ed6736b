import { alreadyDone, apply, queuedText, refuse, type Actor, type Decision } from '../domain';
import { text, type Text } from '../i18n';
import type { License } from '../schemas';
import { readGrant, type GrantCheck } from './grant-code';
import { notFound, previewOf, type CommandPreview } from './preview';
import { SETS_NO_PASSWORD, type CommandModule } from './types';

const kind = 'license.grant';

/** "Raises the deactivation limit from 5 to 8." / "Resets the deactivation count (3 used so far) to 0." */
function effectText(check: Extract<GrantCheck, { ok: true }>, license: License): Text {
  const { effect } = check.grant;
  if (effect.kind === 'reset') return text('lists.preview.grantReset', { count: license.deactivationCount });
  const from = license.maxDeactivations;
  return from === null
    ? text('lists.preview.grantRaiseUnlimited')
    : text('lists.preview.grantRaise', { from, to: from + effect.by });
}

function decide(license: License | undefined, check: GrantCheck, actor: Actor): Decision {
  if (!license) return notFound();
  if (!actor.isManager) return refuse('not_license_manager');
  if (!check.ok) return refuse(check.code);
  if (check.grant.effect.kind === 'raise' && license.maxDeactivations === null) return alreadyDone();
  return apply();
}

/** A manager pastes a grant code from the vendor: it raises the deactivation limit, or resets the count. */
export const licenseGrant = {
  kind,
  label: (subject: string) => text('lists.changes.commands.license_grant', { subject }),
  eventKindText: () => text('activity.kinds.license_grant'),
  eventText: (d, who) => {
    if (d.reset === true) {
      const from = (d.from ?? {}) as { deactivationCount?: unknown };
      return text('activity.events.licenseGrantReset', { who, count: Number(from.deactivationCount ?? 0) });
    }
    const from = (d.from ?? {}) as { maxDeactivations?: unknown };
    return text('activity.events.licenseGrantRaise', {
      who,
      from: String(from.maxDeactivations ?? '∞'),
      to: String(d.maxDeactivations ?? '∞'),
    });
  },
  previewTestId: 'grant-preview',
  namedByLicense: true,
  ...SETS_NO_PASSWORD,
  async basisNow(db, row) {
    const license = await db.licenses.get(row.licenseId);
    return { maxDeactivations: license?.maxDeactivations ?? null };
  },
  marks: () => ({}),
  devicesOff: () => ({}),
  overlayUsers: () => undefined,
  overlayCounters(row, s) {
    const grant = readGrant(row.payload.code);
    if (!grant) return;
    if (grant.effect.kind === 'reset') s.deactivationCount = 0;
    else if (s.maxDeactivations !== null) s.maxDeactivations += grant.effect.by;
  },

  /** What using the code would do, per the cache and the check of the code (checkGrantCode). */
  preview(license: License | undefined, check: GrantCheck, actor: Actor): CommandPreview {
    const decision = decide(license, check, actor);
    const allowed = decision.ok && check.ok && license;
    return {
      ...previewOf(decision),
      kind,
      title: text('lists.preview.grantTitle'),
      effects: allowed ? [effectText(check, license)] : [],
      costs: [],
      confirmText: text('lists.preview.grantConfirm'),
      danger: false,
      queuedText: queuedText(text('lists.preview.grantQueued', { license: license?.name ?? '' })),
    };
  },
} satisfies CommandModule<typeof kind> & Record<string, unknown>;
