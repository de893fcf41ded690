// docker-compose.yml cannot run here (no Docker engine), so this holds the example to the
// code: the variables it sets are ones Ringkas reads and accepts, the instances really run
// the stateless modes (PostgreSQL store, Slack over HTTP, Discord HTTP interactions), and
// nginx sends each platform's path to the port that instance listens on.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALL_VARIABLES, readPlatformConfigs } from '../../adapters/platform-config.js';
import { INTERACTIONS_PATH } from '../../adapters/discord/interactions-endpoint.js';
import { loadConfig } from '../../src/config.js';
import { ed25519Keys } from '../platform/discord-signing.js';

const root = path.resolve(import.meta.dirname, '../..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, { environment?: Record<string, string>; volumes?: string[]; build?: string }>;
};
const nginx = readFileSync(path.join(root, 'deploy/nginx.conf'), 'utf8');
const instances = Object.entries(compose.services).filter(([, s]) => s.build === '.');

// What a user puts in .env for the example: the platform credentials, nothing else.
const userEnv = {
  RINGKAS_SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
  RINGKAS_SLACK_SIGNING_SECRET: 'secret',
  RINGKAS_DISCORD_TOKEN: 'token',
  RINGKAS_DISCORD_PUBLIC_KEY: ed25519Keys().publicHex,
};

function upstreamPorts(name: string): { host: string; port: number }[] {
  const block = new RegExp(`upstream ${name} \\{([^}]*)\\}`).exec(nginx)?.[1] ?? '';
  return [...block.matchAll(/server ([\w-]+):(\d+);/g)].map((m) => ({ host: m[1]!, port: Number(m[2]) }));
}

describe('the docker-compose example', () => {
  it('runs at least two Ringkas instances', () => {
    expect(instances.length).toBeGreaterThanOrEqual(2);
  });

  it('sets only variables Ringkas reads, and they configure the stateless modes', () => {
    for (const [, service] of instances) {
      const env = service.environment ?? {};
      for (const name of Object.keys(env)) expect(ALL_VARIABLES).toContain(name);
      const all = { ...userEnv, ...env };
      const config = loadConfig({ env: all, envFile: null });
      expect(config.databaseUrl).toMatch(/^postgres:\/\/.+@postgres:5432\//);
      const platforms = readPlatformConfigs(config.env);
      expect(platforms.slack?.signingSecret).toBeDefined(); // HTTP mode, not Socket Mode
      expect(platforms.discord?.interactions).toBeDefined();
    }
  });

  it('routes each platform path round-robin to the port every instance listens on', () => {
    for (const [, service] of instances) {
      const config = loadConfig({ env: { ...userEnv, ...service.environment }, envFile: null });
      const platforms = readPlatformConfigs(config.env);
      expect(upstreamPorts('ringkas_slack').map((u) => u.port)).toEqual(instances.map(() => platforms.slack!.port));
      expect(upstreamPorts('ringkas_discord').map((u) => u.port)).toEqual(instances.map(() => platforms.discord!.interactions!.port));
    }
    expect(upstreamPorts('ringkas_slack').map((u) => u.host)).toEqual(instances.map(([name]) => name));
    expect(nginx).toMatch(/location \/slack\/ \{\s*proxy_pass http:\/\/ringkas_slack;/);
    expect(nginx).toMatch(/location \/discord\/ \{\s*proxy_pass http:\/\/ringkas_discord;/);
    expect(INTERACTIONS_PATH.startsWith('/discord/')).toBe(true);
    expect(readFileSync(path.join(root, 'adapters/slack/manifest.yaml'), 'utf8')).toContain('/slack/events');
  });

  it('mounts the nginx configuration that is in the repository', () => {
    const mounts = compose.services.proxy?.volumes ?? [];
    expect(mounts.some((m) => m.startsWith('./deploy/nginx.conf:'))).toBe(true);
  });
});
