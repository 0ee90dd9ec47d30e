// Scores Learnings' ranking beside two popular JavaScript search libraries on the same relevance
// suite, for `cargo xtask bench`.
//
// Run:  node tests/bench/relevance.mjs <bundle.json> <relevance.json> <learnings-rankings.json>
//   <bundle.json>               learnings.json built from the suite's content
//   <relevance.json>            the suite: [{query, category?, expect: [entry id, ...]}]
//   <learnings-rankings.json>   what crates/bundle/examples/rank_queries.rs printed for it
// Indexes the bundle's entries in MiniSearch and Fuse.js (each with its documented defaults
// for this kind of search), runs every query, and prints one Markdown table on stdout: MRR,
// recall@5 and the share of queries with no results, per engine, overall and per category.

import fs from 'node:fs';

import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';

import { markdownTable } from './table.mjs';
import { FIELDS, MINISEARCH_OPTIONS, QUESTION_WEIGHT, documents } from './documents.mjs';

// Results each engine keeps per query, as rank_queries does for Learnings.
const DEPTH = 20;
const UNCATEGORISED = 'uncategorised';

function usage(message) {
  console.error(
    `${message}\nusage: node tests/bench/relevance.mjs <bundle.json> <relevance.json> <learnings-rankings.json>`,
  );
  process.exit(2);
}

function readJson(file, what) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    usage(`cannot read ${what} ${file}: ${e.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    usage(`${what} ${file} is not JSON: ${e.message}`);
  }
}


// Each engine as a function from a query to ranked entry ids.
function engines(docs, learnings) {
  const mini = new MiniSearch(MINISEARCH_OPTIONS);
  mini.addAll(docs);
  const keys = FIELDS.map((name) => ({ name, weight: name === 'question' ? QUESTION_WEIGHT : 1 }));
  const fuse = new Fuse(docs, { keys });
  return [
    ['Learnings', (_, i) => learnings[i].ids.slice(0, DEPTH)],
    ['MiniSearch', (query) => mini.search(query).slice(0, DEPTH).map((r) => r.id)],
    ['Fuse.js', (query) => fuse.search(query, { limit: DEPTH }).map((r) => r.item.id)],
  ];
}

// Reciprocal rank of the first expected id, recall of the top five, and whether nothing came back.
function score(ranked, expect) {
  const first = ranked.findIndex((id) => expect.includes(id));
  const top = ranked.slice(0, 5);
  return {
    reciprocal: first < 0 ? 0 : 1 / (first + 1),
    recall: expect.filter((id) => top.includes(id)).length / Math.min(expect.length, 5),
    empty: ranked.length === 0 ? 1 : 0,
  };
}

// The mean of one figure over some queries' scores.
function mean(scores, key) {
  return scores.reduce((sum, s) => sum + s[key], 0) / scores.length;
}

// The Markdown table and its caption; `scores[engine][case]` as `score` returns them.
function table(cases, names, scores) {
  const groups = [...new Set(cases.map((c) => c.category))].sort((a, b) =>
    a === UNCATEGORISED ? 1 : b === UNCATEGORISED ? -1 : a.localeCompare(b),
  );
  const row = (label, picked) => [
    label,
    picked.length,
    ...names.flatMap((_, e) => {
      const s = picked.map((i) => scores[e][i]);
      const empty = `${(mean(s, 'empty') * 100).toFixed(1)} %`;
      return [mean(s, 'reciprocal').toFixed(3), mean(s, 'recall').toFixed(3), empty];
    }),
  ];
  const all = cases.map((_, i) => i);
  // One group is the whole suite again: its row would repeat "all".
  const byGroup = groups.length > 1 ? groups.map((g) => row(g, all.filter((i) => cases[i].category === g))) : [];
  const rows = [row('all', all), ...byGroup];
  const headers = ['category', 'queries', ...names.flatMap((n) => [`${n} MRR`, 'R@5', 'empty'])];
  return [
    markdownTable(headers, rows),
    '',
    `MRR: reciprocal rank of the first expected entry in the top ${DEPTH}; R@5: share of the expected ` +
      'entries (at most five) in the top five; empty: share of queries with no results. ' +
      `MiniSearch 7.2.0: fields ${FIELDS.join(', ')}; \`{prefix: true, fuzzy: 0.2, ` +
      `boost: {question: ${QUESTION_WEIGHT}}}\`, otherwise defaults (OR of terms). Fuse.js 7.5.0: the same ` +
      `keys, question weighted ${QUESTION_WEIGHT}, otherwise defaults (threshold 0.6, location 0, ` +
      'distance 100: a match further than about 60 characters into a field does not count).',
  ].join('\n');
}

const [bundlePath, suitePath, rankingsPath] = process.argv.slice(2);
if (!rankingsPath) usage('missing arguments');
const bundle = readJson(bundlePath, 'the bundle');
const suite = readJson(suitePath, 'the relevance suite');
const learnings = readJson(rankingsPath, 'the Learnings rankings');
if (!Array.isArray(bundle.entries)) usage(`${bundlePath} has no entries`);
if (!Array.isArray(suite) || !Array.isArray(learnings)) usage('the suite and the rankings must be JSON arrays');
if (learnings.length !== suite.length || suite.some((c, i) => c.query !== learnings[i].query)) {
  usage(`${rankingsPath} does not rank the queries of ${suitePath}, in order: run rank_queries again`);
}
const docs = documents(bundle);
const ids = new Set(docs.map((d) => d.id));
const cases = suite.map((c) => ({ query: c.query, expect: c.expect, category: c.category ?? UNCATEGORISED }));
for (const c of cases) {
  const unknown = c.expect.filter((id) => !ids.has(id));
  if (unknown.length) usage(`${JSON.stringify(c.query)} expects entries the bundle lacks: ${unknown.join(', ')}`);
}
const runs = engines(docs, learnings);
const scores = runs.map(([, search]) => cases.map((c, i) => score(search(c.query, i), c.expect)));
console.log(table(cases, runs.map(([name]) => name), scores));
