// Starts the real Discord adapter (real discord.js Client) against the loopback fake and a
// temp engine, and records the adapter's log lines so tests can wait for a handled interaction.
import { Writable } from 'node:stream';
import { startDiscord, type DiscordRuntime } from '../../../adapters/discord/create-discord-client.js';
import { readDiscordConfig } from '../../../adapters/discord/discord-config.js';
import { createLogger } from '../../../src/logger.js';
import { FakeDiscord } from '../../platform/fake-discord.js';
import { createTempEngine, type TempEngine } from '../../support/temp-engine.js';

export interface Harness {
  fake: FakeDiscord;
  temp: TempEngine;
  runtime: DiscordRuntime;
  logs: Record<string, unknown>[];
  /** Dispatches INTERACTION_CREATE and waits until the adapter has finished with it. */
  interact(payload: { id: string }): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const fake = await FakeDiscord.start();
  const temp = await createTempEngine({
    RINGKAS_DISCORD_TOKEN: 'fake-bot-token',
    RINGKAS_DISCORD_API_URL: fake.apiUrl,
    ...env,
  });
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const runtime = await startDiscord({ config: temp.config, discord: readDiscordConfig(temp.config.env)!, engine: temp.engine, logger });
  return {
    fake,
    temp,
    runtime,
    logs,
    async interact(payload) {
      fake.dispatch('INTERACTION_CREATE', payload);
      await fake.waitFor(
        () => logs.some((l) => l.event === 'discord_interaction' && l.id === payload.id),
        10_000,
        `interaction ${payload.id}`,
      );
    },
    async close() {
      await runtime.stop();
      await fake.stop();
      await temp.cleanup();
    },
  };
}
