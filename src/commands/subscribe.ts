// /brief subscribe [day] [HH:MM] [timezone] [topics…]: admins give this channel a
// weekly roundup, or change its schedule (English or Indonesian day names).
import { isRingkasError } from '../errors.js';
import { roundupsFor } from '../roundup/engine-roundups.js';
import { parseScheduleArgs } from '../roundup/parse-schedule.js';
import { commandChannel, describeSchedule } from '../roundup/roundup-replies.js';
import { fail, ok, type CommandModule } from './command-module.js';

export const subscribeCommand = {
  name: 'subscribe',
  aliases: ['langganan'],
  usage: '/brief subscribe [day] [HH:MM] [timezone] [topics…]',
  describe: 'Send this channel a weekly roundup (admins). Default: Monday 09:00.',
  adminOnly: true,
  parse: (args) => {
    try {
      return ok({ name: 'subscribe', schedule: parseScheduleArgs([args]) });
    } catch (e) {
      if (isRingkasError(e)) return fail(e.userMessage);
      throw e;
    }
  },
  run: async (s, { schedule }, ctx) => {
    const info = await roundupsFor(s).subscribe(commandChannel(ctx), schedule, ctx.actor.id);
    return { kind: 'message', tone: 'success', text: `This channel will get a weekly roundup ${describeSchedule(info)}.` };
  },
  auditDetail: (c) => [c.schedule.weekday, c.schedule.time, c.schedule.timezone, ...(c.schedule.topics ?? [])].filter((v) => v !== undefined).join(' '),
} satisfies CommandModule<'subscribe'>;
