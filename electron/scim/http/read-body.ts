/**
 * Reads a request body up to a limit, without ever buffering more than the limit.
 */

import type { IncomingMessage } from 'node:http';

/** 1 MiB: far above any single Entra request (one user or one PATCH), small enough to bound memory. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult =
  | { readonly kind: 'ok'; readonly bytes: Buffer }
  | { readonly kind: 'too-large'; readonly received: number }
  | { readonly kind: 'aborted' };

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve({ kind: 'too-large', received: declared });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume(); // keep draining so the response can still be written; nothing more is kept
        resolve({ kind: 'too-large', received: size });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve({ kind: 'ok', bytes: Buffer.concat(chunks) }));
    req.on('aborted', () => resolve({ kind: 'aborted' }));
    req.on('error', () => resolve({ kind: 'aborted' }));
  });
}
