// Command rules live in the command modules; adapters ask the registry. A copy in an adapter
// (a list of shareable, listing or admin commands, a second option schema) drifts, so it fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../adapters/discord/discord-commands.js';
import type { CommandInfo } from '../../src/commands/command-module.js';
import { commandInfos } from '../../src/commands/registry.js';
import { PROJECT_ROOT } from '../support/temp-engine.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

type Opt = { name: string; type: number; max_length?: number; required?: boolean; choices?: unknown[]; options?: Opt[]; description: string };
type Def = { name: string; description: string; options: Opt[] };

describe('command rules have one home', () => {
  it('no adapter keeps its own list of command names', () => {
    const names = new Set(commandInfos().map((c) => c.name as string));
    const offenders: string[] = [];
    for (const file of files(path.join(PROJECT_ROOT, 'adapters'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\[([^\][]*)\]/g)) {
        const words = [...m[1]!.matchAll(/'([a-z-]+)'/g)].map((w) => w[1]!);
        if (words.filter((w) => names.has(w)).length >= 2) offenders.push(`${path.relative(PROJECT_ROOT, file)}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("Discord's definitions are the registry's: /brief takes the look-up, every other non-listing command is a /brief-admin subcommand with its declared options", () => {
    const [brief, admin] = commandDefinitions() as unknown as [Def, Def];
    const infos = commandInfos();
    const search = infos.find((c) => c.name === 'brief')!;
    expect(brief.description).toBe(search.describe);
    expect(brief.options.map((o) => [o.name, o.max_length])).toEqual(search.options!.map((o) => [o.name, o.kind === 'text' ? o.maxLength : undefined]));
    const expected = infos.filter((c) => c.name !== 'brief' && !c.listing);
    expect(admin.options.map((s) => s.name)).toEqual(expected.map((c) => c.name));
    for (const info of expected) {
      const sub = admin.options.find((s) => s.name === info.name)!;
      expect(sub.description).toBe(info.describe);
      expect((sub.options ?? []).map((o) => ({ name: o.name, max: o.max_length, required: o.required ?? false }))).toEqual(
        (info.options ?? []).map((o) => ({ name: o.name, max: o.kind === 'text' ? o.maxLength : undefined, required: ('required' in o && o.required) || false })),
      );
    }
  });

  it('a new command module reaches Discord with nothing else to edit', () => {
    const extra: CommandInfo = {
      name: 'resume',
      usage: ['<feed>'],
      describe: 'A command only this test knows.',
      adminOnly: true,
      options: [{ kind: 'text', name: 'feed', describe: 'Feed address', required: true, maxLength: 300 }],
    };
    const [, admin] = commandDefinitions([...commandInfos().filter((c) => c.name !== 'resume'), extra]) as unknown as [Def, Def];
    const sub = admin.options.find((s) => s.name === 'resume')!;
    expect(sub.description).toBe('A command only this test knows.');
    expect(sub.options).toEqual([expect.objectContaining({ name: 'feed', max_length: 300, required: true })]);
  });
});
