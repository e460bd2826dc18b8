// Shared by storage.test.mjs and realtime.test.mjs (run by StorageAndRealtimeSupabaseJsTest): the
// backend under test from the environment, tenants and signed-in staff created the way an operator
// would (service role), and waiting for conditions with a deadline.
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { randomUUID } from 'node:crypto';

export const url = required('SUPABASE_URL');
export const anonKey = required('SUPABASE_ANON_KEY');
const serviceRoleKey = required('SUPABASE_SERVICE_ROLE_KEY');
/** An access token that expired minutes ago, minted by the JUnit driver. */
export const expiredToken = JSON.parse(required('FIELDDESK_FIXTURE')).expiredToken;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run these files through StorageAndRealtimeSupabaseJsTest`);
  return value;
}

const clientOptions = {
  auth: { persistSession: false, autoRefreshToken: false },
  // Node 20 has no global WebSocket.
  realtime: { transport: WebSocket, heartbeatIntervalMs: 5000 },
};

export const service = createClient(url, serviceRoleKey, clientOptions);

export function must({ data, error }, what) {
  if (error) throw new Error(`${what}: ${JSON.stringify(error)}`);
  return data;
}

export async function company(name, leads = { optIn: false, trades: [], postalCodes: [] }) {
  const row = must(await service.from('companies').insert({
    name: `${name} ${randomUUID().slice(0, 8)}`,
    lead_opt_in: leads.optIn, trades: leads.trades, service_postal_codes: leads.postalCodes,
  }).select('id').single(), 'create company');
  return row.id;
}

/** A staff member with an active profile, signed in with a password through supabase-js. */
export async function staff(companyId, role = 'dispatcher') {
  const email = `${role}-${randomUUID()}@contract.test`;
  const password = `pw-${randomUUID()}`;
  const user = must(await service.auth.admin.createUser({ email, password, email_confirm: true }), 'create user').user;
  must(await service.from('profiles').insert({ id: user.id, company_id: companyId, role, full_name: `Test ${role}`, email }),
    'create profile');
  const client = createClient(url, anonKey, clientOptions);
  const session = must(await client.auth.signInWithPassword({ email, password }), 'sign in').session;
  // Hand the token to realtime now rather than racing the auth-state listener.
  await client.realtime.setAuth(session.access_token);
  return { id: user.id, email, companyId, client, accessToken: session.access_token };
}

export async function waitFor(condition, what, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Subscribes and resolves once the server confirmed (SUBSCRIBED), collecting every change. */
export async function subscribe(client, name, bindings) {
  const received = [];
  const system = [];
  const states = [];
  let channel = client.channel(`${name}-${randomUUID().slice(0, 8)}`);
  for (const binding of bindings) {
    channel = channel.on('postgres_changes', binding, (payload) => received.push(payload));
  }
  channel = channel.on('system', {}, (payload) => system.push(payload));
  channel.subscribe((state, error) => states.push({ state, error }));
  await waitFor(() => states.find((s) => s.state === 'SUBSCRIBED')
    || (states.find((s) => s.state !== 'SUBSCRIBED') && Promise.reject(new Error(JSON.stringify(states)))),
  `${name} to subscribe`);
  return { channel, received, system, states };
}
