import type { Duplex } from 'node:stream';
import { messageFor } from '@shared/domain';
import { statusOf } from './errors';

/** Parse errors that are not bad syntax: Node's own status lines say more for them than a 400. */
const NODE_STATUS: Record<string, string> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

/**
 * The server's `clientError` handler: the answer to a request Node cannot parse (a raw non-ASCII
 * byte in the path, a broken header line or chunk), which never reaches the app. Bad syntax gets
 * the `{code, message}` JSON every other error has instead of Node's bare 400; then, as Node does,
 * the connection closes, since the rest of its bytes cannot be read as requests. Nothing is
 * written when an answer is already under way on the connection.
 */
export function answerMalformedRequest(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const nodeStatus = NODE_STATUS[error.code ?? ''];
  const body = JSON.stringify({ code: 'invalid_request', message: messageFor('invalid_request') });
  // An answer to HEAD has no body, whatever its headers say.
  const head = error.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
  const answer = nodeStatus
    ? `HTTP/1.1 ${nodeStatus}\r\nConnection: close\r\n\r\n`
    : `HTTP/1.1 ${statusOf('invalid_request')} Bad Request\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`;
  socket.end(answer, () => socket.destroy());
}
