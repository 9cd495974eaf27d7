// Prints the side-by-side table of bench/peer/run.sh results: for each mode (capacity / limits / paced at a rate),
// the range over runs of each figure for KinerjaBot and the peer, and the ratio of the medians.
// usage: node bench/peer/summarise.mjs bench/peer/results/*.jsonl
import fs from 'node:fs';

const rows = process.argv.slice(2).flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));
if (!rows.length) { console.error('usage: node summarise.mjs results.jsonl ...'); process.exit(64); }

const bot = (r) => (r.label.startsWith('peer') ? 'peer' : 'kinerjabot');
const mode = (r) => `${r.unit_heads}x${r.indicators_per_unit}, ${r.limits ? 'double enforces limits' : 'no limits in the double'}${r.rate ? `, rate ${r.rate}/s` : ''}, ${r.label.replace(/^(peer|kinerjabot)-?/, '') || '?'}`;
const figures = [
  ['run time s (wall)', (r) => r.wall_s],
  ['updates/s', (r) => r.updates_per_s, true],
  ['p50 ms', (r) => r.latency_ms.p50],
  ['p99 ms', (r) => r.latency_ms.p99],
  ['HTTP 429', (r) => r.api.status_429],
  ['violations', (r) => r.api.violations],
  ['messages sent + edited', (r) => r.api.outbound],
  ['max sends+edits in 1 s', (r) => r.api.outbound_max_1s],
  ['bot CPU s', (r) => r.bot?.cpu_s],
  ['peak RSS MB', (r) => r.bot?.peak_rss_mb],
];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (x) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 10) / 10));
const range = (xs) => (xs.length ? (Math.min(...xs) === Math.max(...xs) ? fmt(xs[0]) : `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`) : '—');

const groups = new Map();
for (const r of rows) { const k = mode(r); if (!groups.has(k)) groups.set(k, { kinerjabot: [], peer: [] }); groups.get(k)[bot(r)].push(r); }
for (const [k, g] of groups) {
  const notOk = [...g.kinerjabot, ...g.peer].filter((r) => !r.ok).length;
  console.log(`\n### ${k} — runs: KinerjaBot ${g.kinerjabot.length}, peer ${g.peer.length}${notOk ? `, ${notOk} NOT OK` : ''}\n`);
  console.log('| figure | KinerjaBot | peer | ratio (median KinerjaBot ÷ peer) |');
  console.log('|---|---|---|---|');
  for (const [name, get, higherIsBetter] of figures) {
    const a = g.kinerjabot.map(get).filter((x) => typeof x === 'number');
    const b = g.peer.map(get).filter((x) => typeof x === 'number');
    let ratio = '—';
    if (a.length && b.length && median(b) !== 0) ratio = `${(median(a) / median(b)).toFixed(2)}×${higherIsBetter ? ' (higher is better)' : ''}`;
    console.log(`| ${name} | ${range(a)} | ${range(b)} | ${ratio} |`);
  }
  // The floor under Telegram's limits: the messages accepted at 30 a second; two decimals, the target is 1.15.
  const overFloor = (r) => (r.wall_s / (r.api.outbound / 30)).toFixed(2);
  const span = (rs) => [...new Set([Math.min, Math.max].map((f) => f(...rs.map(overFloor).map(Number)).toFixed(2)))].join('–');
  if (g.kinerjabot.length && g.kinerjabot[0].limits) {
    console.log(`| run time ÷ floor (messages ÷ 30/s) | ${span(g.kinerjabot)} | ${g.peer.length ? span(g.peer) : '—'} | |`);
  }
}
