// subscribe [day] [HH:MM] [timezone] [topics…]: admins give this channel a
// weekly roundup, or change its schedule (English or Indonesian day names).
import { isRingkasError } from '../errors.js';
import { roundupsFor } from '../roundup/engine-roundups.js';
import { parseScheduleArgs } from '../roundup/parse-schedule.js';
import { commandChannel, describeSchedule } from '../roundup/roundup-replies.js';
import type { ScheduleInput } from '../model/command.js';
import { fail, ok, type CommandModule } from './command-module.js';

const WEEKDAY_CHOICES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((name, i) => ({ name, value: i + 1 }));

export const subscribeCommand = {
  name: 'subscribe',
  aliases: ['langganan'],
  usage: ['[day] [HH:MM] [timezone] [topics…] [quiet:skip]'],
  describe: 'Weekly roundup in this channel. Default Monday 09:00; quiet:skip posts nothing in a quiet week.',
  adminOnly: true,
  options: [
    { kind: 'integer', name: 'weekday', describe: 'Day of the week', choices: WEEKDAY_CHOICES },
    { kind: 'text', name: 'time', describe: 'Time of day, 24-hour HH:MM (e.g. 08:00)', maxLength: 5 },
    { kind: 'text', name: 'timezone', describe: 'IANA timezone, e.g. Asia/Jakarta', maxLength: 64 },
    { kind: 'text', name: 'topics', describe: 'Comma-separated topics to include (default: all)', maxLength: 500 },
  ],
  // Checked like the text form when it runs (checkSchedule): one set of schedule rules.
  fromOptions: (v) => {
    const topics = v.text('topics')?.split(',').map((t) => t.trim()).filter(Boolean) ?? [];
    const weekday = v.integer('weekday');
    const time = v.text('time')?.trim();
    const timezone = v.text('timezone')?.trim();
    const schedule: ScheduleInput = {
      ...(weekday !== undefined ? { weekday } : {}),
      ...(time ? { time } : {}),
      ...(timezone ? { timezone } : {}),
      ...(topics.length > 0 ? { topics } : {}),
    };
    return ok({ name: 'subscribe', schedule });
  },
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
