// Structured logs (pino), one line per event. Never log tokens or article bodies:
// the redact list is a safety net, not a licence.
import { pino, type Logger } from 'pino';

export type { Logger };

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
    (options.destination ?? process.stderr) as NodeJS.WritableStream & { write(s: string): boolean },
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
