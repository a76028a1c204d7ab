/**
 * Parses every file named in a JSON list, one after another, and prints nothing: the bench
 * runs several of these side by side to find how far the machine's cores scale this work.
 */
import { readFileSync } from 'node:fs';

const [listFile, dist] = process.argv.slice(2);
const { parseNotice } = await import(dist);
for (const f of JSON.parse(readFileSync(listFile, 'utf8'))) await parseNotice(readFileSync(f), { path: f });
