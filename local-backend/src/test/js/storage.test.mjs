// Contract: the real supabase-js Storage client against local-backend's /storage/v1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { company, staff, must, url, anonKey, waitFor } from './realtime-fixtures.mjs';

const companyA = await company('Storage A');
const companyB = await company('Storage B');
const dispatcherA = await staff(companyA, 'dispatcher');
const adminA = await staff(companyA, 'admin');
const dispatcherB = await staff(companyB, 'dispatcher');
const pdf = Buffer.from('%PDF-1.4\n% FieldDesk contract test\n');

test('upload, download, replace only with upsert', async () => {
  const bucket = dispatcherA.client.storage.from('attachments');
  const path = `${companyA}/jobs/report.pdf`;
  const uploaded = must(await bucket.upload(path, pdf, { contentType: 'application/pdf' }), 'upload');
  assert.equal(uploaded.path, path);
  assert.equal(uploaded.fullPath, `attachments/${path}`);
  assert.match(uploaded.id, /^[0-9a-f-]{36}$/);

  const downloaded = must(await bucket.download(path), 'download');
  assert.deepEqual(Buffer.from(await downloaded.arrayBuffer()), pdf);
  assert.equal(downloaded.type, 'application/pdf');

  const viaAuthenticatedPath = await fetch(`${url}/storage/v1/object/authenticated/attachments/${path}`, {
    headers: { apikey: anonKey, Authorization: `Bearer ${dispatcherA.accessToken}` },
  });
  assert.equal(viaAuthenticatedPath.status, 200);
  assert.deepEqual(Buffer.from(await viaAuthenticatedPath.arrayBuffer()), pdf);

  const again = await bucket.upload(path, pdf, { contentType: 'application/pdf' });
  assert.equal(again.error?.statusCode, '409');

  const replacement = Buffer.from('%PDF-1.4\n% replaced\n');
  must(await bucket.upload(path, replacement, { contentType: 'application/pdf', upsert: true }), 'upsert');
  must(await bucket.update(path, replacement, { contentType: 'application/pdf' }), 'update (PUT)');
  const reread = must(await bucket.download(path), 'download after replace');
  assert.deepEqual(Buffer.from(await reread.arrayBuffer()), replacement);
});

test('multipart upload (a Blob) stores the file part', async () => {
  const bucket = dispatcherA.client.storage.from('attachments');
  const path = `${companyA}/notes/readme.txt`;
  must(await bucket.upload(path, new Blob(['hello multipart'], { type: 'text/plain' })), 'multipart upload');
  const downloaded = must(await bucket.download(path), 'download multipart');
  assert.equal(await downloaded.text(), 'hello multipart');
});

test('another company can neither read, list, sign nor write into the folder', async () => {
  const path = `${companyA}/private/secret.pdf`;
  must(await dispatcherA.client.storage.from('attachments').upload(path, pdf, { contentType: 'application/pdf' }), 'upload');
  const bucketB = dispatcherB.client.storage.from('attachments');
  assert.equal((await bucketB.download(path)).error?.statusCode ?? (await bucketB.download(path)).error?.status, '404');
  assert.deepEqual(must(await bucketB.list(`${companyA}/private`), 'list as B'), []);
  assert.equal((await bucketB.createSignedUrl(path, 60)).error?.statusCode, '404');
  const intrusion = await bucketB.upload(`${companyA}/private/intruder.pdf`, pdf, { contentType: 'application/pdf' });
  assert.equal(intrusion.error?.statusCode, '403');
  const overwrite = await bucketB.upload(path, pdf, { contentType: 'application/pdf', upsert: true });
  assert.equal(overwrite.error?.statusCode, '403');
  // A's file is untouched.
  const still = must(await dispatcherA.client.storage.from('attachments').download(path), 'download as A');
  assert.deepEqual(Buffer.from(await still.arrayBuffer()), pdf);
});

