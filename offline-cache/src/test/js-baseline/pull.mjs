// The initial-sync benchmark's baseline (offline-cache SupabaseJsBaselineBenchmark): a whole-cache
// pull written the way a competent team would with supabase-js and better-sqlite3 —
// keyset pages on (sync_xid, id) with PostgREST's or-filter, the next page requested before the
// current one is written, one SQLite transaction per page, prepared upserts, the cache's own
// columns and indexes (the benchmark hands over the DDL the engine's cache uses), WAL with
// synchronous=normal like the cache.
//
//   node pull.mjs config.json
//
// config: {url, anonKey, email, password, db, pageSize, tables: [{name, columns, ddl: [sql…]}],
//          firstScreen: [table…]}. Prints one JSON line: {totalMs, firstScreenMs, rows: {table: n}};
// the clock starts after sign-in and schema creation, as the engine's does.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createClient } from '@supabase/supabase-js';
import Database from 'better-sqlite3';
import ws from 'ws';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const supabase = createClient(config.url, config.anonKey, {
  auth: { persistSession: false, autoRefreshToken: false },
  // Node 20 has no WebSocket of its own; the pull never opens one, but supabase-js builds its client.
  realtime: { transport: ws },
});
const { error: signInError } = await supabase.auth.signInWithPassword({
  email: config.email,
  password: config.password,
});
if (signInError) {
  console.error(`sign-in failed: ${signInError.message}`);
  process.exit(1);
}

const db = new Database(config.db);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -65536');
for (const table of config.tables) {
  for (const statement of table.ddl) {
    db.exec(statement);
  }
}

// SQLite takes numbers, strings, bigints and null; booleans become 0/1, arrays and objects JSON text.
function bindable(value) {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

async function fetchPage(table, after) {
  let query = supabase
    .from(table.name)
    .select(table.columns.join(','))
    .order('sync_xid', { ascending: true })
    .order('id', { ascending: true })
    .limit(config.pageSize);
  if (after) {
    query = query.or(`sync_xid.gt.${after.sync_xid},and(sync_xid.eq.${after.sync_xid},id.gt.${after.id})`);
  }
  const { data, error } = await query;
  if (error) throw new Error(`${table.name}: ${error.message}`);
  return data;
}

async function pull(table) {
  const columns = table.columns.map((c) => `"${c}"`).join(', ');
  const placeholders = table.columns.map(() => '?').join(', ');
  const updates = table.columns.filter((c) => c !== 'id').map((c) => `"${c}" = excluded."${c}"`).join(', ');
  const upsert = db.prepare(`insert into "${table.name}" (${columns}) values (${placeholders}) `
    + `on conflict ("id") do update set ${updates}`);
  const writePage = db.transaction((rows) => {
    for (const row of rows) {
      upsert.run(table.columns.map((c) => bindable(row[c])));
    }
  });
  let count = 0;
  let page = await fetchPage(table, null);
  while (page.length > 0) {
    const last = page[page.length - 1];
    // Ask for the next page first, write this one while it travels.
    const next = page.length < config.pageSize ? Promise.resolve([]) : fetchPage(table, last);
    writePage(page);
    count += page.length;
    page = await next;
  }
  return count;
}

const started = performance.now();
const rows = {};
let firstScreenMs = null;
const firstScreen = new Set(config.firstScreen);
const perTable = [];
for (const table of config.tables) {
  const tableStart = performance.now();
  rows[table.name] = await pull(table);
  perTable.push(`${table.name} ${Math.round(performance.now() - tableStart)}`);
  firstScreen.delete(table.name);
  if (firstScreenMs === null && firstScreen.size === 0) {
    firstScreenMs = performance.now() - started;
  }
}
const totalMs = performance.now() - started;
db.close();
if (process.env.BENCH_PER_TABLE) console.error(`    supabase-js ms per table: ${perTable.join(' ')}`);
console.log(JSON.stringify({ totalMs, firstScreenMs, rows }));
