// The manifest must ask for exactly the scopes the adapter uses, and point the
// command and interactivity at the endpoint Bolt serves.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../support/temp-engine.js';

const dir = path.join(PROJECT_ROOT, 'adapters/slack');
const manifest = parse(readFileSync(path.join(dir, 'manifest.yaml'), 'utf8')) as {
  features: { slash_commands: { command: string; url: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { interactivity: { is_enabled: boolean; request_url: string } };
};
const source = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(path.join(dir, f), 'utf8'))
  .join('\n');

/** Web API methods the adapter calls, and the bot scope each needs. */
const SCOPE_OF: Record<string, string | null> = {
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'users.info': 'users:read',
  'views.open': null,
};

describe('manifest.yaml', () => {
  it('asks for exactly the scopes the code uses', () => {
    const called = new Set([...source.matchAll(/\.(chat|users|views|conversations|reactions|files|channels|im)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`));
    // A new Web API call must be added to SCOPE_OF (and its scope to the manifest) before this passes.
    for (const method of called) expect(Object.keys(SCOPE_OF), `unknown Web API call ${method}`).toContain(method);
    expect([...called].sort()).toEqual(Object.keys(SCOPE_OF).sort());
    const needed = new Set(['commands', ...[...called].map((m) => SCOPE_OF[m]).filter((s): s is string => Boolean(s))]);
    expect(new Set(manifest.oauth_config.scopes.bot)).toEqual(needed);
  });

  it('routes /brief and interactivity to /slack/events', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/brief']);
    expect(manifest.features.slash_commands[0]!.url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity).toMatchObject({ is_enabled: true, request_url: expect.stringMatching(/\/slack\/events$/) });
  });
});
