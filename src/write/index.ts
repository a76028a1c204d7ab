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
  ['csv', async () => (await import('./csv.js')).csvWriter],
  ['md', async () => (await import('./markdown.js')).markdownWriter],
  ['ndjson', async () => (await import('./ndjson.js')).ndjsonWriter],
  ['ics', async () => (await import('./ics.js')).icsWriter],
]);

export const FORMATS = [...writers.keys()];

const ALIASES: Record<string, string> = { yml: 'yaml', markdown: 'md', jsonl: 'ndjson' };

export async function writerFor(name: string): Promise<Writer | null> {
  const load = writers.get(ALIASES[name] ?? name);
  return load ? load() : null;
}
