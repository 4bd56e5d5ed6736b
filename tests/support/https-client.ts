import { connect, constants, type ClientHttp2Session } from 'node:http2';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface HttpsAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** What ALPN settled on: 'h2' or 'http/1.1' (false: none offered). */
  protocol: string | false;
  /** The SHA-256 fingerprint of the certificate the server showed on this connection. */
  peerFingerprint: string;
}

/**
 * One HTTP/1.1 request over TLS that trusts `ca` (Node's fetch cannot be given a CA): `alpn`
 * offers protocols as a client would ([] offers none, as old tools do).
 */
export function https1(
  url: string,
  ca: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; alpn?: string[] } = {},
): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: init.method ?? 'GET',
        headers: init.headers,
        ca,
        agent: false,
        ...(init.alpn && init.alpn.length > 0 ? { ALPNProtocols: init.alpn } : {}),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const socket = res.socket as TLSSocket;
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            protocol: socket.alpnProtocol ?? false,
            peerFingerprint: socket.getPeerCertificate().fingerprint256,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** An HTTP/2 connection that trusts `ca`, kept open for several requests. */
export function h2Session(origin: string, ca: string): Promise<ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = connect(origin, { ca });
    session.once('connect', () => resolve(session));
    session.once('error', reject);
  });
}

/** A GET on an open HTTP/2 connection. */
export function h2Get(session: ClientHttp2Session, path: string, headers: Record<string, string> = {}) {
  return new Promise<HttpsAnswer>((resolve, reject) => {
    const stream = session.request({ [constants.HTTP2_HEADER_PATH]: path, ...headers });
    let text = '';
    let responseHeaders: Record<string, string | string[] | undefined> = {};
    stream.setEncoding('utf8');
    stream.on('response', (h) => (responseHeaders = h));
    stream.on('data', (chunk: string) => (text += chunk));
    stream.on('error', reject);
    stream.on('end', () => {
      const socket = session.socket as TLSSocket;
      resolve({
        status: Number(responseHeaders[constants.HTTP2_HEADER_STATUS]),
        headers: responseHeaders,
        text,
        protocol: socket.alpnProtocol ?? false,
        peerFingerprint: socket.getPeerCertificate().fingerprint256,
      });
    });
  });
}
