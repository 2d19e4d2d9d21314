/**
 * Serves the built UI (dist/renderer) read-only, with content types and no way out of its folder.
 *
 * There is no single-page-app fallback: the UI routes with the URL fragment (it also loads from file: in the
 * desktop window, where history routing cannot work), so an unknown path is simply 404.
 */

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export const contentTypeOf = (file: string): string => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Turns a URL pathname into path segments, or null when any segment could step outside the folder.
 *
 * Each segment is decoded on its own, so `%2f`, `%5c` and `%00` cannot smuggle a separator or a NUL in, and
 * `.`/`..` (literal or encoded; WHATWG URL has usually removed them already) and dotfiles are refused outright.
 */
export function safeSegments(pathname: string): string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed percent-encoding
    }
    if (segment.startsWith('.') || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** The file under `root` for a pathname, if it exists and its real path (symlinks resolved) stays inside root. */
export async function resolveStatic(root: string, pathname: string): Promise<string | null> {
  const segments = safeSegments(pathname);
  if (segments === null) return null;
  if (segments.length === 0) segments.push('index.html');
  try {
    const realRoot = await realpath(root);
    const file = await realpath(join(realRoot, ...segments));
    if (!file.startsWith(realRoot + sep)) return null;
    return (await stat(file)).isFile() ? file : null;
  } catch {
    return null; // missing file or folder
  }
}

/** Whether `root` holds a built UI. Checked per request, so building the UI needs no restart. */
export async function hasBuiltUi(root: string | undefined): Promise<boolean> {
  if (root === undefined) return false;
  return (await resolveStatic(root, '/index.html')) !== null;
}

export async function sendFile(res: ServerResponse, file: string, headOnly: boolean): Promise<void> {
  const info = await stat(file);
  res.writeHead(200, { 'Content-Type': contentTypeOf(file), 'Content-Length': info.size });
  if (headOnly) {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
