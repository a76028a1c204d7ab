import { readFileSync, statSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { InputError } from './errors.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Input errors that mean the file cannot be read at all (exit 2), as opposed to bad content (exit 1). */
export const UNREADABLE = new Set(['not-found', 'is-directory', 'permission', 'unreadable']);

function ioError(e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError('not-found', 'no such file');
  if (code === 'EISDIR') return new InputError('is-directory', 'is a directory (use `fengong convert DIR -o OUT` for folders)');
  if (code === 'EACCES' || code === 'EPERM') return new InputError('permission', 'permission denied');
  return new InputError('unreadable', `cannot read: ${(e as Error).message}`);
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new InputError('too-large', `standard input is larger than the limit of ${maxBytes} bytes (raise it with --max-bytes)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a file, refusing anything over maxBytes before reading it. Synchronous: a batch
 * worker reads thousands of small files on its own thread, where a promise per call costs
 * more than the read.
 */
export function readFileInput(path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  try {
    const s = statSync(path);
    if (s.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    if (s.size > maxBytes) throw new InputError('too-large', `is ${s.size} bytes, over the limit of ${maxBytes} (raise it with --max-bytes)`);
    return readFileSync(path);
  } catch (e) {
    throw e instanceof InputError ? e : ioError(e);
  }
}

/** A file, or standard input for "-". */
export async function readInput(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  return path === '-' ? readStdin(maxBytes) : readFileInput(path, maxBytes);
}

// Folders this process has made: a batch writes thousands of files into a few folders.
const made = new Set<string>();

/**
 * Writes through a temporary file and a rename, so an interrupted run never leaves half a
 * file. The temporary name carries the thread, since batch workers share the process id.
 */
export function writeAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}-${threadId}.tmp`);
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

export async function writeOutput(path: string | undefined, content: string): Promise<void> {
  if (!path || path === '-') {
    // A reader that stops early (`fengong parse x | head`) closes the pipe: that is not an error.
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(content, (e) => (e && (e as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(e) : resolve())),
    );
  } else writeAtomic(path, content);
}
