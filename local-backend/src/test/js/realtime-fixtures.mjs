// Shared by storage.test.mjs and realtime.test.mjs: the backend under test (from the JUnit driver's
// environment), tenants and signed-in staff created the way an operator would (service role),
// tokens minted with the project secret, and waiting for conditions with a deadline.
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { createHmac, randomUUID } from 'node:crypto';

export const url = required('SUPABASE_URL');
export const anonKey = required('SUPABASE_ANON_KEY');
const serviceRoleKey = required('SUPABASE_SERVICE_ROLE_KEY');
const jwtSecret = required('SUPABASE_JWT_SECRET');

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run these tests through the JUnit driver`);
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

/** A client that presents exactly this token everywhere (REST, Storage, Realtime). */
export async function clientWithToken(token) {
  const client = createClient(url, anonKey, { ...clientOptions, accessToken: async () => token });
  await client.realtime.setAuth(token);
  return client;
}

export function mintToken({ sub, email, lifetimeSeconds }) {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
    sub, email, aud: 'authenticated', role: 'authenticated', iat: now, exp: now + lifetimeSeconds,
  })}`;
  return `${body}.${createHmac('sha256', jwtSecret).update(body).digest('base64url')}`;
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
