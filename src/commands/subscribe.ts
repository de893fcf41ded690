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
  usage: '/brief subscribe [day] [HH:MM] [timezone] [topics…] [quiet:skip]',
  describe: 'Send this channel a weekly roundup (admins). Default: Monday 09:00; quiet:skip posts nothing in a quiet week.',
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
    const roundups = roundupsFor(s);
    const channel = commandChannel(ctx);
    const info = await roundups.subscribe(channel, schedule, ctx.actor.id);
    const quiet = (await roundups.find(channel))?.quietWeeks === 'skip' ? ' A week with nothing new posts nothing.' : '';
    return { kind: 'message', tone: 'success', text: `This channel will get a weekly roundup ${describeSchedule(info)}.${quiet}` };
  },
  auditDetail: (c) => [c.schedule.weekday, c.schedule.time, c.schedule.timezone, ...(c.schedule.topics ?? [])].filter((v) => v !== undefined).join(' '),
} satisfies CommandModule<'subscribe'>;
