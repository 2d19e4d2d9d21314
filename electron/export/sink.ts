/**
 * A file being written by an export: text goes through a write stream with backpressure (a write waits for
 * 'drain' when the stream's buffer is full), so memory stays flat however large the export (issue 7).
 *
 * The file is `<name>.partial` until `finish` renames it; `abort` removes it, so a cancelled or failed export
 * leaves nothing behind that looks complete.
 */

import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PARTIAL_SUFFIX } from './files.js';

export interface FileSink {
  readonly name: string;
  readonly path: string;
  /** Resolves once the text is buffered below the stream's high-water mark. */
  write(text: string): Promise<void>;
  /** Flushes, closes and renames the file into place; resolves with its size in bytes. */
  finish(): Promise<number>;
  /** Closes and deletes the partial file. */
  abort(): Promise<void>;
}

/** Larger than the default 16 KiB: a chunk of rows is written as one string, so fewer, larger writes. */
const HIGH_WATER_MARK = 1024 * 1024;

function waitFor(stream: WriteStream, event: 'drain' | 'finish', failed: () => Error | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const error = failed();
    if (error) return reject(error);
    const done = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (err: Error): void => {
      stream.off(event, done);
      reject(err);
    };
    stream.once(event, done);
    stream.once('error', onError);
  });
}

export function openSink(dir: string, name: string): FileSink {
  const path = join(dir, name);
  const partial = path + PARTIAL_SUFFIX;
  const stream = createWriteStream(partial, { highWaterMark: HIGH_WATER_MARK });
  let error: Error | null = null;
  // Always listened to: an error between two writes must not become an unhandled 'error' event.
  stream.on('error', (err) => (error ??= err));
  return {
    name,
    path,
    async write(text) {
      if (error) throw error;
      if (!stream.write(text)) await waitFor(stream, 'drain', () => error);
    },
    async finish() {
      if (error) throw error;
      const finished = waitFor(stream, 'finish', () => error);
      stream.end();
      await finished;
      await rename(partial, path);
      return stream.bytesWritten;
    },
    async abort() {
      if (!stream.closed) {
        const gone = new Promise<void>((resolve) => stream.once('close', () => resolve()));
        stream.destroy();
        await gone;
      }
      await rm(partial, { force: true });
      await rm(path, { force: true });
    },
  };
}
