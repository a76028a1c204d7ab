/**
 * The bench corpus: copies of the real seeds and the hand-written variants, plus notices
 * generated in three layout families by test/generate.ts, written into a temp dir until it
 * holds at least the asked-for number of bytes. Every file differs from every other (a
 * numbered 索引号 line on the copies, a different seed for each generated notice), so no
 * cache or dedup can make a copy free.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = new URL('../', import.meta.url).pathname;

/** test/generate.ts as an ES module: plain Node cannot load TypeScript, so transpile it. */
export async function loadGenerator(tmp) {
  const source = readFileSync(join(root, 'test/generate.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  const file = join(tmp, 'generate.mjs');
  writeFileSync(file, outputText);
  return import(pathToFileURL(file).href);
}

const texts = (dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(root, dir, f), 'utf8'));

/**
 * Writes the corpus into dir/<family>/ and returns, per family, its files. Shares of the
 * bytes: a third real seeds, a sixth hand-written variants, the other half split evenly
 * between the generated families.
 */
export async function buildCorpus(dir, totalBytes, tmp) {
  const gen = await loadGenerator(tmp);
  const share = { seeds: 1 / 3, variants: 1 / 6, ...Object.fromEntries(gen.FAMILIES.map((f) => [f, 1 / (2 * gen.FAMILIES.length)])) };
  const sources = { seeds: texts('fixtures/seeds'), variants: texts('fixtures/variants') };
  const families = {};
  for (const [family, part] of Object.entries(share)) {
    const sub = join(dir, family);
    mkdirSync(sub, { recursive: true });
    const files = [];
    let bytes = 0;
    for (let k = 0; bytes < totalBytes * part; k++) {
      const text = sources[family]
        ? `索引号:bench-${family}-${k}\n${sources[family][k % sources[family].length]}`
        : gen.render(gen.randomSpec(gen.rng(k + 1), family, 12)).text;
      const body = Buffer.from(text, 'utf8');
      const file = join(sub, `${String(k).padStart(6, '0')}.txt`);
      writeFileSync(file, body);
      files.push(file);
      bytes += body.length;
    }
    families[family] = { files, bytes };
  }
  return families;
}
