// A terminal session (Hubot's shell convention): one command per line. On a
// TTY it shows a prompt; with piped input it runs each line and ends at EOF.
import { createInterface } from 'node:readline';
import type { Engine } from '../../src/engine.js';
import type { CommandContext } from '../../src/model/actor.js';
import { renderText } from './render-text.js';

export interface ShellOptions {
  engine: Engine;
  ctx: CommandContext;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
}

const PROMPT = 'ringkas> ';
const END_OF_PASTE = '.';

/** Runs until end of input or "exit"; resolves with how many non-empty lines it read. */
export async function runShell({ engine, ctx, input, output, interactive }: ShellOptions): Promise<number> {
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  const print = (text: string) => output.write(`${text}\n\n`);
  if (interactive) {
    print('Ringkas shell. Try "/brief ijepa", "/brief topics" or "/brief help"; "exit" to leave.');
    rl.setPrompt(PROMPT);
    rl.prompt();
  }
  let paste: string[] | null = null;
  let lines = 0;
  for await (const rawLine of rl) {
    const line = rawLine.trim();
    if (line !== '') lines += 1;
    if (paste) {
      if (line === END_OF_PASTE) {
        const text = paste.join('\n');
        paste = null;
        print(renderText(await engine.execute({ name: 'add', input: { kind: 'text', text } }, ctx)));
      } else {
        paste.push(rawLine);
      }
      continue;
    }
    if (line === 'exit' || line === 'quit') break;
    if (line !== '') {
      const text = line.replace(/^\/?brief\b/i, '').trim();
      const parsed = engine.parse(text);
      if (!parsed.ok && parsed.needsInput === 'add') {
        // "add" alone: the article is pasted over several lines.
        paste = [];
        print(`Paste the article text, then a line with only "${END_OF_PASTE}".`);
      } else {
        print(renderText(parsed.ok ? await engine.execute(parsed.command, ctx) : parsed.reply));
      }
    }
    if (interactive && !paste) rl.prompt();
  }
  rl.close();
  return lines;
}
