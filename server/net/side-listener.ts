import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A small plain-HTTP listener beside the portal's own (the metrics, the redirect to HTTPS). */
export interface SideListener {
  port: number;
  stop(): Promise<void>;
}

/**
 * Listens on `host:port` with `handler`, answering once it listens with the port it got (0 picks
 * a free one). A port that cannot be had rejects with an error naming the `setting` that chose it.
 * `stop` closes the listener and every connection still open on it.
 */
export async function listenBeside(
  setting: string,
  port: number,
  host: string,
  handler: RequestListener,
): Promise<SideListener> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`${setting}: cannot listen on ${host}:${port}: ${error.code ?? error.message}`)),
    );
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
