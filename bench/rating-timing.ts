// Key → next card painted, timed inside the page.
//
// The end point is the task that runs right after the frame that first shows the change: a
// frame's animation callbacks, style, layout and paint run in one task, so a task queued from its
// animation callback runs once that frame is painted. Nothing asks for a frame before the change
// is in the DOM: asking earlier makes Chromium draw an empty frame first and then hold the next
// one back for a full refresh interval, which would time the benchmark, not the app.
import type { Page } from 'playwright-core';

/** How long a real key is held down (a person's key press lasts about 100 ms). */
const KEY_HELD_MS = 100;

export interface KeyTiming {
  /** Key → the change in the DOM. */
  domMs: number;
  /** Key → the frame that shows it has been painted. */
  paintMs: number;
}

export type KeySource =
  /** A KeyboardEvent dispatched from inside the page; the clock starts just before it. */
  | 'page'
  /** A real key through Chromium's input pipeline; the clock starts at the event's time stamp. */
  | 'input';

/**
 * Installs the timer in the page (as window.__keyToPaint). With `dispatch` it presses the key
 * too and returns the timing; otherwise it returns at once, for a real key to follow.
 */
function watch({
  sel,
  dispatch,
  key,
}: {
  sel: string;
  dispatch: boolean;
  key: string;
}): Promise<KeyTiming> | undefined {
  const w = window as unknown as { __keyToPaint: Promise<KeyTiming> };
  w.__keyToPaint = new Promise<KeyTiming>((resolve) => {
    const target = () => document.querySelector(sel);
    const before = target();
    const beforeText = before?.textContent;
    let t0 = -1;
    if (!dispatch)
      window.addEventListener('keydown', (e) => (t0 = e.timeStamp), { capture: true, once: true });
    const obs = new MutationObserver(() => {
      const current = target();
      if (t0 < 0 || (current === before && current?.textContent === beforeText)) return;
      obs.disconnect();
      const domMs = performance.now() - t0;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ domMs, paintMs: performance.now() - t0 });
        channel.port2.postMessage(null);
      });
    });
    obs.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    // The key comes a moment after the test driver's message, as a person's would: on its own.
    if (dispatch)
      setTimeout(() => {
        t0 = performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }, 50);
  });
  return dispatch ? w.__keyToPaint : undefined;
}

/**
 * Presses `key` and times until the element matching `selector` is another element, or has
 * other text, and that has been painted. Nothing else is sent to the page meanwhile: a message
 * from the test driver arriving mid-answer makes Chromium draw a frame for it first, and the
 * figure would then time the driver.
 */
export async function keyToPaint(
  page: Page,
  source: KeySource,
  key: string,
  selector: string,
): Promise<KeyTiming> {
  const args = { sel: selector, dispatch: source === 'page', key };
  if (source === 'page') return (await page.evaluate(watch, args))!;
  await page.evaluate(watch, args);
  // A person's key stays down for about a tenth of a second; it is released, and the result
  // read, once the card has been painted.
  await page.keyboard.down(key);
  await page.waitForTimeout(KEY_HELD_MS);
  await page.keyboard.up(key);
  return page.evaluate(
    () => (window as unknown as { __keyToPaint: Promise<KeyTiming> }).__keyToPaint,
  );
}

/**
 * Pages that do nothing on a key but change a line of text (`#n`): the floors for keyToPaint.
 * The second first writes one small record to IndexedDB, as an app that must save an answer
 * before showing the next card has to; it needs a real origin (IndexedDB is off on about:blank).
 * Both set window.__ready once a key can be timed. File name → content: each page loads its
 * script from a file, since the app's Content-Security-Policy (sent by the preview server for
 * every page) refuses inline scripts.
 */
const floorPage = (script: string) =>
  `<!doctype html><p id="n">0</p><script src="./${script}"></script>`;

export const FLOOR_PAGES: Record<string, string> = {
  'bench-floor.html': floorPage('bench-floor.js'),
  'bench-floor.js': `let n = 0;
addEventListener('keydown', () => { document.getElementById('n').textContent = String(++n); });
window.__ready = true;
`,
  'bench-write-floor.html': floorPage('bench-write-floor.js'),
  'bench-write-floor.js': `let n = 0;
const open = indexedDB.open('recall-bench-floor');
open.onupgradeneeded = () => open.result.createObjectStore('kv');
open.onsuccess = () => { window.__ready = true; };
addEventListener('keydown', () => {
  const tx = open.result.transaction('kv', 'readwrite', { durability: 'relaxed' });
  tx.objectStore('kv').put({ n, time: Date.now(), rating: 3 }, 'log:' + n);
  tx.oncomplete = () => { document.getElementById('n').textContent = String(++n); };
});
`,
};
