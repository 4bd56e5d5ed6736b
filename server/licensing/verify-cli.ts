import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyActivation } from './verify-activation';

/**
 * `npm run verify -- --vendor-key FILE[,FILE] --hardware-id H activation.jwt`: the reference
 * verifier's command line. The file holds the certificate, or the activation API's whole JSON
 * answer (its `certificate`). Exit 0 valid (prints the activation), 1 refused (code: reason), 2 usage.
 */
const USAGE = 'Usage: npm run verify -- --vendor-key FILE[,FILE] --hardware-id H activation.jwt [--json]';

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { 'vendor-key': { type: 'string' }, 'hardware-id': { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const missing = !values['vendor-key']
    ? '--vendor-key'
    : !values['hardware-id']
      ? '--hardware-id'
      : positionals.length !== 1
        ? 'the certificate file'
        : null;
  if (missing) {
    console.error(`${missing} is required\n${USAGE}`);
    return 2;
  }
  let vendorKeys;
  let text: string;
  try {
    vendorKeys = values['vendor-key']!.split(',').map((path) => createPublicKey(readFileSync(path.trim(), 'utf8')));
    text = readFileSync(positionals[0]!, 'utf8').trim();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const certificate = text.startsWith('{') ? String((JSON.parse(text) as { certificate?: unknown }).certificate) : text;
  void verifyActivation(certificate, { vendorKeys, hardwareId: values['hardware-id']! }).then((result) => {
    if (result.ok)
      console.log(
        values.json ? JSON.stringify(result.activation, null, 2) : `valid: ${JSON.stringify(result.activation)}`,
      );
    else
      console.error(
        values.json
          ? JSON.stringify({ code: result.code, message: result.message })
          : `${result.code}: ${result.message}`,
      );
    process.exitCode = result.ok ? 0 : 1;
  });
  return -1;
}

const code = main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
