// Contract: the real supabase-js Realtime client (postgres_changes) against local-backend.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import {
  company, staff, service, must, url, anonKey, waitFor, subscribe, expiredToken,
} from './realtime-fixtures.mjs';

const CONTACT_FIELDS = ['customer_name', 'customer_phone', 'customer_email', 'street_address'];
const companyA = await company('Realtime A');
const companyB = await company('Realtime B');
const dispatcherA = await staff(companyA);
const dispatcherB = await staff(companyB);
const clients = [dispatcherA.client, dispatcherB.client];

after(async () => {
  for (const client of clients) await client.removeAllChannels();
});

async function newJob(user, title = 'Fix the furnace') {
  const customer = must(await user.client.from('customers').insert({ full_name: 'Realtime Customer' }).select('id').single(),
    'insert customer');
  return must(await user.client.from('work_orders').insert({ stage: 'job', title, customer_id: customer.id })
    .select('id').single(), 'insert work order').id;
}

/** A raw Phoenix socket, to check the wire format itself in both serialisations. */
async function rawSocket(vsn) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/realtime/v1/websocket?apikey=${anonKey}&vsn=${vsn}`);
  const frames = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise((resolve, reject) => { socket.on('open', resolve); socket.on('error', reject); });
  return { socket, frames };
}

for (const vsn of ['1.0.0', '2.0.0']) {
  test(`Phoenix ${vsn}: heartbeat, join echoing entries with ids, Subscribed push, leave`, async () => {
    const { socket, frames } = await rawSocket(vsn);
    const asFrame = (f) => (vsn === '1.0.0' ? f : { join_ref: f[0], ref: f[1], topic: f[2], event: f[3], payload: f[4] });
    const send = (joinRef, ref, topic, event, payload) => socket.send(JSON.stringify(vsn === '1.0.0'
      ? { join_ref: joinRef, ref, topic, event, payload } : [joinRef, ref, topic, event, payload]));
    const frame = (predicate, what) => waitFor(() => frames.map(asFrame).find(predicate), what);

    send(null, '1', 'phoenix', 'heartbeat', {});
    const beat = await frame((f) => f.ref === '1', 'heartbeat reply');
    assert.deepEqual(beat.payload, { status: 'ok', response: {} });
    assert.equal(beat.event, 'phx_reply');

    const entries = [{ event: 'INSERT', schema: 'public', table: 'work_orders' },
      { event: '*', schema: 'public', table: 'work_orders', filter: `company_id=eq.${companyA}` }];
    send('2', '2', 'realtime:raw', 'phx_join',
      { config: { broadcast: { ack: false, self: false }, presence: { key: '' }, postgres_changes: entries, private: false },
        access_token: dispatcherA.accessToken });
    const joined = await frame((f) => f.ref === '2', 'join reply');
    assert.equal(joined.payload.status, 'ok');
    const echoed = joined.payload.response.postgres_changes;
    assert.equal(echoed.length, 2);
    entries.forEach((entry, i) => {
      assert.deepEqual({ ...echoed[i], id: undefined }, { ...entry, id: undefined });
      assert.equal(typeof echoed[i].id, 'number');
    });
    const system = await frame((f) => f.event === 'system', 'Subscribed push');
    assert.deepEqual(system.payload,
      { extension: 'postgres_changes', status: 'ok', message: 'Subscribed to PostgreSQL', channel: 'raw' });

    const jobId = await newJob(dispatcherA);
    const change = await frame((f) => f.event === 'postgres_changes' && f.payload.data.record?.id === jobId, 'the change');
    assert.deepEqual(change.payload.ids.sort(), echoed.map((e) => e.id).sort());
    assert.equal(change.payload.data.type, 'INSERT');
    assert.match(change.payload.data.commit_timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.ok(change.payload.data.columns.some((c) => c.name === 'id' && c.type === 'uuid'));
    assert.equal(change.payload.data.errors, null);

    send('2', '3', 'realtime:raw', 'phx_leave', {});
    assert.equal((await frame((f) => f.ref === '3', 'leave reply')).payload.status, 'ok');
    await frame((f) => f.event === 'phx_close' && f.topic === 'realtime:raw', 'phx_close');
    socket.close();
  });
}

test('an insert by company A\'s staff reaches A\'s subscriber and never B\'s', async () => {
  const a = await subscribe(dispatcherA.client, 'jobs-a', [{ event: 'INSERT', schema: 'public', table: 'work_orders' }]);
  const b = await subscribe(dispatcherB.client, 'jobs-b', [{ event: 'INSERT', schema: 'public', table: 'work_orders' }]);
  const jobA = await newJob(dispatcherA, 'A job');
  const event = await waitFor(() => a.received.find((p) => p.new.id === jobA), 'A to hear of its job');
  assert.equal(event.eventType, 'INSERT');
  assert.equal(event.schema, 'public');
  assert.equal(event.table, 'work_orders');
  assert.equal(event.new.company_id, companyA);
  assert.equal(event.new.title, 'A job');
  // B's own later insert arrives; changes reach a channel in commit order, so A's would have come first.
  const jobB = await newJob(dispatcherB, 'B job');
  await waitFor(() => b.received.find((p) => p.new.id === jobB), 'B to hear of its own job');
  assert.deepEqual(b.received.filter((p) => p.new.company_id !== companyB), []);
  assert.ok(!a.received.some((p) => p.new.id === jobB));
  await dispatcherA.client.removeChannel(a.channel);
  await dispatcherB.client.removeChannel(b.channel);
});

test('filters (eq, in) pick the rows; UPDATE carries the new row and the key as old_record', async () => {
  const watched = await newJob(dispatcherA, 'watched');
  const other = await newJob(dispatcherA, 'other');
  const s = await subscribe(dispatcherA.client, 'filters', [
    { event: 'UPDATE', schema: 'public', table: 'work_orders', filter: `id=eq.${watched}` },
    { event: 'UPDATE', schema: 'public', table: 'work_orders', filter: `priority=in.(high,emergency)` },
  ]);
  must(await dispatcherA.client.from('work_orders').update({ title: 'other changed' }).eq('id', other), 'update other');
  must(await dispatcherA.client.from('work_orders').update({ title: 'watched changed' }).eq('id', watched), 'update watched');
  const seen = await waitFor(() => s.received.find((p) => p.new.id === watched), 'the watched update');
  assert.equal(seen.eventType, 'UPDATE');
  assert.equal(seen.new.title, 'watched changed');
  assert.deepEqual(seen.old, { id: watched });
  assert.ok(!s.received.some((p) => p.new.id === other), 'the unwatched row must not arrive before it');
  must(await dispatcherA.client.from('work_orders').update({ priority: 'high' }).eq('id', other), 'raise priority');
  await waitFor(() => s.received.find((p) => p.new.id === other && p.new.priority === 'high'), 'the in-filter match');
  await dispatcherA.client.removeChannel(s.channel);
});

test('a new open lead reaches every eligible company and no other; a claim removes it without leaking contact fields', async () => {
  const serving = { optIn: true, trades: ['hvac'], postalCodes: ['90210'] };
  const eligible1 = await staff(await company('Lead C1', serving));
  const eligible2 = await staff(await company('Lead C2', serving));
  const plumber = await staff(await company('Lead C3', { optIn: true, trades: ['plumbing'], postalCodes: ['90210'] }));
  clients.push(eligible1.client, eligible2.client, plumber.client);
  const pool = { event: '*', schema: 'public', table: 'lead_pool' };
  const s1 = await subscribe(eligible1.client, 'pool-1', [pool]);
  const s2 = await subscribe(eligible2.client, 'pool-2', [pool, { event: '*', schema: 'public', table: 'service_requests' }]);
  const s3 = await subscribe(plumber.client, 'pool-3', [pool]);

  const lead = must(await service.from('service_requests').insert({
    trade: 'hvac', description: 'No heat', postal_code: '90210', city: 'Springfield', customer_name: 'Pat Secret',
    customer_phone: '+1 555 0100', customer_email: 'pat@example.com', street_address: '742 Evergreen Terrace',
  }).select('id').single(), 'post lead').id;

  for (const s of [s1, s2]) {
    const arrived = await waitFor(() => s.received.find((p) => p.table === 'lead_pool' && p.new.id === lead), 'the lead');
    assert.equal(arrived.eventType, 'INSERT');
    assert.equal(arrived.new.status, 'open');
    for (const field of CONTACT_FIELDS) assert.ok(!(field in arrived.new), `${field} must not reach the pool`);
  }
  const plumbingLead = must(await service.from('service_requests').insert({
    trade: 'plumbing', description: 'Leak', postal_code: '90210', city: 'Springfield', customer_name: 'Sam Secret',
    customer_phone: '+1 555 0199', customer_email: 'sam@example.com', street_address: '1 Main St',
  }).select('id').single(), 'post plumbing lead').id;
  await waitFor(() => s3.received.find((p) => p.new.id === plumbingLead), 'the plumber to hear of the plumbing lead');
  assert.ok(!s3.received.some((p) => p.new.id === lead || p.old?.id === lead), 'the ineligible company heard of the lead');

  must(await eligible1.client.rpc('claim_service_request', { service_request_id: lead }), 'claim');
  const removed = await waitFor(() => s2.received.find((p) => p.table === 'lead_pool' && p.eventType === 'UPDATE'
    && p.new.id === lead), 'the claimed lead to leave the other company\'s pool');
  assert.notEqual(removed.new.deleted_at, null);
  assert.equal(removed.new.description, '');
  assert.notEqual(removed.new.status, 'open');
  for (const payload of s2.received) {
    for (const field of CONTACT_FIELDS) {
      assert.ok(!(field in payload.new) && !(field in payload.old), `${field} leaked to the other company`);
    }
  }
  assert.deepEqual(s2.received.filter((p) => p.table === 'service_requests'), []);
});

test('a subscriber handing over an expired token is told and its channel closed', async () => {
  // (Expiry by the clock, without a token update, is RealtimeTokenExpiryTest's part.)
  const user = await staff(companyA);
  clients.push(user.client);
  const s = await subscribe(user.client, 'expiring', [{ event: '*', schema: 'public', table: 'work_orders' }]);
  await user.client.realtime.setAuth(expiredToken);
  const told = await waitFor(() => s.system.find((p) => p.status === 'error'), 'the expiry notice', 10000);
  assert.match(told.message, /expired/i);
  await waitFor(() => s.states.find((st) => st.state === 'CLOSED'), 'the channel to close', 5000);
  // Nothing reaches it afterwards, while a live subscriber hears of a later job.
  const before = s.received.length;
  const control = await subscribe(dispatcherA.client, 'control', [{ event: 'INSERT', schema: 'public', table: 'work_orders' }]);
  const laterJob = await newJob(dispatcherA, 'later');
  await waitFor(() => control.received.find((p) => p.new.id === laterJob), 'a live subscriber to hear of a later job');
  assert.equal(s.received.length, before);
  await dispatcherA.client.removeChannel(control.channel);
});
