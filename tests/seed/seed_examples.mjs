// The public guide's own examples, run as written against a local server.
// Env: BASE_URL (http://127.0.0.1:PORT), API_KEY (a valid pro key), WEBSITE_ID.
// Prints one "ok <name>" line per example; exits non-zero on the first failure.
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';

const BASE = process.env.BASE_URL;
const KEY = process.env.API_KEY;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function curl(args) {
  // "Test with cURL", with the host swapped for the local server.
  return execFileSync('curl', ['-s', '-S', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// --- Test with cURL -------------------------------------------------------------
{
  const out = curl(['-H', `X-API-Key: ${KEY}`, `${BASE}/api/external/v1/usage`]);
  const usage = JSON.parse(out);
  assert.equal(usage.plan, 'pro');
  assert.equal(usage.key.prefix, KEY.slice(0, 11));
  console.log('ok curl usage');
}
{
  const out = curl(['-H', `X-API-Key: ${KEY}`, `${BASE}/api/external/v1/websites`]);
  const list = JSON.parse(out);
  assert.ok(Array.isArray(list.data));
  assert.ok(list.data.some((w) => w.id === process.env.WEBSITE_ID));
  console.log('ok curl websites');
}
{
  // curl -v writes the exchange to stderr.
  const result = execFileSync('curl', ['-s', '-v', '-H', `X-API-Key: ${KEY}`, `${BASE}/api/external/v1/websites`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  JSON.parse(result);
  const verbose = execFileSync('sh', ['-c', `curl -v -H "X-API-Key: ${KEY}" ${BASE}/api/external/v1/websites 2>&1 1>/dev/null`],
    { encoding: 'utf8' });
  assert.match(verbose, /< HTTP\/1\.1 200/);
  assert.match(verbose, /< X-RateLimit-Limit: 30/i);
  assert.match(verbose, /< X-Usage-Monthly: \d+/i);
  assert.match(verbose, /< X-Request-Id: [0-9a-f]{32}/i);
  console.log('ok curl verbose');
}
{
  // "API Key Not Found": the wrong header.
  const out = curl(['-H', `Api-Key: ${KEY}`, `${BASE}/api/external/v1/usage`]);
  assert.equal(JSON.parse(out).code, 'API_KEY_NOT_FOUND');
  console.log('ok curl wrong header');
}

// --- Enable Debug Mode: server-side calls ----------------------------------------
{
  const logged = [];
  const log = console.log;
  console.log = (...args) => logged.push(args);
  // Enable verbose logging for External API calls
  const response = await fetch(`${BASE}/api/external/v1/websites`, {
    headers: { 'X-API-Key': KEY },
  });
  console.log('Status:', response.status);
  console.log('Response:', await response.json());
  console.log = log;
  assert.deepEqual(logged[0], ['Status:', 200]);
  assert.ok(Array.isArray(logged[1][1].data));
  console.log('ok fetch debug');
}

// --- Implement backoff: apiCallWithRetry against a real 429 ----------------------
{
  async function apiCallWithRetry(fn, maxRetries = 3) {
    for (let i = 0; i < maxRetries; i++) {
      try {
        return await fn();
      } catch (error) {
        if (error.status === 429) {
          const retryAfter = error.headers.get('Retry-After') || 60;
          await sleep(retryAfter * 1000);
          continue;
        }
        throw error;
      }
    }
  }
  let seen429 = 0;
  let waited = 0;
  const fn = async () => {
    const response = await fetch(`${BASE}/api/external/v1/usage`, { headers: { 'X-API-Key': KEY } });
    if (!response.ok) {
      const error = new Error(`HTTP ${response.status}`);
      error.status = response.status;
      error.headers = response.headers;
      if (response.status === 429) {
        seen429++;
        waited += Number(response.headers.get('Retry-After'));
        const body = await response.json();
        assert.equal(body.code, 'RATE_LIMIT_EXCEEDED');
        assert.equal(response.headers.get('X-RateLimit-Remaining'), '0');
      }
      throw error;
    }
    return response.json();
  };
  // Use up this minute's 30 requests.
  for (let i = 0; i < 40; i++) {
    const r = await fetch(`${BASE}/api/external/v1/usage`, { headers: { 'X-API-Key': KEY } });
    await r.arrayBuffer();
    if (r.status === 429) break;
  }
  const started = Date.now();
  const usage = await apiCallWithRetry(fn);
  assert.ok(usage && usage.plan === 'pro', 'apiCallWithRetry did not succeed');
  assert.ok(seen429 >= 1, 'no 429 was seen');
  assert.ok(Date.now() - started >= waited * 1000 - 50, 'did not wait Retry-After');
  console.log(`ok apiCallWithRetry after ${seen429} x 429, waited ${waited} s`);
}
