// Distinct entities numbered for a compact record layout (lowdb's records cache,
// decision 030; PostgreSQL's records blob, decision 031): news names the same
// entities over and over, so records keep numbers into one table. An entity
// object met before takes its number at once; another object with the same
// content takes the number of the first.
import type { Entity } from '../model/article.js';

/** The distinct entities, numbered in the order first met, after those it starts with (`old`: a file's table whose sections still point into it). */
export class EntityTable {
  readonly list: Entity[];
  private readonly byObject = new Map<Entity, number>();
  private byText: Map<string, number> | null = null;

  constructor(old: readonly Entity[] = []) {
    this.list = [...old];
  }

  numberOf(e: Entity): number {
    let n = this.byObject.get(e);
    if (n !== undefined) return n;
    this.byText ??= new Map(this.list.map((x, i) => [JSON.stringify(x), i]));
    const text = JSON.stringify(e);
    n = this.byText.get(text);
    if (n === undefined) {
      n = this.list.push(e) - 1;
      this.byText.set(text, n);
    }
    this.byObject.set(e, n);
    return n;
  }
}
