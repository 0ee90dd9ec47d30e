// In-page instruments for page-bench.mjs, installed as an init script before the app runs.
//
// "Painted" is approximated as a requestAnimationFrame callback followed by a message-channel
// task: the rAF runs just before the frame is rendered, the task right after it.

/** Source of the init script; it defines `window.__bench`. */
export const PROBE = `(() => {
  const s = {
    entriesInDom: null, firstEntriesPainted: null,
    seq: 0, lastMutation: 0, paintedSeq: 0, paintedAt: 0,
    keydownAt: null, keySeq: 0, keyPaintedAt: null,
  };
  const afterPaint = (callback) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = callback;
    channel.port2.postMessage(null);
  });
  new MutationObserver(() => {
    const seq = ++s.seq;
    s.lastMutation = performance.now();
    if (s.entriesInDom === null && document.querySelector('article.entry')) {
      s.entriesInDom = s.lastMutation;
      afterPaint(() => { s.firstEntriesPainted = performance.now(); });
    }
    afterPaint(() => {
      if (s.paintedSeq < seq) { s.paintedSeq = seq; s.paintedAt = performance.now(); }
    });
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  document.addEventListener('keydown', (e) => {
    if (s.keydownAt !== null) return;
    s.keydownAt = e.timeStamp;
    s.keySeq = s.seq;
    afterPaint(() => { s.keyPaintedAt = performance.now(); });
  }, true);
  window.__bench = {
    state: s,
    // Milliseconds since the DOM last changed.
    idleFor: () => performance.now() - s.lastMutation,
    // Forget the previous keystroke; the next keydown starts a measurement.
    armKey() { s.keydownAt = null; s.keyPaintedAt = null; },
    // Keydown to the paint after the last DOM change it caused, once the DOM has been quiet
    // for quietMs (so debounced results count); null while still settling.
    keyLatency(quietMs) {
      if (s.keydownAt === null || s.keyPaintedAt === null) return null;
      if (performance.now() - Math.max(s.keydownAt, s.lastMutation) < quietMs) return null;
      if (s.seq === s.keySeq) return s.keyPaintedAt - s.keydownAt;
      return s.paintedSeq === s.seq ? s.paintedAt - s.keydownAt : null;
    },
  };
})();`;
