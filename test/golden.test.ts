import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../src/parse.js';
import { Notice } from '../src/model/schema.js';
import { compare, type Gold } from './gold.js';

const root = new URL('../fixtures/', import.meta.url).pathname;

/** Every notice with a hand-checked key: the five real seeds and the hand-written layout variants. */
const cases: [string, string, string][] = [
  ...readdirSync(join(root, 'gold')).filter((f) => f.endsWith('.gold.json')).map((f): [string, string, string] => ['seeds', join(root, 'seeds'), join(root, 'gold', f)]),
  ...(existsSync(join(root, 'variants/gold'))
    ? readdirSync(join(root, 'variants/gold')).filter((f) => f.endsWith('.gold.json')).map((f): [string, string, string] => ['variants', join(root, 'variants'), join(root, 'variants/gold', f)])
    : []),
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
