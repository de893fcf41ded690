import { describe, expect, it } from 'vitest';
import { RingkasError } from '../../src/errors.js';
import { shellText } from '../../adapters/shell/render-text.js';
import { checkSchedule, parseScheduleArgs } from '../../src/roundup/parse-schedule.js';

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof RingkasError) return shellText(e.userMessage);
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('parseScheduleArgs', () => {
  it('reads English and Indonesian days, times and zones in any order', () => {
    expect(parseScheduleArgs(['friday', '16:30', 'Europe/London'])).toEqual({ weekday: 5, time: '16:30', timezone: 'Europe/London' });
    expect(parseScheduleArgs(['Senin', '9.00'])).toEqual({ weekday: 1, time: '09:00' });
    expect(parseScheduleArgs(['asia/tokyo', 'kam', '07:05'])).toEqual({ weekday: 4, time: '07:05', timezone: 'Asia/Tokyo' });
    expect(parseScheduleArgs(['jumat', 'WITA'])).toEqual({ weekday: 5, timezone: 'Asia/Makassar' });
    expect(parseScheduleArgs(['minggu'])).toEqual({ weekday: 7 });
  });

  it('takes the other words as topics', () => {
    expect(parseScheduleArgs(['mon', 'IJEPA', 'ev,biofuel'])).toEqual({ weekday: 1, topics: ['ijepa', 'ev', 'biofuel'] });
    expect(parseScheduleArgs([])).toEqual({});
    expect(parseScheduleArgs(['rabu quiet:skip ev'])).toEqual({ weekday: 3, quietWeeks: 'skip', topics: ['ev'] });
  });

  it('refuses bad times and zones with an example', () => {
    expect(refusal(() => parseScheduleArgs(['monday', '25:00']))).toMatch(/not a time of day.*Example: "\/brief subscribe monday 09:00 Asia\/Jakarta"/);
    expect(refusal(() => parseScheduleArgs(['9am']))).toMatch(/"9am" is not a time.*Example/);
    expect(refusal(() => parseScheduleArgs(['Mars/Olympus']))).toMatch(/"Mars\/Olympus" is not a timezone.*Example/);
  });
});

describe('checkSchedule', () => {
  it('fills Monday 09:00 in the default zone', () => {
    expect(checkSchedule({}, 'Asia/Jakarta')).toEqual({ weekday: 1, time: '09:00', timezone: 'Asia/Jakarta', topics: [] });
  });

  it('validates structured input from platform options', () => {
    expect(refusal(() => checkSchedule({ weekday: 8 }, 'Asia/Jakarta'))).toMatch(/Monday to Sunday.*Example/);
    expect(refusal(() => checkSchedule({ time: '7pm' }, 'Asia/Jakarta'))).toMatch(/"7pm" is not a time.*Example/);
    expect(refusal(() => checkSchedule({ timezone: 'Nowhere/City' }, 'Asia/Jakarta'))).toMatch(/timezone.*Example/);
    expect(checkSchedule({ weekday: 3, time: '7:15', timezone: 'WIB', topics: ['EV', 'ev'] }, 'UTC')).toEqual({
      weekday: 3,
      time: '07:15',
      timezone: 'Asia/Jakarta',
      topics: ['ev'],
    });
  });
});

describe('schedule input people get wrong', () => {
  it('two timezones or two days: asks for one, naming both', () => {
    expect(refusal(() => parseScheduleArgs(['monday', 'Asia/Jakarta', 'Europe/London']))).toMatch(/^Give one timezone only \(you gave Asia\/Jakarta and Europe\/London\)\. Example/);
    expect(refusal(() => parseScheduleArgs(['monday', 'tuesday', '09:00']))).toMatch(/^Give one day only \(you gave monday and tuesday\)\. Example/);
    expect(refusal(() => parseScheduleArgs(['senin', 'WIB', 'wita']))).toMatch(/^Give one timezone only/);
  });

  it('keeps the zone name the user typed (Kathmandu, Kolkata), not the runtime’s older alias', () => {
    expect(parseScheduleArgs(['monday', 'Asia/Kathmandu'])).toEqual({ weekday: 1, timezone: 'Asia/Kathmandu' });
    expect(parseScheduleArgs(['Asia/Kolkata'])).toEqual({ timezone: 'Asia/Kolkata' });
    expect(parseScheduleArgs(['asia/kolkata'])).toEqual({ timezone: 'Asia/Kolkata' });
    expect(parseScheduleArgs(['europe/kyiv'])).toEqual({ timezone: 'Europe/Kyiv' });
    expect(parseScheduleArgs(['asia/tokyo'])).toEqual({ timezone: 'Asia/Tokyo' });
    expect(checkSchedule({ timezone: 'Asia/Kathmandu' }, 'UTC').timezone).toBe('Asia/Kathmandu');
    expect(checkSchedule({}, 'Asia/Kolkata').timezone).toBe('Asia/Kolkata');
  });

  it('refuses Etc/GMT+7 and the like, explaining the inverted sign and asking for a city zone', () => {
    const msg = refusal(() => parseScheduleArgs(['monday', 'Etc/GMT+7']));
    expect(msg).toMatch(/"Etc\/GMT\+7" is UTC−7, not UTC\+7/);
    expect(msg).toMatch(/city zone/);
    expect(refusal(() => checkSchedule({ timezone: 'etc/gmt-7' }, 'UTC'))).toMatch(/"etc\/gmt-7" is UTC\+7, not UTC−7/);
    expect(parseScheduleArgs(['Etc/UTC'])).toEqual({ timezone: 'Etc/UTC' });
  });
});
