import { it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { findDeadlinesInText, looksLikeDeadline, parseDeadlines } from '../src/normalize/deadlines.js';
it('scan fixtures', () => {
  for (const f of readdirSync('fixtures/seeds')) {
    const lines = readFileSync('fixtures/seeds/' + f, 'utf8').split(/\r?\n/);
    for (const l of lines) {
      if (!l.trim()) continue;
      const lk = looksLikeDeadline(l);
      const ft = findDeadlinesInText(l, { year: 2018 });
      if (lk) console.log('LOOKS', f.slice(0,3), l.slice(0, 80), JSON.stringify(parseDeadlines(l, { year: 2018 }).map(d => [d.kind, d.due, d.raw.slice(0, 20)])));
      else if (ft.length) console.log('TEXT ', f.slice(0,3), l.slice(0, 60), '=>', JSON.stringify(ft.map(d => [d.kind, d.due, d.raw])));
    }
  }
});
