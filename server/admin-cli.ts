import { runMain, type Program } from './command-line/run';
import { ADMIN_COMMANDS, adminHuman, type AdminCommand } from './operate/commands';

/**
 * The operator's CLI: `npm run admin -- <command> [--json]`, on the database of DATABASE_URL like
 * the server. Exit 0 done, 1 refused (the message says why), 2 bad arguments: the rules of
 * command-line/run.ts, shared with `npm run vendor`.
 */
const admin: Program<AdminCommand> = {
  invocation: 'npm run admin --',
  commands: ADMIN_COMMANDS,
  execute: (_name, command, flags, positionals) => command.run(flags, positionals),
  human: adminHuman,
};

runMain(admin);
