// The precompressed siblings `cargo xtask build` writes for hosts that serve them (README,
// Deploy): each is its file exactly, so a host never serves a stale or other build's copy, and
// none is in the service worker's precache list.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { DIST_DIR } from './support.mjs';

/** Every file under `dir`, relative to it, `/`-separated. */
function files(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    return entry.isDirectory() ? files(path.join(dir, entry.name), `${rel}/`) : [rel];
  });
}

describe('precompressed siblings', () => {
  const all = files(DIST_DIR);
  const siblings = all.filter((name) => /\.(gz|br)$/.test(name));

  it('the big text files have both, and each unpacks to its file exactly', () => {
    for (const name of ['index.html', 'learnings.json']) {
      for (const ext of ['gz', 'br']) {
        assert.ok(siblings.includes(`${name}.${ext}`), `${name}.${ext} in ${DIST_DIR} (built by cargo xtask build?)`);
      }
    }
    assert.ok(siblings.some((name) => name.endsWith('.wasm.br')), 'the wasm has a brotli copy');
    for (const sibling of siblings) {
      const original = sibling.replace(/\.(gz|br)$/, '');
      assert.ok(all.includes(original), `${sibling} is a copy of a file of the build`);
      const packed = fs.readFileSync(path.join(DIST_DIR, sibling));
      const unpacked = sibling.endsWith('.gz') ? zlib.gunzipSync(packed) : zlib.brotliDecompressSync(packed);
      assert.ok(unpacked.equals(fs.readFileSync(path.join(DIST_DIR, original))), `${sibling} is ${original} as it is`);
      assert.ok(packed.length < unpacked.length, `${sibling} is smaller than ${original}`);
    }
  });

  it('the service worker precaches none of them', () => {
    const sw = fs.readFileSync(path.join(DIST_DIR, 'sw.js'), 'utf8');
    const line = sw.split('\n').find((l) => l.startsWith('const PRECACHE = '));
    const urls = JSON.parse(line.slice('const PRECACHE = '.length).replace(/;$/, '')).files.map((f) => f.url);
    assert.ok(urls.includes('index.html'), 'the list is there');
    assert.deepEqual(urls.filter((url) => /\.(gz|br)$/.test(url)), []);
  });
});
