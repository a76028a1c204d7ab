/**
 * npm run bench: builds a corpus of at least BENCH_MB (default 100) MB in a temp dir and
 * prints, from one run: single-core parse speed per layout family next to a plain
 * read+decode+split floor (and pandoc, when installed); `fengong convert` wall time with 1
 * worker and with every core, next to the speed-up independent processes get on this machine;
 * cold start of `fengong parse` and `fengong --version`; peak
 * RSS of the batch run. Writes the table to bench/RESULTS.md. Imports the built parser
 * from dist/, so run `npm run build` first.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem, release, platform } from 'node:os';
import { join } from 'node:path';
import { buildCorpus } from './corpus.mjs';

const root = new URL('../', import.meta.url).pathname;
const bin = join(root, 'bin/fengong.js');
if (!existsSync(join(root, 'dist/parse.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { parseNotice } = await import(join(root, 'dist/parse.js'));

const MB = 1e6;
const totalBytes = Number(process.env.BENCH_MB ?? 100) * MB;
const cores = availableParallelism();
const tmp = mkdtempSync(join(tmpdir(), 'fengong-bench-'));
const corpusDir = join(tmp, 'in');
const seedFile = join(root, 'fixtures/seeds/004_f52bad858648e459.txt');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const secs = (ms) => (ms / 1000).toFixed(2);
const rate = (bytes, ms) => (bytes / MB / (ms / 1000)).toFixed(2);
const log = (s) => process.stderr.write(`bench: ${s}\n`);

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** Peak RSS and wall time of a command, via /usr/bin/time -v when present, else an exit hook. */
function measure(args) {
  const started = performance.now();
  let r;
  let rssKb = null;
  if (existsSync('/usr/bin/time')) {
    r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    rssKb = m ? Number(m[1]) : null;
  } else {
    // Worker threads live in the same process, so its maxRSS covers the whole batch.
    const hook = `process.on('exit', () => process.stderr.write('\\nmaxrss ' + process.resourceUsage().maxRSS + '\\n'));`;
    r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });
    const m = /maxrss (\d+)/.exec(r.stderr);
    rssKb = m ? Number(m[1]) : null;
  }
  return { ms: performance.now() - started, code: r.status, stderr: r.stderr, rssKb };
}

