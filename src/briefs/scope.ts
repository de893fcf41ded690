// The briefing's field (briefs/_scope.yaml), e.g. Indonesia–Japan: an article is
// in scope when it mentions every side. Look-ups rank articles outside the
// field below every in-scope match, so a Korean plant in Indonesia or a
// Japan–Thailand dialogue never pushes out the news the briefing is about.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { foldTokens } from '../text/normalize.js';
import { readYamlFile } from '../text/read-yaml-file.js';

export const SCOPE_FILE = '_scope.yaml';

const scopeSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().min(1).max(300),
  sides: z.record(z.string().trim().min(1).max(60), z.array(z.string().trim().min(1).max(80)).min(1)),
});

export class Scope {
  /** First word of a side's term -> the sides and terms (as their words) it starts. */
  private readonly starts = new Map<string, { side: number; words: string[] }[]>();
  private readonly sideCount: number;

  constructor(sides: Record<string, readonly string[]>) {
    const folded = Object.values(sides).map((terms) => terms.map(foldTokens).filter((t) => t.length > 0));
    this.sideCount = folded.length;
    folded.forEach((terms, side) => {
      for (const words of terms) {
        const list = this.starts.get(words[0]!);
        if (list) list.push({ side, words });
        else this.starts.set(words[0]!, [{ side, words }]);
      }
    });
  }

  /** Every article is in scope when the briefing names no field. */
  static readonly everything = new Scope({});

  /**
   * True when the folded words (of one or more parts of a text) mention every
   * side of the field: one pass over the words, stopping once every side is found.
   */
  covers(...parts: (readonly string[])[]): boolean {
    if (this.sideCount === 0) return true;
    const found = new Array<boolean>(this.sideCount).fill(false);
    let missing = this.sideCount;
    for (const part of parts) {
      for (let i = 0; i < part.length; i++) {
        const terms = this.starts.get(part[i]!);
        if (!terms) continue;
        for (const { side, words } of terms) {
          if (found[side] || !startsAt(part, i, words)) continue;
          found[side] = true;
          if (--missing === 0) return true;
        }
      }
    }
    return false;
  }
}

function startsAt(words: readonly string[], at: number, run: readonly string[]): boolean {
  if (at + run.length > words.length) return false;
  for (let k = 1; k < run.length; k++) if (words[at + k] !== run[k]) return false;
  return true;
}

/** The scope in `dir`/_scope.yaml; without that file every article is in scope. */
export function loadScope(dir: string): Scope {
  return scopeOf(readScopeSides(dir));
}

/** The scope of these sides (as `readScopeSides` gives them); every article is in scope without them. */
export function scopeOf(sides: Record<string, string[]> | null): Scope {
  return sides ? new Scope(sides) : Scope.everything;
}

/** The sides of the field as written in `dir`/_scope.yaml (side -> names); null without that file. */
export function readScopeSides(dir: string): Record<string, string[]> | null {
  const file = path.join(dir, SCOPE_FILE);
  if (!existsSync(file)) return null;
  return readYamlFile(file, scopeSchema, 'Scope').sides;
}
