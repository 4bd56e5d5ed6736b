import { createPublicKey } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/connect';
import { LicenseFileImportedSchema, LicenseResponseSchema } from '@shared/schemas';
import { messageFor } from '@shared/domain';
import { findAnyLicense } from '../../server/db/licenses';
import { api } from '../support/portal-server';
import { changedTables, stateDigest, stateRows } from '../support/state-digest';
import {
  demoVendorKey,
  nextFile,
  setAt,
  strangerKey,
  tamperings,
  withHeader,
  withPayload,
} from '../support/license-files';
import {
  asDev,
  asManager,
  commands,
  DEMO,
  otherCompany,
  parsed,
  startTestServer,
  syncOne,
  useDemoWorld,
} from './fixtures';

const world = useDemoWorld('file');

const vendorKey = () => demoVendorKey(world.server.licensing.demoSignedWith!);
const upload = (token: string, file: string) => api(world.server.url, token, 'POST', '/license-file', { file });

/** Uploads `file` and expects it refused with `code`, the database left exactly as it was. */
async function expectRefused(file: string, code: string, status = 422) {
  const before = await stateRows(world.server.db);
  const answer = await upload(world.manager, file);
  expect(answer.body).toMatchObject({ code, message: messageFor(code), field: 'file' });
  expect(answer.status).toBe(status);
  expect(changedTables(before, await stateRows(world.server.db))).toEqual([]);
}

