/**
 * `GET /exports/<jobId>/<file>`: hands out a finished export file as a download (issue 7). The route reaches here
 * only after the Host, Origin and credential checks every API call passes (routes.ts); the job id and file name are
 * checked against our own naming before any path is built (electron/export/files.ts), so nothing outside the
 * exports folder can be read.
 */

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { EXPORTS_PATH } from '../../shared/api/admin-http.js';
import { exportFilePath } from '../export/files.js';
import { sendFailure } from './respond.js';

const TYPES: Readonly<Record<string, string>> = {
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.har': 'application/json; charset=utf-8',
};

/** RFC 6266: a plain ASCII fallback and the exact name in RFC 8187 encoding. */
export const contentDisposition = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function sendExportFile(req: IncomingMessage, res: ServerResponse, exportsDir: string | undefined, pathname: string): Promise<void> {
  req.resume();
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendFailure(res, 405, 'invalid-argument', 'Use GET, HEAD here.', { Allow: 'GET, HEAD' });
  const parts = pathname.slice(EXPORTS_PATH.length).split('/');
  let path: string | null = null;
  if (exportsDir !== undefined && parts.length === 2) {
    try {
      path = exportFilePath(exportsDir, decodeURIComponent(parts[0] ?? ''), decodeURIComponent(parts[1] ?? ''));
    } catch {
      path = null;
    }
  }
  if (path === null) return sendFailure(res, 404, 'not-found', 'No such export file; it may still be running, or was cancelled.');
  const file = path;
  const size = (await stat(file)).size;
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': size,
    'Content-Disposition': contentDisposition(decodeURIComponent(parts[1] ?? 'export')),
  });
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}
