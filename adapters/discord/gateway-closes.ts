// Gateway closes that discord.js will not recover from (it stops the shard and only emits
// shardDisconnect), and what to tell the operator. A bot left running offline helps no one: the
// process exits non-zero with one of these sentences so a supervisor restarts it or alerts.
import { GatewayCloseCodes } from 'discord.js';

const FATAL: ReadonlyMap<number, string> = new Map([
  [GatewayCloseCodes.AuthenticationFailed, 'authentication failed: the bot token was reset or revoked. Set a new RINGKAS_DISCORD_TOKEN (Developer Portal → Bot → Reset Token)'],
  [GatewayCloseCodes.InvalidShard, 'invalid shard: Discord refused the shard Ringkas asked for. Restart; if it repeats, report it'],
  [GatewayCloseCodes.ShardingRequired, 'sharding required: the bot is in too many servers for one connection, and Ringkas runs one'],
  [GatewayCloseCodes.InvalidAPIVersion, 'invalid API version: this Ringkas speaks a gateway version Discord no longer accepts. Upgrade Ringkas'],
  [GatewayCloseCodes.InvalidIntents, 'invalid intents: Discord refused the intents Ringkas asked for. Report it'],
  [GatewayCloseCodes.DisallowedIntents, 'disallowed intents: the application is not allowed an intent Ringkas asked for. Check the bot in the Developer Portal'],
]);

export function isFatalClose(code: number): boolean {
  return FATAL.has(code);
}

/** One sentence naming the close code, what it means and what to do. */
export function fatalCloseMessage(code: number): string {
  return `Discord closed the gateway with code ${code} (${FATAL.get(code) ?? 'not resumable'}).`;
}
