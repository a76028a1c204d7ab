import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../src/parse.js';
import { Notice } from '../src/model/schema.js';
import { compare, type Gold } from './gold.js';

const root = new URL('../fixtures/', import.meta.url).pathname;

const keyed = (name: string, inputs: string, keys: string): [string, string, string][] =>
  existsSync(keys) ? readdirSync(keys).filter((f) => f.endsWith('.gold.json')).map((f) => [name, inputs, join(keys, f)]) : [];

/** Every notice with a hand-checked key: the five real seeds and every batch of hand-written layout variants. */
const cases: [string, string, string][] = [
  ...keyed('seeds', join(root, 'seeds'), join(root, 'gold')),
  ...readdirSync(root)
    .filter((d) => /^variants\d*$/.test(d))
    .sort()
    .flatMap((d) => keyed(d, join(root, d), join(root, d, 'gold'))),
];

describe.each(cases)('golden %s', (_, dir, goldPath) => {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  it(gold.file, async () => {
    const notice = await parseNotice(readFileSync(join(dir, gold.file)), { path: gold.file });
    expect(Notice.safeParse(notice).success).toBe(true);
    if (!gold.isTaskNotice) {
      expect(notice.lists).toEqual([]);
      expect(notice.diagnostics.some((d) => d.code === 'no-task-list')).toBe(true);
    }
    expect(compare(notice, gold)).toEqual([]);
  });
});
