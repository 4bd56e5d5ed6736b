import type { X509Certificate } from 'node:crypto';

/**
 * What the operator reads at start when the server uses its own CA: where the CA certificate is,
 * its fingerprint (to compare with what a laptop shows before trusting it) and how each kind of
 * machine trusts it. The CA's key never leaves the server; only ca.pem is handed out.
 */
export function trustInstructions(caFile: string, ca: X509Certificate, created: boolean): string[] {
  return [
    `TLS: this server's own certificate authority ${created ? '(created now)' : ''}`.trimEnd(),
    `  CA certificate: ${caFile}`,
    `  SHA-256 fingerprint: ${ca.fingerprint256}`,
    `  Managers' machines must trust it once (copy ca.pem to them; never ca-key.pem):`,
    `  - Windows (all machines of a domain): Group Policy Management > Computer Configuration > Policies >`,
    `    Windows Settings > Security Settings > Public Key Policies > Trusted Root Certification Authorities > Import ca.pem.`,
    `    One machine: certutil -addstore -f Root ca.pem (as administrator)`,
    `  - macOS: sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ca.pem`,
    `  - Linux: sudo cp ca.pem /usr/local/share/ca-certificates/seat-portal-ca.crt && sudo update-ca-certificates`,
    `    (Fedora/RHEL: /etc/pki/ca-trust/source/anchors/ and update-ca-trust); Chromium on Linux reads its own store:`,
    `    certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n "Seat Portal CA" -i ca.pem`,
    `  - Firefox (its own store): enterprise policy in policies.json,`,
    `    {"policies": {"Certificates": {"ImportEnterpriseRoots": true, "Install": ["/path/to/ca.pem"]}}}`,
  ];
}
