import type { Notice } from '../model/schema.js';

export type WriteOptions = { bom?: boolean };

/** A writer turns notices into one output document of its format. */
export type Writer = {
  name: string;
  extension: string;
  write: (notices: Notice[], opts?: WriteOptions) => string | Promise<string>;
};

// Loaded on first use: a JSON parse never pays for the Markdown or iCalendar tooling.
const writers = new Map<string, () => Promise<Writer>>([
  ['json', async () => (await import('./json.js')).jsonWriter],
  ['yaml', async () => (await import('./yaml.js')).yamlWriter],
]);

export const FORMATS = [...writers.keys()];

export async function writerFor(name: string): Promise<Writer | null> {
  const load = writers.get(name === 'yml' ? 'yaml' : name);
  return load ? load() : null;
}
