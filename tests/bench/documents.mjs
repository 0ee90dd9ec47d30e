// The entries of a bundle as flat documents of plain text, for the JavaScript search libraries
// the bench compares with: read in Node by relevance.mjs and in the browser by the MiniSearch
// page of first-result.mjs (served beside ../inline-text.mjs).

import { inlineText } from '../inline-text.mjs';

/** The fields of each document. */
export const FIELDS = ['question', 'answer', 'code', 'sources'];
/** How much more the question counts than the other fields, in both libraries. */
export const QUESTION_WEIGHT = 2;
/** MiniSearch with its documented options for this kind of search. */
export const MINISEARCH_OPTIONS = {
  fields: FIELDS,
  storeFields: ['question'],
  searchOptions: { prefix: true, fuzzy: 0.2, boost: { question: QUESTION_WEIGHT } },
};

// The prose and the code of answer blocks, each as a list of strings.
function blockText(blocks, prose, code) {
  for (const block of blocks) {
    if ('paragraph' in block) prose.push(inlineText(block.paragraph));
    else if ('list' in block) block.list.items.forEach((item) => blockText(item, prose, code));
    else if ('code' in block) code.push(block.code.spans.map(([, text]) => text).join(''));
    else throw new Error(`unknown block ${JSON.stringify(block)}`);
  }
}

// One flat document per entry, with the fields both libraries index.
export function documents(bundle) {
  return bundle.entries.map((entry) => {
    const prose = [];
    const code = [];
    blockText(entry.answer, prose, code);
    const sources = (entry.sources ?? []).flatMap((s) => [s.title, s.url]);
    return {
      id: entry.id,
      question: inlineText(entry.question_inlines),
      answer: prose.join('\n'),
      code: code.join('\n'),
      sources: sources.join('\n'),
    };
  });
}
