import { defineStore } from 'pinia';
import { actorFor, checkGrantCode, draftOf, licenseGrant, type CommandPreview, type GrantCheck } from '../commands';
import { useLicensesStore } from './licenses';
import { usePortal } from '../composables/portal';
import { useQueueCommand, type QueueResult } from '../composables/queue-command';
import { useOutboxStore } from './outbox';
import { useSessionStore } from './session';

/**
 * A manager pastes a grant code from the vendor. The code is checked here first, against the vendor
 * keys the portal named (cached with the session: it works offline), so a garbled paste is refused
 * at once; a good one is queued like any command, and the server checks it again and uses it once.
 */
export const useLicenseGrantStore = defineStore('license-grant', () => {
  const session = useSessionStore();
  const licenses = useLicensesStore();
  const queueCommand = useQueueCommand({ session, outbox: useOutboxStore() });
  const { now } = usePortal();

  const check = (licenseId: string, code: string): Promise<GrantCheck> =>
    checkGrantCode(code, session.company?.vendorKeys ?? [], licenseId, now());

  function previewWith(licenseId: string, checked: GrantCheck): CommandPreview {
    const license = licenses.byId(licenseId);
    return licenseGrant.preview(license, checked, actorFor(session.user, license));
  }

  /** What the pasted code would do, once checked: the confirmation's preview. */
  async function prepareGrant(licenseId: string, code: string): Promise<CommandPreview> {
    return previewWith(licenseId, await check(licenseId, code));
  }

  /** Checks the code again and queues it with the limit the manager saw. */
  async function queueGrant(licenseId: string, code: string): Promise<QueueResult> {
    const checked = await check(licenseId, code);
    return queueCommand(
      () => previewWith(licenseId, checked),
      () =>
        draftOf(licenseGrant, {
          payload: { licenseId, code: code.replace(/\s+/g, '') },
          basis: { maxDeactivations: licenses.byId(licenseId)?.maxDeactivations ?? null },
          licenseId,
          subject: licenses.byId(licenseId)?.name ?? licenseId,
        }),
    );
  }

  return { prepareGrant, queueGrant };
});