test('errors use Storage\'s shape: HTTP 400 with the real status in statusCode', async () => {
  const response = await fetch(`${url}/storage/v1/object/attachments/${companyA}/missing.pdf`, {
    headers: { apikey: anonKey, Authorization: `Bearer ${dispatcherA.accessToken}` },
  });
  assert.equal(response.status, 400);
  assert.deepEqual(await response.json(), { statusCode: '404', error: 'not_found', message: 'Object not found' });
});

test('bucket rules: MIME types and size limits', async () => {
  const invoices = dispatcherA.client.storage.from('invoices');
  const html = await invoices.upload(`${companyA}/x.html`, Buffer.from('<p>'), { contentType: 'text/html' });
  assert.equal(html.error?.statusCode, '415');
  const branding = adminA.client.storage.from('branding');
  const tooBig = await branding.upload(`${companyA}/logo.png`, Buffer.alloc(2 * 1024 * 1024 + 1), { contentType: 'image/png' });
  assert.equal(tooBig.error?.statusCode, '413');
  must(await branding.upload(`${companyA}/logo.png`, Buffer.alloc(1024), { contentType: 'image/png' }), 'logo upload');
  const notManager = await dispatcherA.client.storage.from('branding')
    .upload(`${companyA}/other.png`, Buffer.alloc(10), { contentType: 'image/png' });
  assert.equal(notManager.error?.statusCode, '403');
});

test('signed URLs serve without a key until they expire, and only for their object', async () => {
  const bucket = dispatcherA.client.storage.from('invoices');
  const path = `${companyA}/INV-1.pdf`;
  must(await bucket.upload(path, pdf, { contentType: 'application/pdf' }), 'upload invoice');
  const { signedUrl } = must(await bucket.createSignedUrl(path, 60), 'sign');
  const served = await fetch(signedUrl);
  assert.equal(served.status, 200);
  assert.deepEqual(Buffer.from(await served.arrayBuffer()), pdf);

  const token = new URL(signedUrl).searchParams.get('token');
  const otherObject = await fetch(`${url}/storage/v1/object/sign/invoices/${companyA}/INV-2.pdf?token=${token}`);
  assert.equal(otherObject.status, 400);
  assert.equal((await otherObject.json()).error, 'InvalidSignature');

  const { signedUrl: shortLived } = must(await bucket.createSignedUrl(path, 1), 'sign for 1 s');
  await waitFor(async () => (await fetch(shortLived)).status === 400, 'the 1 s signed URL to expire', 5000);
  const expired = await fetch(shortLived);
  assert.equal((await expired.json()).message, 'jwt expired');
});

test('list shows files and folders under a prefix; remove deletes rows and bytes', async () => {
  const bucket = dispatcherA.client.storage.from('attachments');
  const folder = `${companyA}/job-42`;
  for (const name of ['a.pdf', 'b.pdf', 'photos/1.png']) {
    const type = name.endsWith('.png') ? 'image/png' : 'application/pdf';
    must(await bucket.upload(`${folder}/${name}`, pdf, { contentType: type }), `upload ${name}`);
  }
  const listed = must(await bucket.list(folder, { sortBy: { column: 'name', order: 'asc' } }), 'list');
  assert.deepEqual(listed.map((entry) => entry.name), ['a.pdf', 'b.pdf', 'photos']);
  assert.equal(listed[2].id, null);
  assert.equal(listed[0].metadata.mimetype, 'application/pdf');
  assert.deepEqual(must(await bucket.list(folder, { limit: 1, offset: 1 }), 'page').map((e) => e.name), ['b.pdf']);
  assert.deepEqual(must(await bucket.list(folder, { search: 'pho' }), 'search').map((e) => e.name), ['photos']);

  const removed = must(await bucket.remove([`${folder}/a.pdf`, `${folder}/photos/1.png`]), 'remove');
  assert.deepEqual(removed.map((row) => row.name).sort(), [`${folder}/a.pdf`, `${folder}/photos/1.png`]);
  assert.equal((await bucket.download(`${folder}/a.pdf`)).error?.statusCode ?? 'missing', '404');
  assert.deepEqual(must(await bucket.list(folder), 'list after remove').map((e) => e.name), ['b.pdf']);
});
