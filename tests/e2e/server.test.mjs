// The static server the tests and the bench serve the site with: ETags and 304s, the Deploy
// table's caching headers, gzip, and its record of what went over the wire.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import { startServer } from './server.mjs';

const PAGE = '<!doctype html><title>t</title>' + '<p>the same words again and again</p>'.repeat(50);
const HASHED = 'learnings-0123456789abcdef_bg.wasm';

/** GET `url` with `headers`; resolves to the status, headers and raw (undecoded) body. */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('static server', () => {
  let root;
  let plain;
  let deploy;
  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'learnings-server-'));
    fs.writeFileSync(path.join(root, 'index.html'), PAGE);
    fs.writeFileSync(path.join(root, HASHED), Buffer.alloc(4096, 7));
    plain = await startServer({ root });
    deploy = await startServer({ root, caching: 'deploy', gzip: true, record: true });
  });
  after(async () => {
    await plain?.close();
    await deploy?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('tags every file and answers a revalidation of an unchanged one with an empty 304', async () => {
    const first = await get(plain.url);
    assert.equal(first.status, 200);
    assert.equal(first.headers['cache-control'], 'no-store', 'tests never cache by default');
    const etag = first.headers.etag;
    assert.match(etag, /^".+"$/);
    const again = await get(plain.url, { 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, etag);
    const other = await get(plain.url, { 'If-None-Match': '"something-else"' });
    assert.equal(other.status, 200);
    assert.equal(other.body.toString(), PAGE);
  });

  it('a changed file gets a new tag and its new content', async () => {
    const file = path.join(root, 'changing.txt');
    fs.writeFileSync(file, 'one');
    const first = await get(plain.url + 'changing.txt');
    fs.writeFileSync(file, 'three');
    const second = await get(plain.url + 'changing.txt', { 'If-None-Match': first.headers.etag });
    assert.equal(second.status, 200);
    assert.equal(second.body.toString(), 'three');
    assert.notEqual(second.headers.etag, first.headers.etag);
  });

  it('deploy caching: hashed names immutable, every other file revalidated', async () => {
    const page = await get(deploy.url);
    const wasm = await get(deploy.url + HASHED);
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.equal(wasm.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  it('gzips for clients that accept it, under its own tag, and records the bytes sent', async () => {
    const page = deploy.url + 'index.html';
    const raw = await get(page);
    const zipped = await get(page, { 'Accept-Encoding': 'gzip, deflate' });
    assert.equal(raw.headers['content-encoding'], undefined);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zlib.gunzipSync(zipped.body).toString(), PAGE);
    assert.ok(zipped.body.length < PAGE.length / 5, `${zipped.body.length} bytes gzipped`);
    assert.notEqual(zipped.headers.etag, raw.headers.etag);
    const revalidated = await get(page, { 'Accept-Encoding': 'gzip', 'If-None-Match': zipped.headers.etag });
    assert.equal(revalidated.status, 304);
    await deploy.recorded(5); // the two requests of the test before, then these three
    const these = deploy.requests.filter((r) => r.path === '/index.html');
    assert.deepEqual(
      these.map((r) => r.status),
      [200, 200, 304],
    );
    const [whole, small, notModified] = these.map((r) => r.bytes);
    assert.ok(whole > PAGE.length && small < whole / 3 && notModified < 400, `${whole}, ${small}, ${notModified}`);
  });
});
