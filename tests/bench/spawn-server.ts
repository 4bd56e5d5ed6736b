import { spawn, type SpawnOptions } from 'node:child_process';

/**
 * A server as a child process: resolves once its output (stdout and stderr) matches `listening`,
 * with the match and a stop() that ends it and waits; rejects, with what it printed, if it exits
 * first. Its output is read for as long as it runs (a full pipe would stall it), kept only until then.
 */
export function spawnServer(
  command: string,
  args: string[],
  options: Omit<SpawnOptions, 'stdio'>,
  listening: RegExp,
): Promise<{ match: RegExpExecArray; stop(): Promise<void> }> {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    let listened = false;
    const onData = (chunk: Buffer) => {
      if (listened) return;
      output += chunk.toString();
      const match = listening.exec(output);
      if (match) {
        listened = true;
        resolve({ match, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args.at(-1)} exited (${code}): ${output}`)));
  });
}
