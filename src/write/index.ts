import type { Notice } from '../model/schema.js';

/** A writer turns notices into one output document of its format. */
export type Writer = { name: string; extension: string; write: (notices: Notice[]) => string | Promise<string> };

const writers = new Map<string, () => Promise<Writer>>([
  ['json', async () => (await import('./json.js')).jsonWriter],
  ['yaml', async () => (await import('./yaml.js')).yamlWriter],
]);

export const FORMATS = [...writers.keys()];

export async function writerFor(name: string): Promise<Writer | null> {
  const load = writers.get(name === 'yml' ? 'yaml' : name);
  return load ? load() : null;
}