/** The npm packages a command imports, seen through a module resolve hook. */
function packagesLoaded(args) {
  const log = join(tmp, 'loaded.txt');
  const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
  return r;
}`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  rmSync(log, { force: true });
  spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, ...args], { stdio: 'ignore' });
  const urls = existsSync(log) ? readFileSync(log, 'utf8') : '';
  return [...new Set([...urls.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]))].sort();
}

function coldStart(args, runs = 9) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - t);
  }
  return median(times);
}

// ------------------------------------------------------------------ corpus

log(`building a ${totalBytes / MB} MB corpus in ${corpusDir}`);
const families = await buildCorpus(corpusDir, totalBytes, tmp);
const allFiles = Object.values(families).flatMap((f) => f.files);
const allBytes = Object.values(families).reduce((n, f) => n + f.bytes, 0);
log(`${allFiles.length} files, ${(allBytes / MB).toFixed(1)} MB`);

// ------------------------------------------------------------------ floor: read + decode + split lines

log('floor: read + decode + split lines');
const utf8 = new TextDecoder('utf-8');
let floorLines = 0;
const floorStart = performance.now();
for (const f of allFiles) floorLines += utf8.decode(readFileSync(f)).split(/\r\n|\r|\n/).length;
const floorMs = performance.now() - floorStart;

// ------------------------------------------------------------------ single-core parse per family

const perFamily = [];
let parseMs = 0;
let parseTasks = 0;
for (const [family, { files, bytes }] of Object.entries(families)) {
  log(`parse, one core: ${family}`);
  let tasks = 0;
  const t = performance.now();
  for (const f of files) {
    const n = await parseNotice(readFileSync(f), { path: f });
    for (const l of n.lists) tasks += l.tasks.length;
  }
  const ms = performance.now() - t;
  perFamily.push({ family, files: files.length, bytes, tasks, ms });
  parseMs += ms;
  parseTasks += tasks;
}

// ------------------------------------------------------------------ what the machine's cores give

// The same parsing in independent processes, one per core, each over its share of the files,
// against one process over all of them: the speed-up the machine itself allows this work
// (shared caches, memory bandwidth, a VM's vCPUs), which no batch design can beat.
log(`machine ceiling: ${cores} independent parse processes`);
const parseFiles = join(root, 'scripts/parse-files.mjs');
const distParse = pathToFileURL(join(root, 'dist/parse.js')).href;
const listOf = (files, name) => {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify(files));
  return file;
};
const timed = (lists) => {
  const t = performance.now();
  return Promise.all(lists.map((l) => new Promise((done) => spawn(process.execPath, [parseFiles, l, distParse], { stdio: 'ignore' }).on('exit', done)))).then(() => performance.now() - t);
};
const ceilingOne = await timed([listOf(allFiles, 'all.json')]);
const ceilingAll = await timed(Array.from({ length: cores }, (_, k) => listOf(allFiles.filter((_, i) => i % cores === k), `share-${k}.json`)));

// ------------------------------------------------------------------ pandoc, when installed

let pandocMs = null;
if (onPath('pandoc')) {
  log('pandoc -f markdown -t json');
  const t = performance.now();
  // Many files per call, as starting pandoc per file would measure process start-up.
  for (let i = 0; i < allFiles.length; i += 200) {
    execFileSync('pandoc', ['-f', 'markdown', '-t', 'json', '-o', '/dev/null', ...allFiles.slice(i, i + 200)]);
  }
  pandocMs = performance.now() - t;
}

// ------------------------------------------------------------------ convert: 1 worker, every core

const convertHelp = spawnSync(process.execPath, [bin, 'convert', '--help'], { encoding: 'utf8' });
const convertReady = convertHelp.status === 0 && spawnSync(process.execPath, [bin, 'convert', seedFile, '-o', join(tmp, 'probe'), '-q'], { encoding: 'utf8' }).status === 0;
const batch = {};
if (convertReady) {
  for (const jobs of [1, cores]) {
    log(`convert --jobs ${jobs}`);
    const out = join(tmp, `out-${jobs}`);
    batch[jobs] = measure([bin, 'convert', corpusDir, '-o', out, '--jobs', String(jobs), '-q']);
    if (batch[jobs].code !== 0) log(`convert --jobs ${jobs} exited ${batch[jobs].code}: ${batch[jobs].stderr.trim().split('\n')[0]}`);
    rmSync(out, { recursive: true, force: true });
  }
} else log('convert is not available in this build: skipping the batch measurements');

// ------------------------------------------------------------------ cold start

log('cold start');
const coldNode = coldStart(['-e', '0']);
const coldVersion = coldStart([bin, '--version']);
const coldParse = coldStart([bin, 'parse', seedFile]);
const loadedByParse = packagesLoaded([bin, 'parse', seedFile]);
const heavy = loadedByParse.filter((p) => /^(mammoth|unified|rehype-|remark-|hast-|mdast-|parse5|yaml$)/.test(p));

rmSync(tmp, { recursive: true, force: true });

// ------------------------------------------------------------------ report

const floorRate = allBytes / floorMs;
const parseRate = allBytes / parseMs;
const verdict = (ok) => (ok ? 'met' : 'NOT met');
const rows = [
  ['measure', 'value', 'target'],
  ['corpus', `${allFiles.length} files, ${(allBytes / MB).toFixed(1)} MB`, '>= 100 MB'],
  ...perFamily.map((p) => [`parse, 1 core: ${p.family}`, `${rate(p.bytes, p.ms)} MB/s, ${Math.round(p.tasks / (p.ms / 1000))} tasks/s (${p.files} files, ${p.tasks} tasks, ${secs(p.ms)} s)`, '']),
  ['parse, 1 core: all', `${rate(allBytes, parseMs)} MB/s, ${Math.round(parseTasks / (parseMs / 1000))} tasks/s (${secs(parseMs)} s)`, ''],
  ['floor: read + decode + split lines', `${rate(allBytes, floorMs)} MB/s (${floorLines} lines, ${secs(floorMs)} s)`, ''],
  ['parse vs floor', `${(floorRate / parseRate).toFixed(1)}x slower`, `<= 5x: ${verdict(floorRate / parseRate <= 5)}`],
  ['pandoc -f markdown -t json', pandocMs === null ? 'pandoc not installed' : `${rate(allBytes, pandocMs)} MB/s (${secs(pandocMs)} s)`, ''],
  ['parse vs pandoc', pandocMs === null ? 'n/a' : `${(pandocMs / parseMs).toFixed(1)}x faster`, pandocMs === null ? '>= 10x: not measured' : `>= 10x: ${verdict(pandocMs / parseMs >= 10)}`],
];
if (convertReady) {
  const one = batch[1];
  const all = batch[cores];
  rows.push(
    ['convert --jobs 1', `${secs(one.ms)} s wall (${rate(allBytes, one.ms)} MB/s), exit ${one.code}`, ''],
    [`convert --jobs ${cores}`, `${secs(all.ms)} s wall (${rate(allBytes, all.ms)} MB/s), exit ${all.code}`, ''],
    ['batch speed-up', `${(one.ms / all.ms).toFixed(2)}x on ${cores} cores`, `>= 1.7x on 2 cores: ${verdict(one.ms / all.ms >= 1.7)}`],
    ['machine ceiling: independent processes', `${(ceilingOne / ceilingAll).toFixed(2)}x on ${cores} cores (${secs(ceilingOne)} s in 1 process, ${secs(ceilingAll)} s in ${cores})`, `batch reaches ${Math.round((one.ms / all.ms / (ceilingOne / ceilingAll)) * 100)}% of it`],
    ['peak RSS, batch', `${all.rssKb === null ? '?' : Math.round(all.rssKb / 1024)} MB with ${cores} workers, ${one.rssKb === null ? '?' : Math.round(one.rssKb / 1024)} MB with 1`, `< 300 MB: ${verdict(all.rssKb !== null && all.rssKb / 1024 < 300)}`],
  );
} else rows.push(['convert', 'not available in this build', '']);
rows.push(
  ['cold start: node -e 0', `${Math.round(coldNode)} ms (median of 9)`, ''],
  ['cold start: fengong --version', `${Math.round(coldVersion)} ms`, ''],
  ['cold start: fengong parse (one seed)', `${Math.round(coldParse)} ms`, `< 150 ms: ${verdict(coldParse < 150)}`],
  ['packages a .txt parse imports', loadedByParse.join(', ') || 'none', `no mammoth/rehype/remark/yaml: ${verdict(heavy.length === 0)}`],
);

const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const line = (r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ');
console.log(rows.map(line).join('\n'));

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores available, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}, Node ${process.versions.node}`;
const md = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.`,
  '',
  '| measure | value | target |',
  '| --- | --- | --- |',
  ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`),
  '',
].join('\n');
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, 'bench/RESULTS.md'), md);
log('wrote bench/RESULTS.md');
