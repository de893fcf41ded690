// Errors reach the log without article text or interaction tokens.
import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { errorForLog } from '../../../adapters/discord/log-error.js';

describe('errorForLog', () => {
  it('keeps code, status and method of a Discord API error but not its request body or token', () => {
    const error = new DiscordAPIError(
      { message: 'Invalid Form Body', code: 50035 },
      50035,
      400,
      'POST',
      'http://127.0.0.1/api/v10/interactions/123/secret-token-abc/callback',
      { body: { data: { embeds: [{ description: 'SECRET ARTICLE TEXT' }] } } },
    );
    const logged = JSON.stringify(errorForLog(error));
    expect(errorForLog(error)).toMatchObject({ name: 'DiscordAPIError[50035]', code: 50035, status: 400, method: 'POST' });
    expect(logged).not.toContain('SECRET ARTICLE TEXT');
    expect(logged).not.toContain('secret-token-abc');
  });

  it('redacts tokens from messages and handles non-errors', () => {
    expect(errorForLog(new Error('failed POST /webhooks/42/tok.en-1 now')).message).toBe('failed POST /webhooks/42/[token] now');
    expect(errorForLog('plain')).toEqual({ name: 'NonError', message: 'plain' });
  });
});
