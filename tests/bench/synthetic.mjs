// A copy of the release site whose bundle holds n synthetic entries, made by the bench-web
// module (crates/bench-web, `learnings_core::synthetic`) in Node from the real bundle: for the
// benches that time the app at 10,000 entries. Its prerendered pages are the real ones, which
// the app sees do not match the bundle, so it renders the page from scratch.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SEED = 42;

/** A copy of `dist` whose bundle holds `n` synthetic entries, made by the bench-web module in Node. */
export async function syntheticSite(dist, webDir, outDir, n) {
  const glue = await import(pathToFileURL(path.resolve(webDir, 'learnings_bench_web.js')).href);
  await glue.default({ module_or_path: fs.readFileSync(path.join(webDir, 'learnings_bench_web_bg.wasm')) });
  const real = fs.readFileSync(path.join(dist, 'learnings.json'), 'utf8');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.cpSync(dist, outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'learnings.json'), glue.synthetic_bundle_json(real, n, SEED));
  return outDir;
}