describe('license files', () => {
  it('the demo company starts signed, and the server names no company unsigned', () => {
    expect(world.server.licensing.demoSignedWith).toMatch(/vendor-demo-key\.pem$/);
    expect(world.server.licensing.unsigned).toEqual([]);
    expect(world.server.licensing.vendorTrust.source).toBe('demo');
  });

  it('refuses every field of a signed file changed in turn: bad signature, nothing changed', async () => {
    const { file, payload } = await nextFile(world.server.db, DEMO.companyId, vendorKey());
    const cases = tamperings(payload);
    expect(cases.length).toBeGreaterThan(15);
    for (const { path, to } of cases) {
      await expectRefused(withPayload(file, setAt(payload, path, to)), 'license_file_bad_signature');
    }
  });

  it('refuses a file signed by a key the server does not trust, and a header naming another key', async () => {
    const { file } = await nextFile(world.server.db, DEMO.companyId, strangerKey());
    await expectRefused(file, 'license_file_unknown_key');
    // A stranger's signature claiming the trusted key's id does not verify either.
    const trusted = (await nextFile(world.server.db, DEMO.companyId, vendorKey())).file;
    const trustedHeader = JSON.parse(Buffer.from(trusted.split('.')[0]!, 'base64url').toString());
    await expectRefused(withHeader(file, trustedHeader), 'license_file_bad_signature');
    await expectRefused(withHeader(trusted, { ...trustedHeader, kid: 'another-key' }), 'license_file_unknown_key');
    await expectRefused(withHeader(trusted, { ...trustedHeader, alg: 'none' }), 'license_file_malformed');
    await expectRefused('not a license file', 'license_file_malformed');
  });

  it("refuses another company's file, even one naming this company's license", async () => {
    const other = { companyId: 'Other', name: 'Other Inc', manager: 'boss@other.example', password: 'other-password' };
    await otherCompany(world.server, {}, other);
    await expectRefused((await nextFile(world.server.db, 'Other', vendorKey())).file, 'license_file_wrong_company');
    const { file } = await nextFile(world.server.db, 'Other', vendorKey(), (p) => {
      p.company = { id: 'Newco', name: 'Newco' };
      p.licenses[0]!.id = world.licenseId;
    });
    // Through the vendor tool's import (any company) too: the license is CodeGlass's.
    const { importLicenseFile } = await import('../../server/admin/license-import');
    const before = await stateRows(world.server.db);
    expect(await importLicenseFile(world.server.db, file, world.server.licensing.vendorTrust.keys)).toMatchObject({
      ok: false,
      code: 'license_file_wrong_company',
    });
    expect(changedTables(before, await stateRows(world.server.db))).toEqual([]);
  });

  it('refuses a file naming a license twice, changing nothing', async () => {
    const { file } = await nextFile(world.server.db, DEMO.companyId, vendorKey(), (p) => {
      p.licenses.push({ ...p.licenses[0]!, quantity: 50 });
    });
    await expectRefused(file, 'license_file_malformed');
  });

  it('applies a file whole or not at all: a later license that fails to apply leaves the database as it was', async () => {
    const { file } = await nextFile(world.server.db, DEMO.companyId, vendorKey(), (p) => {
      const first = p.licenses[0]!;
      first.quantity += 2; // applies first, then the new license fails
      p.licenses.push({ ...first, id: 'fails-to-apply', name: 'Added', managers: ['new.boss@codeglass.example'] });
    });
    // The database itself refuses that license's row (a trigger), as a full disk or a lost connection would.
    await refuseLicenseRow(world.server.db, 'fails-to-apply');
    try {
      const { importLicenseFile } = await import('../../server/admin/license-import');
      const before = await stateDigest(world.server.db);
      await expect(importLicenseFile(world.server.db, file, world.server.licensing.vendorTrust.keys)).rejects.toThrow(
        /refused by the test/,
      );
      expect(await stateDigest(world.server.db)).toBe(before);
    } finally {
      await refuseLicenseRow(world.server.db, null);
    }
  });

  it('imports a newer file once: an older or equal serial is refused', async () => {
    const { file, payload } = await nextFile(world.server.db, DEMO.companyId, vendorKey(), (p) => {
      p.licenses[0]!.maxActivations = 6;
    });
    const answer = await upload(world.manager, file);
    expect(answer.status).toBe(200);
    expect(parsed(LicenseFileImportedSchema, answer.body)).toMatchObject({
      company: DEMO.companyId,
      serial: payload.serial,
    });
    expect((await findAnyLicense(world.server.db.kysely, world.licenseId))!.max_activations).toBe(6);
    await expectRefused(file, 'license_file_stale_serial', 409);
    const older = await nextFile(world.server.db, DEMO.companyId, vendorKey(), (p) => {
      p.serial -= 2;
      p.licenses[0]!.maxActivations = 50;
    });
    await expectRefused(older.file, 'license_file_stale_serial', 409);
    // The activity log has the import and the change it made.
    const actions = await world.server.db.kysely.selectFrom('audit_events').select(['action', 'detail_json']).execute();
    expect(actions.filter((a) => a.action === 'license_file.import').at(-1)?.detail_json).toContain(
      `"serial":${payload.serial}`,
    );
  });

  it('a manager the file no longer names stops being one, keeping their seat; the log says so', async () => {
    await syncOne(world.server.url, world.manager, commands.assign(world.licenseId, DEMO.user.email));
    const appoint = await nextFile(world.server.db, DEMO.companyId, vendorKey(), (p) => {
      p.licenses[0]!.managers.push(DEMO.user.email);
    });
    expect((await upload(world.manager, appoint.file)).status).toBe(200);
    expect(
      (await api(world.server.url, await asDev(world.server.url), 'GET', `/licenses/${world.licenseId}/users`)).status,
    ).toBe(200);
    const dismiss = await nextFile(world.server.db, DEMO.companyId, vendorKey(), (p) => {
      p.licenses[0]!.managers = [DEMO.manager.email];
    });
    const answer = await upload(world.manager, dismiss.file);
    expect(answer.body.changes).toContain(`license ${world.licenseId}: ${DEMO.user.email} no longer manager`);
    const dev = await asDev(world.server.url);
    expect((await api(world.server.url, dev, 'GET', `/licenses/${world.licenseId}/users`)).body.code).toBe(
      'not_license_manager',
    );
    expect((await api(world.server.url, dev, 'GET', `/licenses/${world.licenseId}`)).status).toBe(200);
    const events = await api(
      world.server.url,
      world.manager,
      'GET',
      `/licenses/${world.licenseId}/events?kind=user.dismiss_manager`,
    );
    expect(events.body.events[0]).toMatchObject({ byVendor: true, detail: { email: DEMO.user.email } });
  });

  it('only a license manager uploads', async () => {
    const dev = await asDev(world.server.url);
    const { file } = await nextFile(world.server.db, DEMO.companyId, vendorKey());
    const answer = await upload(dev, file);
    expect(answer.body.code).toBe('not_license_manager');
  });

  it('a lower quantity and activation limit remove nothing: new seats and activations are refused until under them', async () => {
    const { file } = await nextFile(world.server.db, DEMO.companyId, vendorKey(), (p) => {
      p.licenses[0]!.quantity = 1;
      p.licenses[0]!.maxActivations = 1;
    });
    expect((await upload(world.manager, file)).status).toBe(200);
    const { license } = parsed(
      LicenseResponseSchema,
      (await api(world.server.url, world.manager, 'GET', `/licenses/${world.licenseId}`)).body,
    );
    // Both seats and all three activations stay; the counts are above the new limits.
    expect(license.seats).toMatchObject({ used: 2, max: 1 });
    expect(license.activations).toMatchObject({ used: 3, max: 1 });
    expect(
      await syncOne(world.server.url, world.manager, commands.assign(world.licenseId, 'third@codeglass.example')),
    ).toMatchObject({
      outcome: 'rejected',
      code: 'max_license_users_reached',
    });
    const dev = await asDev(world.server.url);
    const activate = (hardwareId: string) =>
      api(world.server.url, dev, 'POST', '/activations', {
        licenseId: world.licenseId,
        hardwareId,
        hostname: 'h',
        os: 'Linux',
      });
    expect((await activate('HW-NEW-MACHINE')).body.code).toBe('activation_limit_reached');
    // A machine already activated keeps working.
    const check = await api(world.server.url, dev, 'POST', '/activations/check', {
      licenseId: world.licenseId,
      hardwareId: 'HW-DEV-LAPTOP-01',
    });
    expect(check.body.active).toBe(true);
  });
});

