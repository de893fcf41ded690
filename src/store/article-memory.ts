// The articles as both stores hold them in memory: by id, fingerprint and canonical
// URL, plus the adds and removals being written now. An article enters memory only
// after its store confirmed the write and leaves only after the removal was
// confirmed, so memory never shows what the disk or database does not hold.
import type { KeyFigure, StoredArticle } from '../model/article.js';
import { DuplicateArticleError } from './duplicate-article.js';

/** `A`: what a store keeps per article (the lowdb store: no body; PostgreSQL: the whole record). */
export class ArticleMemory<A extends StoredArticle = StoredArticle> {
  private readonly byId = new Map<string, A>();
  private readonly byFingerprint = new Map<string, string>();
  private readonly byCanonicalUrl = new Map<string, string>();
  /** Adds and removals written but not yet confirmed, so a second caller waits instead of racing. */
  private readonly addsInFlight = new Map<string, Promise<void>>();
  private readonly idsInFlight = new Set<string>();
  private readonly removalsInFlight = new Map<string, Promise<A | undefined>>();

  index(a: A): void {
    this.byId.set(a.id, a);
    this.byFingerprint.set(a.fingerprint, a.id);
    if (a.canonicalUrl) this.byCanonicalUrl.set(a.canonicalUrl, a.id);
  }

  unindex(article: A): void {
    const id = article.id;
    this.byId.delete(id);
    if (this.byFingerprint.get(article.fingerprint) === id) this.byFingerprint.delete(article.fingerprint);
    if (article.canonicalUrl && this.byCanonicalUrl.get(article.canonicalUrl) === id) this.byCanonicalUrl.delete(article.canonicalUrl);
  }

  get count(): number {
    return this.byId.size;
  }

  list(): IterableIterator<A> {
    return this.byId.values();
  }

  get(id: string): A | undefined {
    return this.byId.get(id);
  }

  hasId(id: string): boolean {
    return this.byId.has(id) || this.idsInFlight.has(id);
  }

  findByFingerprint(fingerprint: string): A | undefined {
    const id = this.byFingerprint.get(fingerprint);
    return id === undefined ? undefined : this.byId.get(id);
  }

  findByCanonicalUrl(url: string): A | undefined {
    const id = this.byCanonicalUrl.get(url);
    return id === undefined ? undefined : this.byId.get(id);
  }

  addInFlight(fingerprint: string): Promise<void> | undefined {
    return this.addsInFlight.get(fingerprint);
  }

  /**
   * Writes the article with `write`, then remembers it. The same record again is a
   * no-op; a taken id is an error; another article's fingerprint or canonical URL
   * is a DuplicateArticleError naming that article.
   */
  async add(article: A, write: () => Promise<void>): Promise<void> {
    for (let w = this.addInFlight(article.fingerprint); w; w = this.addInFlight(article.fingerprint)) await w;
    const stored = this.byId.get(article.id);
    if (stored && stored.fingerprint === article.fingerprint) return;
    if (this.hasId(article.id)) throw new Error(`article id ${article.id} already stored`);
    const sameText = this.findByFingerprint(article.fingerprint);
    if (sameText) throw new DuplicateArticleError(sameText, 'fingerprint');
    const samePage = article.canonicalUrl ? this.findByCanonicalUrl(article.canonicalUrl) : undefined;
    if (samePage) throw new DuplicateArticleError(samePage, 'canonical URL');
    const written = write().then(() => this.index(article));
    const settled = written.catch(() => undefined);
    this.addsInFlight.set(article.fingerprint, settled);
    this.idsInFlight.add(article.id);
    try {
      await written;
    } finally {
      if (this.addsInFlight.get(article.fingerprint) === settled) this.addsInFlight.delete(article.fingerprint);
      this.idsInFlight.delete(article.id);
    }
  }

  /** Removes with `write` (which says whether the store held it), then forgets it. */
  async remove(id: string, write: (article: A) => Promise<boolean>): Promise<A | undefined> {
    const inFlight = this.removalsInFlight.get(id);
    if (inFlight) {
      await inFlight.catch(() => undefined);
      return this.remove(id, write);
    }
    const article = this.byId.get(id);
    if (!article) return undefined;
    const removal = write(article).then((held) => {
      if (!held) return undefined;
      this.unindex(article);
      return article;
    });
    this.removalsInFlight.set(id, removal);
    try {
      return await removal;
    } finally {
      this.removalsInFlight.delete(id);
    }
  }
}

/** The port's article reads, served from memory: both stores extend this. */
export abstract class ArticlesInMemory<A extends StoredArticle = StoredArticle> {
  protected readonly articles = new ArticleMemory<A>();

  get articleCount(): number {
    return this.articles.count;
  }

  listArticles(): IterableIterator<A> {
    return this.articles.list();
  }

  getArticle(id: string): A | undefined {
    return this.articles.get(id);
  }

  /** True for a stored id and for one being written now. */
  hasId(id: string): boolean {
    return this.articles.hasId(id);
  }

  findByFingerprint(fingerprint: string): A | undefined {
    return this.articles.findByFingerprint(fingerprint);
  }

  findByCanonicalUrl(url: string): A | undefined {
    return this.articles.findByCanonicalUrl(url);
  }

  abstract readBody(id: string): string | undefined;

  abstract readKeyFigures(id: string): KeyFigure[] | undefined;

  /** Settles when an add of this fingerprint now being written is done (either way). */
  addInFlight(fingerprint: string): Promise<void> | undefined {
    return this.articles.addInFlight(fingerprint);
  }
}
