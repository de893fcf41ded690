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
  /** Per side: folded terms, each as its words. */
  private readonly sides: string[][][];

  constructor(sides: Record<string, readonly string[]>) {
    this.sides = Object.values(sides).map((terms) => terms.map(foldTokens).filter((t) => t.length > 0));
  }

  /** Every article is in scope when the briefing names no field. */
  static readonly everything = new Scope({});

  /** True when the folded words (of one or more parts of a text) mention every side of the field. */
  covers(...parts: (readonly string[])[]): boolean {
    if (this.sides.length === 0) return true;
    const present = new Set(parts.flat());
    return this.sides.every((terms) => terms.some((t) => present.has(t[0]!) && (t.length === 1 || parts.some((p) => containsRun(p, t)))));
  }
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let i = 0; i + run.length <= words.length; i++) if (run.every((w, k) => words[i + k] === w)) return true;
  return false;
}

/** The scope in `dir`/_scope.yaml; without that file every article is in scope. */
export function loadScope(dir: string): Scope {
  const sides = readScopeSides(dir);
  return sides ? new Scope(sides) : Scope.everything;
}

/** The sides of the field as written in `dir`/_scope.yaml (side -> names); null without that file. */
export function readScopeSides(dir: string): Record<string, string[]> | null {
  const file = path.join(dir, SCOPE_FILE);
  if (!existsSync(file)) return null;
  return readYamlFile(file, scopeSchema, 'Scope').sides;
}
