import { COMMANDS, type VendorCommand } from './admin/commands';
import { formatHuman } from './admin/format';
import { withDatabase } from './command-line/database';
import { runMain, type Program } from './command-line/run';

/**
 * The vendor's CLI (rule 8): `npm run vendor -- <command> [options] [--json]`, on the database of
 * DATABASE_URL like the server. Exit 0 done, 1 refused (an unknown company, license or user, a
 * broken rule), 2 bad arguments: the rules of command-line/run.ts, shared with `npm run admin`.
 */
const vendor: Program<VendorCommand> = {
  invocation: 'npm run vendor --',
  commands: COMMANDS,
  execute: (_name, command, flags) => withDatabase((db) => command.run(db, flags)),
  human: formatHuman,
};

runMain(vendor);
