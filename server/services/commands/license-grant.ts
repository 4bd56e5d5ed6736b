import type { CommandOf } from '@shared/schemas';
import { verifyGrantCode } from '../../licensing/grant-code';
import { managerStanding, rejected, type CommandContext, type Effect, type ServerCommand } from './effect';

/**
 * A grant code pasted by a manager: the vendor's signed answer to "contact us". Checked against the
 * trusted vendor keys, for this license (of the caller's company), not expired, and never used:
 * its id is written in the same transaction as the change, under the license's lock, so the same
 * code sent twice (or by two managers at once) applies once; the second is refused `grant_code_used`.
 */
async function applyGrant(ctx: CommandContext, command: CommandOf<'license.grant'>): Promise<Effect> {
  const { trx, at } = ctx;
  const standing = await managerStanding(ctx, command.payload.licenseId);
  if (!standing.ok) return standing.refused;
  const { license } = standing;
  const checked = await verifyGrantCode(command.payload.code, ctx.vendorKeys, new Date(at));
  if (!checked.ok) return rejected(checked.code, license.id);
  const { grant } = checked;
  if (grant.licenseId !== license.id) return rejected('grant_code_wrong_license', license.id);
  const used = await trx.selectFrom('grant_codes').select('id').where('id', '=', grant.codeId).executeTakeFirst();
  if (used) return rejected('grant_code_used', license.id);
  await trx
    .insertInto('grant_codes')
    .values({ id: grant.codeId, license_id: license.id, used_by: ctx.user.id, op_id: command.opId, used_at: at })
    .execute();

  ctx.ledger.stamp(license.id);
  const before = { maxDeactivations: license.max_deactivations, deactivationCount: license.deactivation_count };
  let deactivationCount = license.deactivation_count;
  if (grant.effect.kind === 'reset') {
    deactivationCount = ctx.ledger.count(license.id, { deactivations: -license.deactivation_count });
  } else if (license.max_deactivations !== null) {
    license.max_deactivations += grant.effect.by;
    await trx
      .updateTable('licenses')
      .set({ max_deactivations: license.max_deactivations })
      .where('id', '=', license.id)
      .execute();
  }
  const result = { deactivationCount, maxDeactivations: license.max_deactivations };
  const detail = {
    codeId: grant.codeId,
    ...(grant.effect.kind === 'raise' ? { raisedBy: grant.effect.by } : { reset: true }),
    from: before,
    ...result,
  };
  return { outcome: 'applied', licenseId: license.id, result, detail };
}

export const licenseGrantCommand: ServerCommand<'license.grant'> = {
  kind: 'license.grant',
  apply: applyGrant,
  decidedInLedger: false,
  target: (command) => ({ licenseId: command.payload.licenseId }),
};
