// The engine stays platform-neutral: src/ never imports adapters/ or a platform
// SDK, and src/ has no import cycles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/temp-engine.js';

const SRC = path.join(PROJECT_ROOT, 'src');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

export function forbiddenImports(file: string): string[] {
  return importsOf(file).filter((spec) => {
    if (/^@slack\//.test(spec) || spec === 'discord.js' || spec.startsWith('@discordjs/')) return true;
    if (spec.startsWith('.')) return path.resolve(path.dirname(file), spec).startsWith(path.join(PROJECT_ROOT, 'adapters'));
    return false;
  });
}

/** Lines that name a platform (its variables, its config types): those belong in the platform's adapter. */
export function platformMentions(text: string): string[] {
  return text.split('\n').filter((line) => /slack|discord/i.test(line));
}

describe('src/ boundaries', () => {
  it('src/config.ts names no platform: adapters read and validate their own variables', () => {
    expect(platformMentions(readFileSync(path.join(SRC, 'config.ts'), 'utf8'))).toEqual([]);
    // The check itself sees a variable, a type and a comment.
    expect(platformMentions("  SLACK_PORT: int(3000, 1, 65535),\nexport interface DiscordConfig {\n// for slack\nDATA_DIR: optionalString,")).toHaveLength(3);
  });


  it('imports nothing from adapters/, @slack/* or discord.js', () => {
    const offenders = files(SRC).flatMap((f) => forbiddenImports(f).map((s) => `${path.relative(PROJECT_ROOT, f)} -> ${s}`));
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a forbidden import', () => {
    const fake = path.join(SRC, 'x.ts');
    const specs = ["import { a } from '../adapters/slack/x.js'", "import { App } from '@slack/bolt'", "import { Client } from 'discord.js'"];
    for (const s of specs) {
      const found = [...s.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
      expect(found.length).toBe(1);
      const spec = found[0]!;
      const bad = /^@slack\//.test(spec) || spec === 'discord.js' || path.resolve(path.dirname(fake), spec).startsWith(path.join(PROJECT_ROOT, 'adapters'));
      expect(bad).toBe(true);
    }
  });

  it('has no import cycles inside src/', () => {
    const graph = new Map<string, string[]>();
    for (const f of files(SRC)) {
      const deps = importsOf(f)
        .filter((s) => s.startsWith('.') && !/^import type/.test(s))
        .map((s) => path.resolve(path.dirname(f), s).replace(/\.js$/, '.ts'));
      graph.set(f, deps);
    }
    // Type-only imports are erased at run time; only value imports can form a cycle that matters.
    for (const f of graph.keys()) {
      const text = readFileSync(f, 'utf8');
      const valueDeps = [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"](\.[^'"]+)['"]/gm)].map((m) =>
        path.resolve(path.dirname(f), m[1]!).replace(/\.js$/, '.ts'),
      );
      graph.set(f, valueDeps);
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (n: string, trail: string[]) => {
      if (state.get(n) === 'done') return;
      if (state.get(n) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(n)), n].map((p) => path.relative(SRC, p)).join(' -> '));
        return;
      }
      state.set(n, 'visiting');
      for (const d of graph.get(n) ?? []) visit(d, [...trail, n]);
      state.set(n, 'done');
    };
    for (const n of graph.keys()) visit(n, []);
    expect(cycles).toEqual([]);
  });
});
