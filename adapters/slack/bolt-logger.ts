// Bolt and the WebClient log through this, so their lines land in our pino stream as
// one JSON line each. Bolt's own debug output echoes request bodies: it stays off
// unless the project log level is debug or trace.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.js';

export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack-bolt' });
  let level = ['debug', 'trace'].includes(logger.level) ? LogLevel.DEBUG : LogLevel.WARN;
  const order = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
  const on = (l: LogLevel) => order.indexOf(l) >= order.indexOf(level);
  const line = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => void (on(LogLevel.DEBUG) && log.debug(line(msg))),
    info: (...msg: unknown[]) => void (on(LogLevel.INFO) && log.info(line(msg))),
    warn: (...msg: unknown[]) => void (on(LogLevel.WARN) && log.warn(line(msg))),
    error: (...msg: unknown[]) => void (on(LogLevel.ERROR) && log.error(line(msg))),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
