import { readFile, stat, writeFile, rename, mkdir } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
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

/** Reads a file, or standard input for "-", refusing anything over maxBytes before reading it. */
export async function readInput(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  if (path === '-') return readStdin(maxBytes);
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw Object.assign(new Error('dir'), { code: 'EISDIR' });
    if (s.size > maxBytes) throw new InputError('too-large', `is ${s.size} bytes, over the limit of ${maxBytes} (raise it with --max-bytes)`);
    return await readFile(path);
  } catch (e) {
    throw e instanceof InputError ? e : ioError(e);
  }
}

/** Writes through a temporary file and a rename, so an interrupted run never leaves half a file. */
// Folders this process has made: a batch writes thousands of files into a few folders.
const made = new Set<string>();

export async function writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  if (!made.has(dir)) {
    await mkdir(dir, { recursive: true });
    made.add(dir);
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  await writeFile(tmp, content);
  await rename(tmp, path);
}

export async function writeOutput(path: string | undefined, content: string): Promise<void> {
  if (!path || path === '-') {
    // A reader that stops early (`fengong parse x | head`) closes the pipe: that is not an error.
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(content, (e) => (e && (e as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(e) : resolve())),
    );
  } else await writeAtomic(path, content);
}