describe('a server given a real vendor key', () => {
  it("names the companies whose file the demo key signed at start, and refuses the demo key's files", async () => {
    const demo = await startTestServer();
    await demo.stop();
    const dir = mkdtempSync(join(tmpdir(), 'real-vendor-'));
    const publicPath = join(dir, 'vendor-public.pem');
    writeFileSync(publicPath, createPublicKey(strangerKey()).export({ type: 'spki', format: 'pem' }).toString());
    const real = await startTestServer({ databaseUrl: demo.databaseUrl, vendorPublicKeyFile: publicPath });
    try {
      expect(real.licensing).toMatchObject({ untrusted: [DEMO.companyId], demoSignedWith: null });
      expect(real.licensing.vendorTrust.source).toBe('VENDOR_PUBLIC_KEY_FILE');
      const token = await asManager(real.url);
      const { file } = await nextFile(real.db, DEMO.companyId, demoVendorKey(demo.licensing.demoSignedWith!));
      expect((await api(real.url, token, 'POST', '/license-file', { file })).body.code).toBe(
        'license_file_unknown_key',
      );
    } finally {
      await real.stop();
    }
  });
});

/** Makes the database refuse to insert the license `id` (null: stop refusing), on SQLite and PostgreSQL. */
async function refuseLicenseRow(db: Db, id: string | null): Promise<void> {
  if (db.dialect === 'postgres') {
    await sql`drop trigger if exists refuse_license on licenses`.execute(db.kysely);
    if (id === null) return;
    await sql
      .raw(
        `create or replace function refuse_license() returns trigger as $$ begin if new.id = '${id}' then raise exception 'refused by the test'; end if; return new; end $$ language plpgsql`,
      )
      .execute(db.kysely);
    await sql`create trigger refuse_license before insert on licenses for each row execute function refuse_license()`.execute(
      db.kysely,
    );
    return;
  }
  await sql`drop trigger if exists refuse_license`.execute(db.kysely);
  if (id === null) return;
  await sql
    .raw(
      `create trigger refuse_license before insert on licenses when new.id = '${id}' begin select raise(abort, 'refused by the test'); end`,
    )
    .execute(db.kysely);
}
