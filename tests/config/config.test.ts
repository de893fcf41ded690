import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_VARIABLES, readPlatformConfigs } from '../../adapters/platform-config.js';
import { ConfigError, loadConfig } from '../../src/config.js';

/** The start-up's reading: the engine's settings, then each platform's from the same snapshot. */
const load = (env: Record<string, string>) => {
  const config = loadConfig({ env, envFile: null, cwd: '/app' });
  return { ...config, ...readPlatformConfigs(config.env) };
};

describe('config', () => {
  it('defaults to the shell with no credentials', () => {
    const c = load({});
    expect(c.slack).toBeNull();
    expect(c.discord).toBeNull();
    expect(c.dataDir).toBe('/app/data');
    expect(c.defaultTimezone).toBe('Asia/Jakarta');
    expect(c.shell.admin).toBe(true);
  });

  it('names the variable that is wrong', () => {
    expect(() => load({ RINGKAS_SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/RINGKAS_SLACK_SIGNING_SECRET/);
    expect(() => load({ RINGKAS_SLACK_BOT_TOKEN: 'abc', RINGKAS_SLACK_SIGNING_SECRET: 's' })).toThrow(/RINGKAS_SLACK_BOT_TOKEN/);
    expect(() => load({ RINGKAS_SLACK_PORT: 'eighty' })).toThrow(/RINGKAS_SLACK_PORT/);
    expect(() => load({ RINGKAS_DEFAULT_TIMEZONE: 'Mars/Olympus' })).toThrow(/RINGKAS_DEFAULT_TIMEZONE/);
    expect(() => load({ RINGKAS_DISCORD_APP_ID: '123' })).toThrow(ConfigError);
  });

  it('accepts Slack HTTP mode, Socket Mode and Discord', () => {
    expect(load({ RINGKAS_SLACK_BOT_TOKEN: 'xoxb-1', RINGKAS_SLACK_SIGNING_SECRET: 's' }).slack?.signingSecret).toBe('s');
    expect(load({ RINGKAS_SLACK_BOT_TOKEN: 'xoxb-1', RINGKAS_SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe('xapp-1');
    expect(load({ RINGKAS_DISCORD_TOKEN: 't' }).discord?.token).toBe('t');
  });

  it('takes an empty value as the default, for every variable', () => {
    const empty = Object.fromEntries(ALL_VARIABLES.map((v) => [v, '']));
    expect(load(empty)).toEqual(load({}));
    const blank = Object.fromEntries(ALL_VARIABLES.map((v) => [v, '  ']));
    expect(load(blank)).toEqual(load({}));
  });

  it('lets a .env value fill a variable the environment sets empty', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-env-'));
    writeFileSync(path.join(dir, '.env'), 'RINGKAS_LOG_LEVEL=debug\n');
    expect(loadConfig({ env: { RINGKAS_LOG_LEVEL: '' }, cwd: dir }).logLevel).toBe('debug');
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks "did you mean RINGKAS_…" for credentials set without the prefix', () => {
    expect(() => load({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(
      'Configuration error: RINGKAS_SLACK_BOT_TOKEN is not set. SLACK_BOT_TOKEN is set, but Ringkas reads only RINGKAS_* variables: did you mean RINGKAS_SLACK_BOT_TOKEN?',
    );
    expect(() => load({ DISCORD_TOKEN: 't' })).toThrow(/did you mean RINGKAS_DISCORD_TOKEN\?/);
    // One half prefixed, the other not: the missing one's error carries the hint.
    expect(() => load({ RINGKAS_SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toThrow(
      /RINGKAS_SLACK_SIGNING_SECRET is required for HTTP mode .*did you mean RINGKAS_SLACK_SIGNING_SECRET\?/,
    );
    // A configured platform is not blocked by another tool's unprefixed variable.
    expect(load({ RINGKAS_DISCORD_TOKEN: 't', SLACK_BOT_TOKEN: 'xoxb-other' }).discord?.token).toBe('t');
  });

  it('Discord HTTP interactions mode needs a valid public key, and says where to find it', () => {
    const key = 'a'.repeat(64);
    expect(load({ RINGKAS_DISCORD_TOKEN: 't' }).discord?.interactions).toBeUndefined();
    expect(load({ RINGKAS_DISCORD_TOKEN: 't', RINGKAS_DISCORD_MODE: '' }).discord?.interactions).toBeUndefined();
    expect(() => load({ RINGKAS_DISCORD_TOKEN: 't', RINGKAS_DISCORD_MODE: 'http' })).toThrow(
      /^Configuration error: RINGKAS_DISCORD_PUBLIC_KEY is required when RINGKAS_DISCORD_MODE=http \(Developer Portal/,
    );
    expect(() => load({ RINGKAS_DISCORD_TOKEN: 't', RINGKAS_DISCORD_MODE: 'http', RINGKAS_DISCORD_PUBLIC_KEY: 'not-hex' })).toThrow(/RINGKAS_DISCORD_PUBLIC_KEY must be the 64 hexadecimal/);
    expect(() => load({ RINGKAS_DISCORD_TOKEN: 't', RINGKAS_DISCORD_MODE: 'webhook' })).toThrow(/RINGKAS_DISCORD_MODE/);
    expect(() => load({ RINGKAS_DISCORD_MODE: 'http', RINGKAS_DISCORD_PUBLIC_KEY: key })).toThrow(/RINGKAS_DISCORD_TOKEN is required/);
    expect(() => load({ RINGKAS_DISCORD_TOKEN: 't', RINGKAS_DISCORD_MODE: 'http', RINGKAS_DISCORD_PUBLIC_KEY: key, RINGKAS_DISCORD_PORT: '70000' })).toThrow(/RINGKAS_DISCORD_PORT/);
    const http = load({ RINGKAS_DISCORD_TOKEN: 't', RINGKAS_DISCORD_MODE: 'http', RINGKAS_DISCORD_PUBLIC_KEY: key, RINGKAS_DISCORD_PORT: '8443' }).discord!;
    expect(http.interactions?.port).toBe(8443);
    expect(http.interactions?.publicKey.asymmetricKeyType).toBe('ed25519');
  });

  it('reads the standard proxy variables, lower-case first, and names a malformed one', () => {
    const c = load({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', HTTP_PROXY: 'http://plain:3', NO_PROXY: 'localhost,.internal' });
    expect(c.proxy).toEqual({ httpsProxy: 'http://lower:2', httpProxy: 'http://plain:3', noProxy: 'localhost,.internal' });
    expect(c.fetch.proxy).toEqual(c.proxy);
    expect(load({ HTTPS_PROXY: '' }).proxy).toEqual({});
    expect(() => load({ HTTPS_PROXY: 'proxy host' })).toThrow(/HTTPS_PROXY/);
  });

  it('reads a .env file, with the real environment winning', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ringkas-env-'));
    writeFileSync(path.join(dir, '.env'), 'RINGKAS_LOG_LEVEL=debug\nRINGKAS_SHELL_USER=ani\n');
    const c = loadConfig({ env: { RINGKAS_SHELL_USER: 'budi' }, cwd: dir });
    expect(c.logLevel).toBe('debug');
    expect(c.shell.user).toBe('budi');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('.env.example', () => {
  it('lists every variable Ringkas reads (test-only ones aside), with empty values', async () => {
    const { readFileSync } = await import('node:fs');
    const { ALL_VARIABLES, TEST_ONLY_VARIABLES } = await import('../../adapters/platform-config.js');
    const { PROJECT_ROOT } = await import('../support/temp-engine.js');
    const lines = readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8').split('\n').filter((l) => /^RINGKAS_/.test(l));
    const listed = lines.map((l) => l.split('=')[0]);
    expect([...listed].sort()).toEqual(ALL_VARIABLES.filter((v) => !TEST_ONLY_VARIABLES.includes(v)).sort());
    expect(lines.every((l) => l.endsWith('='))).toBe(true);
  });
});
