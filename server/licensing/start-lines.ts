import type { VendorTrust } from './trust';

/** What `npm start` says about signed vendor data: whose keys it trusts, its own key, who is unsigned. */
export function licensingLines(state: {
  vendorTrust: VendorTrust;
  serverKeyFingerprint: string;
  demoSignedWith: string | null;
  unsigned: string[];
  untrusted: string[];
}): string[] {
  const lines: string[] = [];
  if (state.demoSignedWith)
    lines.push(
      `Signed the demo company's license file with a demo vendor key (${state.demoSignedWith}); a server given VENDOR_PUBLIC_KEY_FILE does not trust it.`,
    );
  const { source, keys } = state.vendorTrust;
  if (source === 'VENDOR_PUBLIC_KEY_FILE')
    lines.push(
      `License files: signed by vendor key ${keys.map((k) => k.fingerprint).join(' or ')} (VENDOR_PUBLIC_KEY_FILE).`,
    );
  else if (source === 'recorded')
    lines.push(
      `License files: signed by vendor key ${keys.map((k) => k.fingerprint).join(' or ')} (recorded at an earlier start with VENDOR_PUBLIC_KEY_FILE; the demo key is not trusted).`,
    );
  else if (source === 'demo')
    lines.push(
      'License files: signed by the demo vendor key of the data folder (demo only: set VENDOR_PUBLIC_KEY_FILE).',
    );
  else lines.push('License files: no vendor key (set VENDOR_PUBLIC_KEY_FILE): license files cannot be imported.');
  lines.push(`Server key (device certificates): ${state.serverKeyFingerprint}`);
  if (state.unsigned.length > 0)
    lines.push(
      `Unsigned companies (no license file imported yet; the first one takes their licenses over): ${state.unsigned.join(', ')}`,
    );
  if (state.untrusted.length > 0)
    lines.push(
      `Companies whose license file is signed by a key this server does not trust (their device certificates will not verify; import a file the vendor signed): ${state.untrusted.join(', ')}`,
    );
  return lines;
}
