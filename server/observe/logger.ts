import { pino, type Logger } from 'pino';

export type { Logger };

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** LOG_LEVEL: one of pino's levels (default info); anything else stops the start, naming the setting. */
export function logLevelSetting(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info';
  const level = LEVELS.find((l) => l === value.toLowerCase());
  if (!level) throw new Error(`LOG_LEVEL: "${value}" is not a log level (${LEVELS.join(', ')})`);
  return level;
}

/**
 * The server's log: one JSON object per line on stdout, for a log shipper (`level` as a name,
 * `time` as an ISO date, `msg`; a request's lines carry `reqId`). Written asynchronously (lines
 * that come while a write is under way go out together: a line per /status poll at 20,000 polls
 * a second cost a write each when synchronous); `flushLog` before the process exits. Secrets never
 * reach it: request lines name the method, the route's path and the status only, never headers,
 * query strings or bodies.
 */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Belt and braces: should an object with these keys ever be logged, its values are hidden.
      redact: {
        paths: ['password', 'newPassword', 'currentPassword', 'initialPassword', 'token', 'authorization'],
        censor: '[hidden]',
      },
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}

/** A logger that writes nothing (in-process tests that do not look at the log). */
export const silentLogger = (): Logger => pino({ level: 'silent' });

/** Writes out what the log still holds, then calls `done` (before process.exit). */
export function flushLog(log: Logger, done: () => void): void {
  log.flush(() => done());
}
