// The plain text of a bundle's inline runs (README, "Bundle schema"), as
// `learnings_core::text::inline_text` derives it: shared by the end-to-end tests and the bench.

/**
 * The plain text of inline runs: text, code, emphasis, strong, strike, link, "break", a formula's
 * TeX, an image's alt text; task checkboxes and footnote citations have none.
 */
export function inlineText(runs) {
  return runs
    .map((run) => {
      if (run === 'break') return '\n';
      if ('text' in run) return run.text;
      if ('code' in run) return run.code;
      if ('emphasis' in run) return inlineText(run.emphasis);
      if ('strong' in run) return inlineText(run.strong);
      if ('strike' in run) return inlineText(run.strike);
      if ('link' in run) return inlineText(run.link.children);
      if ('math' in run) return run.math.tex;
      if ('image' in run) return run.image.alt;
      if ('task' in run || 'note' in run) return '';
      throw new Error(`unknown inline run ${JSON.stringify(run)}`);
    })
    .join('');
}
