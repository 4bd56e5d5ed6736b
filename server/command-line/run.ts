import { parseArgs } from 'node:util';
import { EXIT, RefusedError, UsageError } from './errors';

/** Option values as parseArgs gives them. */
export type Flags = Record<string, string | boolean | undefined>;

/** What the runner needs of a command: its usage line, its options and its positional arguments. */
export interface CommandSpec {
  usage: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  /** Names of the positional arguments it takes, in order (each required); none by default. */
  positionals?: readonly string[];
}

/** One command line program: `npm run vendor` or `npm run admin`. */
export interface Program<C extends CommandSpec> {
  /** How it is called, for the usage text: `npm run vendor --`. */
  invocation: string;
  /** By name: one word (`backup`) or two (`license list`). */
  commands: Record<string, C>;
  /** Does the work; returns what `--json` prints. Throws UsageError (exit 2) or RefusedError (exit 1). */
  execute(name: string, command: C, flags: Flags, positionals: string[]): Promise<unknown>;
  /** The output for people (without `--json`). */
  human(name: string, output: unknown): string;
}

/**
 * Runs one command line: finds the command (its first one or two words), parses its options
 * strictly, runs it and prints its output. Exit 0 done, 1 refused (RefusedError: unknown company,
 * license, user or file, a broken rule), 2 a bad command line (an unknown command or option, a
 * missing or malformed value). Errors go to stderr, as `{"error": ...}` with `--json`.
 */
async function runProgram<C extends CommandSpec>(program: Program<C>, argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const help = argv.includes('--help') || argv.includes('-h');
  const found = findCommand(program.commands, argv);
  if (!found) {
    if (help) return print(usageOf(program), EXIT.ok);
    const words = argv.filter((a) => !a.startsWith('-')).slice(0, 2);
    const what = words.length === 0 ? 'no command given' : `unknown command "${words.join(' ')}"`;
    return fail(EXIT.usage, what, usageOf(program), json);
  }
  const { name, rest } = found;
  const command = program.commands[name]!;
  const usage = `Usage: ${program.invocation} ${command.usage}`;
  if (help) return print(usage, EXIT.ok);
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
    const wanted = command.positionals ?? [];
    if (parsed.positionals.length > wanted.length)
      throw new UsageError(`unexpected argument "${parsed.positionals[wanted.length]}"`);
    if (parsed.positionals.length < wanted.length)
      throw new UsageError(`give ${wanted.slice(parsed.positionals.length).join(' and ')}`);
    const output = await program.execute(name, command, parsed.values as Flags, parsed.positionals);
    console.log(json ? JSON.stringify(output, null, 2) : program.human(name, output));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) return fail(EXIT.usage, `${name}: ${error.message}`, usage, json);
    // parseArgs' own errors: an unknown option, a missing value.
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
      return fail(EXIT.usage, `${name}: ${error.message}`, usage, json);
    if (error instanceof RefusedError) return fail(EXIT.refused, `${name}: ${error.message}`, undefined, json);
    throw error;
  }
}

/** Runs the program on this process's arguments and exits with its code (1 for an unexpected failure, with its stack). */
export function runMain<C extends CommandSpec>(program: Program<C>): void {
  runProgram(program, process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(EXIT.refused);
    },
  );
}

/** The command named by the first one or two words (options and their values skipped), and the arguments after it. */
function findCommand(commands: Record<string, unknown>, argv: string[]): { name: string; rest: string[] } | undefined {
  const at = argv.flatMap((a, i) => (a.startsWith('-') ? [] : [i])).slice(0, 2);
  for (const length of [2, 1]) {
    if (at.length < length) continue;
    const name = at
      .slice(0, length)
      .map((i) => argv[i])
      .join(' ');
    if (Object.hasOwn(commands, name)) return { name, rest: argv.filter((_, i) => !at.slice(0, length).includes(i)) };
  }
  return undefined;
}

function usageOf<C extends CommandSpec>(program: Program<C>): string {
  return [
    `Usage: ${program.invocation} <command> [options] [--json]`,
    '',
    ...Object.values(program.commands).map((c) => `  ${c.usage}`),
    '',
    'Exit 0 done, 1 refused (unknown company, license, user or file; the message says why), 2 bad arguments.',
  ].join('\n');
}

function print(text: string, code: number): number {
  console.log(text);
  return code;
}

function fail(code: number, message: string, usage: string | undefined, json: boolean): number {
  console.error(
    json
      ? JSON.stringify({ error: message, ...(usage ? { usage } : {}) })
      : [message, usage].filter(Boolean).join('\n'),
  );
  return code;
}
