import type { CredentialSource } from './keep-fresh';
import { machineNames, uniqueNames } from './names';
import { ensureCa, ensureServerCertificate, ownCaFiles, RENEW_DAYS_BEFORE } from './own-ca';
import { certificateCovers, daysLeft, loadCredentials, type TlsCredentials } from './pem';
import type { FilesPlan, OwnCaPlan, TlsPlan } from './settings';
import { trustInstructions } from './trust-help';

/** The certificate to listen with, where to renew it from, and what to tell the operator at start. */
export interface PreparedTls {
  credentials: TlsCredentials;
  source: CredentialSource;
  /** Where the certificate comes from; with the own CA, where it is and how to trust it. */
  lines: string[];
  /** What will not work as the settings stand (the server starts anyway). */
  warnings: string[];
}

const day = (date: string) => new Date(date).toISOString().slice(0, 10);
const namesOf = (credentials: TlsCredentials) =>
  (credentials.leaf.subjectAltName ?? '').replace(/(DNS|IP Address):/g, '').replace(/\s+/g, ' ');

async function fromFiles(plan: FilesPlan, now: Date): Promise<PreparedTls> {
  const credentials = await loadCredentials(plan, now);
  const source: CredentialSource = {
    files: [plan.certFile, plan.keyFile],
    load: (at) => loadCredentials(plan, at),
    describe: (c) => `the certificate in ${plan.certFile} (for ${namesOf(c)}; valid until ${day(c.leaf.validTo)})`,
  };
  const warnings: string[] = [];
  const left = daysLeft(credentials.leaf, now);
  if (left < RENEW_DAYS_BEFORE)
    warnings.push(
      `TLS_CERT_FILE: the certificate in ${plan.certFile} expires on ${day(credentials.leaf.validTo)} (in ${Math.floor(left)} days): ` +
        'replace the files (or send SIGHUP after replacing them); no restart needed',
    );
  return { credentials, source, lines: [`TLS: serving ${source.describe(credentials)}`], warnings };
}

async function fromOwnCa(plan: OwnCaPlan, now: Date): Promise<PreparedTls> {
  const ca = await ensureCa(plan.dir, now);
  const names = uniqueNames(machineNames(), plan.extraNames);
  const first = await ensureServerCertificate(ca, plan.dir, names, now);
  const files = ownCaFiles(plan.dir);
  const source: CredentialSource = {
    files: [],
    // The names again: an address the machine got since (DHCP) is added at the next check or SIGHUP.
    load: async (at) =>
      (await ensureServerCertificate(ca, plan.dir, uniqueNames(machineNames(), plan.extraNames), at)).credentials,
    describe: (c) => `a certificate renewed by this server's CA (${files.cert}, valid until ${day(c.leaf.validTo)})`,
  };
  const issued = first.issuedBecause ? `issued now: ${first.issuedBecause}` : 'reused';
  return {
    credentials: first.credentials,
    source,
    lines: [
      ...trustInstructions(files.caCert, ca.cert, ca.created),
      `  Server certificate (${issued}): ${files.cert}, for ${names.join(', ')}; valid until ` +
        `${day(first.credentials.leaf.validTo)}, renewed ${RENEW_DAYS_BEFORE} days before. More names: TLS_NAMES=name,address`,
    ],
    warnings: [],
  };
}

/**
 * Loads or makes the certificate the plan calls for (throws, naming the file and why, when it
 * cannot be used) and checks it against PUBLIC_URL: a host the certificate does not name, or a
 * plain-HTTP PUBLIC_URL, is a warning that says what will break.
 */
export async function prepareTls(plan: TlsPlan, publicUrl: URL | null, now: Date): Promise<PreparedTls> {
  const prepared = plan.kind === 'files' ? await fromFiles(plan, now) : await fromOwnCa(plan, now);
  if (publicUrl?.protocol === 'http:')
    prepared.warnings.push(
      `PUBLIC_URL: ${publicUrl.origin} is plain HTTP, but this server speaks HTTPS: the extension's portal links ` +
        'would point at an address this port does not answer, and a browser gives a plain-HTTP page off localhost ' +
        `no service worker (no offline pages, no install). Set PUBLIC_URL=https://${publicUrl.host}`,
    );
  else if (publicUrl && !certificateCovers(prepared.credentials.leaf, publicUrl.hostname))
    prepared.warnings.push(
      `PUBLIC_URL: ${publicUrl.hostname} is not a name of the certificate (${namesOf(prepared.credentials)}): ` +
        'browsers will refuse the portal at that address',
    );
  return prepared;
}
