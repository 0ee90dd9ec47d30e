// End-to-end: a query with a word no entry has still shows the entries with the other words,
// says that none has them all, and names the missing word (expectations from dist/learnings.json).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { launchBrowser, openPage } from './browser.mjs';
import { DIST_DIR, readBundle } from './support.mjs';

/** The longest word of the first entry's question: a word that is searched, not a filler. */
function aRealWord() {
  const question = readBundle().entries[0].question;
  const word = question.split(/[^A-Za-z]+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  assert.ok(word.length >= 6, `the first question has a word of six letters: ${question}`);
  return { word: word.toLowerCase(), question };
}

describe('partial matches', { timeout: 120_000 }, () => {
  let server;
  let browser;
  before(async () => {
    server = await startServer({ root: DIST_DIR, prefix: '/' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the closest entries and the missing word instead of nothing', async () => {
    const { word, question } = aRealWord();
    const { page, consoleErrors, pageErrors } = await openPage(browser, server.url);
    await page.waitForSelector('article.entry', { timeout: 20_000 });
    await page.fill('#search', `${word} qzxvkj`);
    await page.waitForSelector('.result');
    assert.match(await page.locator('.partial-note').first().textContent(), /No entry has every word/);
    const questions = await page.locator('.result .result-q').allTextContents();
    assert.ok(questions.includes(question), `${question} is among the closest: ${questions.join(' | ')}`);
    assert.equal(await page.locator('.result-missing s').first().textContent(), 'qzxvkj');
    assert.equal(await page.locator('.no-results').count(), 0, 'no "no results" panel');
    assert.deepEqual([...consoleErrors, ...pageErrors], []);
  });

  it('still says plainly when no word of the query is anywhere', async () => {
    const { page } = await openPage(browser, `${server.url}?q=qzxvkj%20wqpzmv`);
    await page.waitForSelector('.no-results', { timeout: 20_000 });
    assert.match(await page.locator('.no-results').textContent(), /No entries match/);
    assert.equal(await page.locator('.result').count(), 0);
  });
});
