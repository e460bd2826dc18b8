// Contract: a portal customer through the real supabase-js. Customer threads and internal threads
// never mix: the customer reads and answers their own threads, and no route (REST, embedding, RPC,
// realtime) hands them an internal thread or message, another customer's thread, or a staff voice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { randomUUID } from 'node:crypto';
import {
  company, staff, service, must, url, anonKey, waitFor, subscribe,
} from './realtime-fixtures.mjs';

const INTERNAL_NOTE = `Internal: customer is slow to pay ${randomUUID().slice(0, 8)}`;

let csr;
let portal;
let portalUserId;
let ownThread;
let otherThread;
let internalThread;
let job;

/** A customer with a portal login, signed in through supabase-js as a customer would be. */
async function portalCustomer(companyId, customerId) {
  const email = `customer-${randomUUID()}@portal.test`;
  const password = `pw-${randomUUID()}`;
  const user = must(await service.auth.admin.createUser({ email, password, email_confirm: true }), 'create user').user;
  must(await service.from('customer_portal_accounts').insert({ user_id: user.id, company_id: companyId, customer_id: customerId }),
    'create portal account');
  const client = createClient(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket, heartbeatIntervalMs: 5000 },
  });
  const session = must(await client.auth.signInWithPassword({ email, password }), 'portal sign in').session;
  await client.realtime.setAuth(session.access_token);
  return { id: user.id, client };
}

before(async () => {
  const companyId = await company('Portal contract');
  csr = await staff(companyId, 'csr');
  const customers = must(await csr.client.from('customers')
    .insert([{ full_name: 'Zoë Portal' }, { full_name: 'Other Customer' }]).select('id, full_name'), 'customers');
  const mine = customers.find((c) => c.full_name === 'Zoë Portal').id;
  const other = customers.find((c) => c.full_name === 'Other Customer').id;
  job = must(await csr.client.from('work_orders').insert({ stage: 'job', title: 'Furnace check', customer_id: mine })
    .select('id').single(), 'job').id;
  ownThread = must(await csr.client.from('customer_threads')
    .insert({ work_order_id: job, customer_id: mine, subject: 'Your furnace visit' }).select('id').single(), 'thread').id;
  const otherJob = must(await csr.client.from('work_orders').insert({ stage: 'job', title: 'Leak', customer_id: other })
    .select('id').single(), 'other job').id;
  otherThread = must(await csr.client.from('customer_threads')
    .insert({ work_order_id: otherJob, customer_id: other, subject: 'Someone else' }).select('id').single(), 'other thread').id;
  must(await csr.client.from('customer_messages').insert([
    { customer_thread_id: ownThread, sender_id: csr.id, body: 'We will arrive at 9.' },
    { customer_thread_id: otherThread, sender_id: csr.id, body: 'Not for Zoë.' },
  ]), 'staff messages');
  internalThread = must(await csr.client.from('internal_threads')
    .insert({ work_order_id: job, subject: 'About Zoë', created_by: csr.id }).select('id').single(), 'internal thread').id;
  must(await csr.client.from('internal_messages')
    .insert({ internal_thread_id: internalThread, author_id: csr.id, body: INTERNAL_NOTE }), 'internal note');
  ({ id: portalUserId, client: portal } = await portalCustomer(companyId, mine));
});

after(async () => {
  await portal?.removeAllChannels();
  await csr?.client.removeAllChannels();
});

test('a portal customer reads their own thread and its messages, nothing else', async () => {
  const threads = must(await portal.from('customer_threads').select('id, subject'), 'threads');
  assert.deepEqual(threads.map((t) => t.id), [ownThread]);
  const messages = must(await portal.from('customer_messages').select('customer_thread_id, body'), 'messages');
  assert.deepEqual(messages.map((m) => m.body), ['We will arrive at 9.']);
});

test('a portal customer posts into their own thread as a customer', async () => {
  const posted = must(await portal.from('customer_messages')
    .insert({ customer_thread_id: ownThread, sender_id: portalUserId, sender_kind: 'customer', body: 'See you then — Zoë' })
    .select('sender_kind, sender_id, body').single(), 'post');
  assert.deepEqual(posted, { sender_kind: 'customer', sender_id: portalUserId, body: 'See you then — Zoë' });
  const seenByStaff = must(await csr.client.from('customer_messages').select('body, sender_kind')
    .eq('customer_thread_id', ownThread).eq('sender_kind', 'customer'), 'staff read');
  assert.deepEqual(seenByStaff, [{ body: 'See you then — Zoë', sender_kind: 'customer' }]);
});

