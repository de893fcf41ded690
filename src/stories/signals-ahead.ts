// Story signals of stored articles read ahead in a worker thread, so that a
// first open's background story build (~1 ms per article from the text, ~100 s
// at 100,000 articles) uses a second core. The main thread's build goes through
// the stored articles from the front; the worker takes them from the back, a
// batch at a time, until the two meet. The main thread still indexes every
// article itself, in the store's order, taking the worker's signals where they
// came: the worker runs the same pure function with the same lexicon, so the
// index, and every answer, is the one a build on the main thread alone gives.
// A worker that fails or dies leaves its articles to the main thread.
import type { Worker } from 'node:worker_threads';
import type { StoredArticle } from '../model/article.js';
import type { Lexicon } from '../search/lexicon.js';
import { startWorker } from '../worker-thread.js';
import type { SignalsAnswer, SignalsJob } from './signals-worker.js';
import type { StoredSignals } from './story-signals.js';

/** Articles sent at once, and batches in flight (one being read, one waiting, so the worker never idles). */
const BATCH = 64;
const IN_FLIGHT = 2;

export class SignalsAhead {
  private readonly ready = new Map<string, StoredSignals>();
  private worker: Worker | null;
  /** The worker has been sent every article from here to the end of the list. */
  private from: number;
  private inFlight = 0;

  /**
   * `articles`: the build's list; `reached()`: how far the main thread's build
   * has come in it (the worker is sent nothing before that); `bodyOf` reads an article's body as the build does;
   * `share` swaps a signal key for the string the index keeps for it (keys waiting here take no memory of their own).
   */
  constructor(
    private readonly articles: readonly StoredArticle[],
    private readonly reached: () => number,
    private readonly bodyOf: (article: StoredArticle) => string,
    private readonly share: (key: string) => string,
    lexicon: Lexicon,
  ) {
    this.from = articles.length;
    this.worker = startWorker(import.meta.url, 'signals-worker', lexicon);
    this.worker.unref();
    this.worker.on('message', (answer: SignalsAnswer) => this.answer(answer));
    this.worker.on('error', () => this.letGo());
    this.worker.on('exit', () => {
      this.worker = null;
    });
    for (let i = 0; i < IN_FLIGHT; i++) this.send();
  }

  /** The signals the worker read for a stored article, if they came (each is taken once). */
  take(id: string): StoredSignals | undefined {
    const s = this.ready.get(id);
    if (s !== undefined) this.ready.delete(id);
    return s;
  }

  /** Lets the worker go and drops the signals not taken (the build is done or stopped). */
  stop(): void {
    this.letGo();
    this.ready.clear();
  }

  /** Ends the worker; what it read stays to be taken. */
  private letGo(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
  }

  private answer({ ids, signals }: SignalsAnswer): void {
    this.inFlight -= 1;
    if (!this.worker) return;
    for (let i = 0; i < ids.length; i++) {
      const s = signals[i]!;
      this.ready.set(ids[i]!, { ...s, keys: s.keys.map(this.share) });
    }
    this.send();
  }

  private send(): void {
    if (!this.worker) return;
    const to = this.from;
    const from = Math.max(this.reached() + BATCH, to - BATCH);
    if (from >= to) {
      // The two met: every article left is read or being read.
      if (this.inFlight === 0) this.letGo();
      return;
    }
    const job: SignalsJob = { ids: [], sources: [] };
    for (let i = from; i < to; i++) {
      const a = this.articles[i]!;
      job.ids.push(a.id);
      job.sources.push({ title: a.title, body: this.bodyOf(a), language: a.language, eventDate: a.eventDate, publishedDate: a.publishedDate });
    }
    this.from = from;
    this.inFlight += 1;
    this.worker.postMessage(job);
  }
}
