// Socket Mode: with an app token and no signing secret, the real Bolt app opens a
// WebSocket (apps.connections.open → ws://127.0.0.1) and answers /brief over it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackHandle } from '../../../adapters/slack/start-slack.js';
import { readSlackConfig } from '../../../adapters/slack/slack-config.js';
import { silentLogger } from '../../../src/logger.js';
import { FakeSlackApi } from '../../platform/fake-slack-api.js';
import { createTempEngine, type TempEngine } from '../../support/temp-engine.js';

describe('Socket Mode', () => {
  let fake: FakeSlackApi;
  let temp: TempEngine;
  let slack: SlackHandle;

  beforeAll(async () => {
    fake = await new FakeSlackApi().start();
    temp = await createTempEngine({ RINGKAS_SLACK_BOT_TOKEN: 'xoxb-socket', RINGKAS_SLACK_APP_TOKEN: 'xapp-socket', RINGKAS_SLACK_API_URL: fake.apiUrl });
    slack = await startSlack({ config: temp.config, slack: readSlackConfig(temp.config.env)!, engine: temp.engine, logger: silentLogger });
    await fake.waitForSocket();
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.stop();
    await temp?.cleanup();
  });

  it('connects through apps.connections.open and listens on no port', () => {
    expect(fake.callsTo('apps.connections.open')).toHaveLength(1);
    expect(slack.port).toBeUndefined();
  });

  it('answers /brief ijepa in the ack over the socket', async () => {
    const ack = await fake.sendEnvelope('slash_commands', {
      command: '/brief', text: 'ijepa', user_id: 'UMEMBER', user_name: 'someone', team_id: 'T0001', channel_id: 'C0001',
      trigger_id: 'trigger.socket.1', response_url: fake.responseUrl('socket-1'),
    });
    expect(ack.response_type).toBe('ephemeral');
    expect(JSON.stringify(ack.blocks)).toContain('Japan, Indonesia Seek Stronger Cooperation in Automotive Industry');
  });
});
