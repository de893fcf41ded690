// Sentences the roundup commands answer with, kept apart from the command modules
// so wording stays consistent between them.
import { RingkasError } from '../errors.js';
import type { ChannelRef, CommandContext } from '../model/actor.js';
import type { SubscriptionInfo } from '../model/reply.js';
import { weekdayName } from './parse-schedule.js';

/** The channel a roundup command is about; refuses when the adapter gave none. */
export function commandChannel(ctx: CommandContext): ChannelRef {
  if (!ctx.channel) throw new RingkasError('bad_input', 'Weekly roundups belong to a channel: run this command in the channel itself.');
  return ctx.channel;
}

export function describeSchedule(info: SubscriptionInfo): string {
  const topics = info.topics.length ? `topics: ${info.topics.join(', ')}` : 'all topics';
  return `every ${weekdayName(info.weekday)} at ${info.time} (${info.timezone}), ${topics}. Next: ${info.nextRunLocal}`;
}
