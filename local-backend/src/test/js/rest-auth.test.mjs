// The real supabase-js against a running local-backend. Started by SupabaseJsContractTest, which
// passes the backend's URL and keys and the fixture (users, a lead, an expired token) in the env.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from '@supabase/supabase-js';
// Node 20 has no global WebSocket; supabase-js's realtime client needs one handed in.
import WebSocket from 'ws';

const url = required('SUPABASE_URL');
const anonKey = required('SUPABASE_ANON_KEY');
const fixture = JSON.parse(required('FIELDDESK_FIXTURE'));

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run this suite through SupabaseJsContractTest`);
  return value;
}

function newClient(options = {}) {
  return createClient(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket },
    ...options,
  });
}

async function signedIn(user) {
  const client = newClient();
  const { data, error } = await client.auth.signInWithPassword({ email: user.email, password: user.password });
  assert.equal(error, null, `sign in of ${user.email}`);
  assert.ok(data.session.access_token);
  return client;
}

test('sign in, read the user, sign out', async () => {
  const client = newClient();
  const { data, error } = await client.auth.signInWithPassword(fixture.csrA);
  assert.equal(error, null);
  assert.equal(data.user.email, fixture.csrA.email);
  assert.equal(data.session.token_type, 'bearer');

  const { data: me, error: meError } = await client.auth.getUser();
  assert.equal(meError, null);
  assert.equal(me.user.id, data.user.id);

  const { error: outError } = await client.auth.signOut();
  assert.equal(outError, null);
  const { error: refreshError } = await newClient().auth.refreshSession({ refresh_token: data.session.refresh_token });
  assert.ok(refreshError, 'the signed-out session cannot be refreshed');
});

test('a wrong password is invalid_credentials', async () => {
  const { data, error } = await newClient().auth.signInWithPassword({ email: fixture.csrA.email, password: 'wrong-password' });
  assert.equal(data.session, null);
  assert.equal(error.status, 400);
  assert.equal(error.code, 'invalid_credentials');
  assert.equal(error.message, 'Invalid login credentials');
});

test('refresh rotates the session', async () => {
  const client = await signedIn(fixture.csrA);
  const before = (await client.auth.getSession()).data.session;
  const { data, error } = await client.auth.refreshSession();
  assert.equal(error, null);
  assert.notEqual(data.session.refresh_token, before.refresh_token);
  assert.equal(data.user.id, before.user.id);
  const { data: rows, error: selectError } = await client.from('customers').select('id').limit(1);
  assert.equal(selectError, null);
  assert.equal(rows.length, 1);
});

test('select with filters, order, range and an exact count', async () => {
  const client = await signedIn(fixture.csrA);
  const { data, error, count, status } = await client
    .from('customers')
    .select('full_name', { count: 'exact' })
    .ilike('full_name', 'contract customer%')
    .order('full_name', { ascending: false })
    .range(1, 2);
  assert.equal(error, null);
  assert.equal(status, 206);
  assert.equal(count, 5);
  assert.deepEqual(data.map((r) => r.full_name), ['Contract customer 4', 'Contract customer 3']);

  const { data: some } = await client.from('customers').select('full_name')
    .in('full_name', ['Contract customer 1', 'Contract customer 2']).neq('full_name', 'Contract customer 2');
  assert.deepEqual(some, [{ full_name: 'Contract customer 1' }]);

  const { data: either } = await client.from('customers').select('full_name')
    .or('full_name.eq.Contract customer 1,full_name.eq.Contract customer 5').order('full_name');
  assert.deepEqual(either.map((r) => r.full_name), ['Contract customer 1', 'Contract customer 5']);

  const { count: headCount, error: headError } = await client.from('customers')
    .select('*', { count: 'exact', head: true }).like('full_name', 'Contract customer%');
  assert.equal(headError, null);
  assert.equal(headCount, 5);
});

test('another company sees none of these rows', async () => {
  const client = await signedIn(fixture.csrB);
  const { data, error } = await client.from('customers').select('id').ilike('full_name', 'contract customer%');
  assert.equal(error, null);
  assert.deepEqual(data, []);
});

test('single() and maybeSingle()', async () => {
  const client = await signedIn(fixture.csrA);
  const one = await client.from('customers').select('full_name').eq('full_name', 'Contract customer 1').single();
  assert.equal(one.error, null);
  assert.deepEqual(one.data, { full_name: 'Contract customer 1' });

  const none = await client.from('customers').select('full_name').eq('full_name', 'nobody').maybeSingle();
  assert.equal(none.error, null);
  assert.equal(none.data, null);

  const many = await client.from('customers').select('full_name').ilike('full_name', 'contract customer%').single();
  assert.equal(many.data, null);
  assert.equal(many.error.code, 'PGRST116');
  assert.equal(many.status, 406);
});

test('insert, upsert, update and soft delete with select()', async () => {
  const client = await signedIn(fixture.csrA);
  const inserted = await client.from('customers').insert({ full_name: 'JS inserted', email: 'js@example.com' })
    .select('id, full_name, email, company_id').single();
  assert.equal(inserted.error, null);
  assert.equal(inserted.status, 201);
  assert.equal(inserted.data.full_name, 'JS inserted');
  assert.equal(inserted.data.company_id, fixture.companyA);
  const id = inserted.data.id;

  const bulk = await client.from('customers').insert([{ full_name: 'JS bulk 1' }, { full_name: 'JS bulk 2' }]).select('full_name');
  assert.equal(bulk.error, null);
  assert.deepEqual(bulk.data.map((r) => r.full_name).sort(), ['JS bulk 1', 'JS bulk 2']);

  const upserted = await client.from('customers').upsert({ id, full_name: 'JS upserted' }).select('id, full_name');
  assert.equal(upserted.error, null);
  assert.deepEqual(upserted.data, [{ id, full_name: 'JS upserted' }]);

  const updated = await client.from('customers').update({ notes: 'called back' }).eq('id', id).select('notes');
  assert.equal(updated.error, null);
  assert.deepEqual(updated.data, [{ notes: 'called back' }]);

  // Synced tables are soft-delete only: nobody hard-deletes, managers set deleted_at.
  const manager = await signedIn(fixture.adminA);
  for (const who of [client, manager]) {
    const hardDelete = await who.from('customers').delete().in('full_name', ['JS bulk 1', 'JS bulk 2']).select('full_name');
    assert.equal(hardDelete.status, 403);
    assert.equal(hardDelete.error.code, '42501');
  }
  const now = new Date().toISOString();
  const notAllowed = await client.from('customers').update({ deleted_at: now }).in('full_name', ['JS bulk 1', 'JS bulk 2']);
  assert.equal(notAllowed.status, 403, 'a CSR may not delete customers');
  assert.deepEqual(JSON.parse(notAllowed.error.details), { code: 'delete_not_allowed', table: 'customers' });
  const deleted = await manager.from('customers').update({ deleted_at: now }).in('full_name', ['JS bulk 1', 'JS bulk 2'])
    .select('full_name, deleted_at');
  assert.equal(deleted.error, null);
  assert.equal(deleted.data.length, 2);
  assert.ok(deleted.data.every((row) => row.deleted_at !== null));
});

test('claim over RPC; the second company gets already_claimed', async () => {
  const first = await signedIn(fixture.csrA);
  const pool = await first.from('lead_pool').select('id, trade, postal_code').eq('id', fixture.leadId);
  assert.equal(pool.error, null);
  assert.equal(pool.data.length, 1);

  const claim = await first.rpc('claim_service_request', { service_request_id: fixture.leadId });
  assert.equal(claim.error, null);
  assert.ok(claim.data.work_order_id);
  assert.equal(claim.data.service_request_id, fixture.leadId);

  const second = await signedIn(fixture.csrB);
  const late = await second.rpc('claim_service_request', { service_request_id: fixture.leadId });
  assert.equal(late.data, null);
  assert.equal(late.status, 409);
  assert.equal(late.error.code, 'already_claimed');
  assert.ok(late.error.message.length > 0);
});

test('an RLS-denied write is a 42501 error and writes nothing', async () => {
  const client = await signedIn(fixture.techA);
  const { error, status } = await client.from('customers').insert({ full_name: 'Technician was here' });
  assert.equal(status, 403);
  assert.equal(error.code, '42501');
  const office = await signedIn(fixture.csrA);
  const { data } = await office.from('customers').select('id').eq('full_name', 'Technician was here');
  assert.deepEqual(data, []);
});

test('a unique violation is 23505 with status 409', async () => {
  const client = await signedIn(fixture.csrA);
  const existing = await client.from('customers').select('id').eq('full_name', 'Contract customer 1').single();
  const { error, status } = await client.from('customers').insert({ id: existing.data.id, full_name: 'Duplicate' });
  assert.equal(status, 409);
  assert.equal(error.code, '23505');
  assert.match(error.message, /duplicate key value/);
});

test('unknown columns are refused', async () => {
  const client = await signedIn(fixture.csrA);
  const read = await client.from('customers').select('no_such_column');
  assert.equal(read.status, 400);
  assert.equal(read.error.code, '42703');
  const write = await client.from('customers').insert({ no_such_column: 1 });
  assert.equal(write.status, 400);
  assert.equal(write.error.code, 'PGRST204');
});

test('an expired token is refused with 401', async () => {
  const client = newClient({ global: { headers: { Authorization: `Bearer ${fixture.expiredToken}` } } });
  const { data, error, status } = await client.from('customers').select('id');
  assert.equal(data, null);
  assert.equal(status, 401);
  assert.equal(error.code, 'PGRST303');
  assert.equal(error.message, 'JWT expired');
});

test('a logic tree nested past the limit is a 400 PGRST100, not a server error', async () => {
  const client = await signedIn(fixture.csrA);
  const tree = (depth) => 'or('.repeat(depth - 1) + 'full_name.eq.x' + ')'.repeat(depth - 1);
  const deep = await client.from('customers').select('id').or(tree(500));
  assert.equal(deep.status, 400);
  assert.equal(deep.error.code, 'PGRST100');
  assert.match(deep.error.message, /failed to parse logic tree/);
  assert.match(deep.error.details, /at most 32/);

  const withinLimit = await client.from('customers').select('id').or(tree(31));
  assert.equal(withinLimit.error, null);
  assert.deepEqual(withinLimit.data, []);
});

test('text PostgreSQL cannot store (lone surrogate, NUL) is refused and nothing is written', async () => {
  const client = await signedIn(fixture.csrA);
  // JSON.stringify writes a lone surrogate as the escape "\ud800".
  const surrogate = await client.from('customers').insert({ full_name: 'Lone \ud800 surrogate' });
  assert.equal(surrogate.status, 400);
  assert.equal(surrogate.error.code, '22P02');
  assert.equal(surrogate.error.message, 'invalid input syntax for type json');

  const nul = await client.from('customers').insert({ full_name: 'Nul \u0000 character' });
  assert.equal(nul.status, 400);
  assert.equal(nul.error.code, '22P05');

  const { data } = await client.from('customers').select('id').or('full_name.like.Lone*,full_name.like.Nul*');
  assert.deepEqual(data, []);
});