test('a portal customer cannot post as staff, as someone else, or into another thread', async () => {
  const asStaff = await portal.from('customer_messages')
    .insert({ customer_thread_id: ownThread, sender_id: portalUserId, sender_kind: 'staff', body: 'I am the office' });
  assert.equal(asStaff.error?.code, '42501', JSON.stringify(asStaff));
  const asCsr = await portal.from('customer_messages')
    .insert({ customer_thread_id: ownThread, sender_id: csr.id, sender_kind: 'customer', body: 'Spoofed' });
  assert.equal(asCsr.error?.code, '42501', JSON.stringify(asCsr));
  const elsewhere = await portal.from('customer_messages')
    .insert({ customer_thread_id: otherThread, sender_id: portalUserId, sender_kind: 'customer', body: 'Hello?' });
  assert.equal(elsewhere.error?.code, '42501', JSON.stringify(elsewhere));
  const internal = await portal.from('internal_messages')
    .insert({ internal_thread_id: internalThread, author_id: portalUserId, body: 'Let me in' });
  assert.equal(internal.error?.code, '42501', JSON.stringify(internal));
  const stored = await csr.client.from('customer_messages').select('id', { count: 'exact', head: true })
    .in('body', ['I am the office', 'Spoofed', 'Hello?']);
  assert.equal(stored.error, null);
  assert.equal(stored.count, 0, 'nothing refused was stored');
});

test('no REST route or embedding hands a portal customer an internal thread or message', async () => {
  assert.deepEqual(must(await portal.from('internal_threads').select('*'), 'internal threads'), []);
  assert.deepEqual(must(await portal.from('internal_messages').select('*'), 'internal messages'), []);
  const byId = await portal.from('internal_messages').select('body').eq('internal_thread_id', internalThread);
  assert.deepEqual(byId.data ?? [], []);
  // Embedding from what the customer can read: the job of their thread, and its internal threads.
  for (const select of ['id, internal_threads(id, subject, internal_messages(body))',
    'id, work_orders(id, internal_threads(id, subject))']) {
    const table = select.startsWith('id, internal') ? 'work_orders' : 'customer_threads';
    const result = await portal.from(table).select(select);
    assert.ok(!JSON.stringify(result).includes(INTERNAL_NOTE), `${table} ${select}: ${JSON.stringify(result)}`);
    assert.ok(!JSON.stringify(result).includes('About Zoë'), `${table} ${select}: ${JSON.stringify(result)}`);
  }
  // Text search over bodies finds nothing internal either.
  const search = await portal.from('internal_messages').select('body').ilike('body', '%slow to pay%');
  assert.deepEqual(search.data ?? [], []);
});

test('no RPC a portal customer may call returns internal messages', async () => {
  const functions = ['current_company_id', 'current_app_role', 'current_portal_customer_ids'];
  for (const name of functions) {
    const result = await portal.rpc(name);
    assert.ok(!JSON.stringify(result).includes(INTERNAL_NOTE), `${name}: ${JSON.stringify(result)}`);
  }
  const role = await portal.rpc('current_app_role');
  assert.ok(role.error || role.data === null, `a portal customer has no staff role: ${JSON.stringify(role)}`);
});

test('realtime delivers the customer their own thread\'s messages only', async () => {
  const feed = await subscribe(portal, 'portal-feed', [
    { event: '*', schema: 'public', table: 'customer_messages' },
    { event: '*', schema: 'public', table: 'internal_messages' },
    { event: '*', schema: 'public', table: 'internal_threads' },
  ]);
  // What must not arrive is written first: an internal note and another customer's message.
  must(await csr.client.from('internal_messages')
    .insert({ internal_thread_id: internalThread, author_id: csr.id, body: `${INTERNAL_NOTE} (live)` }), 'live note');
  must(await csr.client.from('internal_threads').insert({ work_order_id: job, subject: 'Live internal', created_by: csr.id }),
    'live internal thread');
  must(await csr.client.from('customer_messages')
    .insert({ customer_thread_id: otherThread, sender_id: csr.id, body: 'Live, not for Zoë' }), 'other live');
  must(await csr.client.from('customer_messages')
    .insert({ customer_thread_id: ownThread, sender_id: csr.id, body: 'Running 10 minutes late' }), 'own live');

  await waitFor(() => feed.received.find((c) => c.new?.body === 'Running 10 minutes late'), 'the customer\'s own message');
  // Changes reach a subscriber in commit order, so everything written before it has been decided.
  assert.deepEqual(feed.received.map((c) => `${c.table}:${c.new?.body ?? c.new?.subject}`),
    ['customer_messages:Running 10 minutes late']);
});
