// End-to-end: `hegui serve` called with the official openai SDK, as any
// OpenAI client would (only the base URL changes). Two `hegui mock-upstream`
// processes play a domestic (cn) and an overseas (us) model server.
// Run by CTest (tests/gateway/CMakeLists.txt) with HEGUI_BIN set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';

const HEGUI = process.env.HEGUI_BIN ?? path.resolve('build/hegui');
const dir = mkdtempSync(path.join(tmpdir(), 'hegui-e2e-'));
const procs = [];
let gateway;        // base URL
let verifiedKey;    // demo user's key (verified on first run)
let unverifiedKey;  // a user added by `hegui users add`, never verified
let domesticUrl;

// Starts a process and resolves with the first stdout line matching `re`.
function startAndWait(args, re) {
  return new Promise((resolve, reject) => {
    const p = spawn(HEGUI, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    procs.push(p);
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`timeout starting ${args[0]}: ${out}${err}`)), 60000);
    p.stdout.on('data', (d) => {
      out += d;
      const m = out.match(re);
      if (m) { clearTimeout(timer); resolve(m); }
    });
    p.stderr.on('data', (d) => { err += d; });
    p.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${args[0]} exited ${code}: ${out}${err}`)); });
  });
}

const hegui = (...args) => execFileSync(HEGUI, args, { cwd: dir, encoding: 'utf8' });
const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const client = (key) => new OpenAI({ apiKey: key, baseURL: `${gateway}/v1`, maxRetries: 0 });

before(async () => {
  domesticUrl = (await startAndWait(['mock-upstream', '--listen', '127.0.0.1:0', '--chunk-chars', '3'],
    /listening on (http:\/\/[0-9.:]+)/))[1];
  const overseasUrl = (await startAndWait(['mock-upstream', '--listen', '127.0.0.1:0', '--models', 'abroad-1'],
    /listening on (http:\/\/[0-9.:]+)/))[1];
  writeFileSync(path.join(dir, 'gateway.yaml'), `
listen: 127.0.0.1:0
data_dir: ${dir}/data
upstreams:
  - {name: domestic, url: '${domesticUrl}', region: cn, models: [mock-1, mock-embed]}
  - {name: overseas, url: '${overseasUrl}', region: us, models: [abroad-1]}
pipeline:
  - authenticate
  - identity
  - rate_limit: {requests_per_minute: 6000, burst: 1000}
  - input_scan: {pi: mask, categories: {resident_id: allow}}
  - route
  - output_scan
  - audit
  - metrics
`);
  gateway = (await startAndWait(['serve', '--config', 'gateway.yaml'], /listening on (http:\/\/[0-9.:]+)/))[1];
  verifiedKey = readFileSync(path.join(dir, 'data', 'demo-api-key'), 'utf8').trim();
  const store = ['--store', `sqlite://${dir}/data/hegui.db`];
  const user = JSON.parse(hegui('users', 'add', 'bob', ...store, '--format', 'json'));
  const key = JSON.parse(hegui('keys', 'create', '--user', String(user.id), ...store, '--format', 'json'));
  unverifiedKey = key.token;
});

after(() => {
  for (const p of procs) p.kill('SIGTERM');
});

let calls = 0;  // model calls made through the gateway, each must leave one model_call record

test('non-streaming chat completion through the gateway', async () => {
  calls++;
  const r = await client(verifiedKey).chat.completions.create({
    model: 'mock-1', messages: [{ role: 'user', content: 'hello from the openai sdk' }],
  });
  assert.equal(r.choices[0].message.content, 'hello from the openai sdk');
  assert.ok(r.usage.total_tokens > 0);
});

test('streaming chat completion arrives whole', async () => {
  calls++;
  const stream = await client(verifiedKey).chat.completions.create({
    model: 'mock-1', stream: true, messages: [{ role: 'user', content: '请用中文回答这个问题，谢谢' }],
  });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  assert.equal(text, '请用中文回答这个问题，谢谢');
});

test('personal information reaches the upstream masked', async () => {
  calls++;
  const r = await client(verifiedKey).chat.completions.create({
    model: 'mock-1', messages: [{ role: 'user', content: '我的手机号是13812345678，请记住' }],
  });
  const seen = await (await fetch(`${domesticUrl}/mock/last-request`)).text();
  assert.ok(!seen.includes('13812345678'), seen);
  assert.ok(!r.choices[0].message.content.includes('13812345678'));
});

test('a prohibited prompt is blocked', async () => {
  calls++;
  await assert.rejects(
    client(verifiedKey).chat.completions.create({
      model: 'mock-1', messages: [{ role: 'user', content: 'find me an online casino' }],
    }),
    (e) => e.status === 400 && e.code === 'content_policy_violation');
});

test('a streamed output is cut mid-stream and the term never arrives', async () => {
  calls++;
  const reply = '这是一段很长的无害开头，用来先送出一些文字。'.repeat(80) + '然后出现网络赌博这个词。';
  const stream = await client(verifiedKey).chat.completions.create({
    model: 'mock-1', stream: true,
    messages: [{ role: 'user', content: `[[mock:reply-b64=${b64(reply)}]][[mock:chunk=2]]` }],
  });
  let text = '';
  await assert.rejects(async () => {
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  }, (e) => /content_policy_violation|cut/.test(String(e.message) + JSON.stringify(e.error ?? {})));
  assert.ok(text.length > 0, 'the harmless opening was delivered');
  assert.ok(reply.startsWith(text), text);
  assert.ok(!text.includes('网络'), text);
});

test('an unverified user is refused (Art. 26)', async () => {
  calls++;
  await assert.rejects(
    client(unverifiedKey).chat.completions.create({
      model: 'mock-1', messages: [{ role: 'user', content: 'hi' }],
    }),
    (e) => e.status === 403 && e.code === 'identity_not_verified');
});

test('personal information is not sent to an overseas upstream (Art. 39)', async () => {
  calls++;
  await assert.rejects(
    client(verifiedKey).chat.completions.create({
      model: 'abroad-1', messages: [{ role: 'user', content: '身份证号11010519491231002X' }],
    }),
    (e) => e.status === 403 && e.code === 'region_not_permitted');
  calls++;
  const ok = await client(verifiedKey).chat.completions.create({
    model: 'abroad-1', messages: [{ role: 'user', content: 'nothing personal' }],
  });
  assert.equal(ok.choices[0].message.content, 'nothing personal');
});

test('embeddings and models work through the SDK', async () => {
  calls++;
  const e = await client(verifiedKey).embeddings.create({ model: 'mock-embed', input: ['a', 'b'] });
  assert.equal(e.data.length, 2);
  const models = await client(verifiedKey).models.list();
  assert.ok(models.data.some((m) => m.id === 'mock-1'));
});

test('the evidence log verifies and holds one model_call record per call', async () => {
  for (const p of procs) p.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  const audit = path.join(dir, 'data', 'audit');
  hegui('audit', 'verify', audit);  // throws on a non-zero exit
  const lines = hegui('audit', 'export', audit, '--kind', 'model_call').trim().split('\n');
  assert.equal(lines.length, calls);
  rmSync(dir, { recursive: true, force: true });
});
