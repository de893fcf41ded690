// Story signals of stored articles read ahead in a worker thread, so that a
// first open's background story build (~0.5 ms per article from the text, ~50 s
// at 100,000 articles) uses a second core. During a first open the search pass
// reads every body on the main thread while the second core idles: the worker
// is offered each body it can keep up with then (`offer`), so much of the
// build is done by ready. The build then goes through the stored articles from
// the front; the worker takes the ones it has not read from the back, a batch
// at a time, until the two meet (`follow`). The main thread still indexes every
// article itself, in the store's order, taking the worker's signals where they
// came: the worker runs the same pure function with the same lexicon, so the
// index, and every answer, is the one a build on the main thread alone gives.
// A worker that fails or dies leaves its articles to the main thread.
import type { Worker } from 'node:worker_threads';
import type { StoredArticle } from '../model/article.js';
import type { Lexicon } from '../search/lexicon.js';
import { startWorker } from '../worker-thread.js';
import type { SignalsAnswer, SignalsJob, SignalsSetup } from './signals-worker.js';
import type { StoredSignals } from './story-signals.js';

/** Articles sent at once, and batches in flight (one being read, one waiting, so the worker never idles). */
const BATCH = 64;
const IN_FLIGHT = 2;

export class SignalsAhead {
  private readonly ready = new Map<string, StoredSignals>();
  /** Articles sent to the worker (read or being read). */
  private readonly sent = new Set<string>();
  private worker: Worker | null;
  /** Batches the worker has answered, counted by the worker itself: readable while the main thread is busy. */
  private readonly answered = new Int32Array(new SharedArrayBuffer(4));
  private posted = 0;
  private inFlight = 0;
  /** A batch of offered articles being filled. */
  private offered: SignalsJob | null = null;
  /** The build's list, how far the build has come in it, and from where the worker has been sent every article to the end. */
  private articles: readonly StoredArticle[] = [];
  private reached: () => number = () => 0;
  private from = 0;
  private bodyOf: (article: StoredArticle) => string = () => '';
  private share: (key: string) => string = (key) => key;

  constructor(lexicon: Lexicon) {
    const setup: SignalsSetup = { lexicon, answered: this.answered };
    this.worker = startWorker(import.meta.url, 'signals-worker', setup);
    this.worker.unref();
    this.worker.on('message', (answer: SignalsAnswer) => this.answer(answer));
    this.worker.on('error', () => this.letGo());
    this.worker.on('exit', () => {
      this.worker = null;
    });
  }

  /**
   * A stored article whose body the caller has just read (a first open's search
   * pass): sent to the worker when it keeps up, else left to the build.
   */
  offer(article: StoredArticle, body: string): void {
    if (!this.worker) return;
    if (this.offered === null) {
      if (this.posted - Atomics.load(this.answered, 0) >= IN_FLIGHT) return;
      this.offered = { ids: [], sources: [] };
    }
    this.add(this.offered, article, body);
    if (this.offered.ids.length === BATCH) this.flush();
  }

  /**
   * The build starts: `articles` is its list, `reached()` how far it has come
   * (the worker is sent nothing before that); `bodyOf` reads an article's body
   * as the build does; `share` swaps a signal key for the string the index
   * keeps for it (keys waiting here take no memory of their own).
   */
  follow(articles: readonly StoredArticle[], reached: () => number, bodyOf: (article: StoredArticle) => string, share: (key: string) => string): void {
    this.flush();
    this.articles = articles;
    this.reached = reached;
    this.from = articles.length;
    this.bodyOf = bodyOf;
    this.share = share;
    for (const [id, s] of this.ready) this.ready.set(id, { ...s, keys: s.keys.map(share) });
    while (this.inFlight < IN_FLIGHT && this.send());
    if (this.inFlight === 0) this.letGo();
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
    this.sent.clear();
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
    if (this.articles.length > 0 && !this.send() && this.inFlight === 0) this.letGo();
  }

  private add(job: SignalsJob, a: StoredArticle, body: string): void {
    job.ids.push(a.id);
    job.sources.push({ title: a.title, body, language: a.language, eventDate: a.eventDate, publishedDate: a.publishedDate });
    this.sent.add(a.id);
  }

  private flush(): void {
    const job = this.offered;
    this.offered = null;
    if (job && job.ids.length > 0) this.post(job);
  }

  private post(job: SignalsJob): void {
    this.posted += 1;
    this.inFlight += 1;
    this.worker!.postMessage(job);
  }

  /** Sends the next batch from the back, skipping articles already sent; false once the two met (every article left is read or being read). */
  private send(): boolean {
    if (!this.worker) return false;
    const job: SignalsJob = { ids: [], sources: [] };
    const stop = this.reached() + BATCH;
    let i = this.from;
    while (i > stop && job.ids.length < BATCH) {
      const a = this.articles[--i]!;
      if (!this.sent.has(a.id)) this.add(job, a, this.bodyOf(a));
    }
    this.from = i;
    if (job.ids.length === 0) return false;
    this.post(job);
    return true;
  }
}
