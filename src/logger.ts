// Structured logs (pino), one line per event. Never log tokens or article bodies:
// the redact list is a safety net, not a licence. Logging must never take the bot
// down: a full or read-only disk under the log makes writes fail (thrown by a sync
// destination, emitted as 'error' by a stream); those lines are dropped and counted.
import { pino, type Logger } from 'pino';

export type { Logger };

type Destination = NodeJS.WritableStream & { write(s: string): boolean };

/** Wraps `dest` so a failed write is dropped (and counted on the next line that gets through), never thrown. */
export function forgivingDestination(dest: Destination): { write(s: string): boolean } {
  let dropped = 0;
  const drop = () => {
    dropped++;
  };
  // Without a listener an 'error' event (ENOSPC, EACCES, EPIPE) would end the process.
  dest.on('error', drop);
  return {
    write(line: string): boolean {
      try {
        if (dropped > 0) {
          const note = JSON.stringify({ level: 40, time: Date.now(), app: 'ringkas', event: 'log_lines_dropped', count: dropped, msg: 'log lines were dropped: the log could not be written' });
          dest.write(`${note}\n`);
          dropped = 0;
        }
        return dest.write(line);
      } catch {
        drop();
        return true;
      }
    },
  };
}

export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'ringkas' },
      redact: {
        paths: ['token', '*.token', 'botToken', '*.botToken', 'signingSecret', '*.signingSecret', 'body', '*.body', 'text', '*.text'],
        censor: '[redacted]',
      },
    },
    forgivingDestination((options.destination ?? process.stderr) as Destination),
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
