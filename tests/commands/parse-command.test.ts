import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/commands/parse-command.js';
import { helpEntries } from '../../src/commands/registry.js';
import { plainText } from '../../src/model/text.js';

describe('parseCommand', () => {
  it.each([
    ['ijepa', { name: 'brief', query: 'ijepa' }],
    ['electric motorcycle', { name: 'brief', query: 'electric motorcycle' }],
    ['search list', { name: 'brief', query: 'list' }],
    ['', { name: 'help' }],
    ['help', { name: 'help' }],
    ['topics', { name: 'topics' }],
    ['list 2', { name: 'list', page: 2 }],
    ['remove 3FA2C81B', { name: 'remove', id: '3fa2c81b' }],
    ['rm 3fa2c81b', { name: 'remove', id: '3fa2c81b' }],
    ['add https://example.com/a?utm_source=x', { name: 'add', input: { kind: 'url', url: 'https://example.com/a?utm_source=x' } }],
    ['add <https://example.com/a|example.com/a>', { name: 'add', input: { kind: 'url', url: 'https://example.com/a' } }],
  ])('%s', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['remove', /article id/],
    ['remove ../etc', /article id/],
    ['list zero', /whole number/],
    ['add', /link or paste/],
    ['add ftp://example.com/x', /Only http and https/],
    [`brief ${'x'.repeat(300)}`, /too long/],
  ])('refuses "%s" with a clear message', (text, message) => {
    const r = parseCommand(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(plainText(r.message)).toMatch(message);
  });

  it('treats pasted text after add as article text', () => {
    const r = parseCommand('add Jakarta - Pemerintah mendorong industri kendaraan listrik.');
    expect(r.ok && r.command.name === 'add' && r.command.input.kind).toBe('text');
  });

  it('help lists every registered command once', () => {
    const names = helpEntries().map((h) => h.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['brief', 'topics', 'list', 'add', 'remove', 'help', 'subscribe', 'roundup']));
  });
});
