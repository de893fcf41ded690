// Attachment downloads: only from Discord's CDN (or the configured fake), only text types, at most 1 MB.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadAttachment } from '../../../adapters/discord/discord-attachments.js';

let server: Server;
let host: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/liar.txt') res.writeHead(200).end('y'.repeat(1_200_000));
    else res.writeHead(200, { 'Content-Type': 'text/plain' }).end('Héllo article');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('downloadAttachment', () => {
  it('downloads a small text file from an allowed host as UTF-8', async () => {
    const got = await downloadAttachment({ name: 'a.TXT', size: 14, url: `http://${host}/a.txt` }, { maxBytes: 1_000_000, extraHosts: [host] });
    expect(got).toEqual({ filename: 'a.TXT', content: 'Héllo article' });
  });

  it('refuses other hosts (no fetching arbitrary URLs through an upload)', async () => {
    await expect(downloadAttachment({ name: 'a.txt', size: 14, url: `http://${host}/a.txt` }, { maxBytes: 1_000_000 })).rejects.toThrow('I only download attachments from Discord itself.');
    await expect(downloadAttachment({ name: 'a.txt', size: 14, url: 'http://cdn.discordapp.com/a.txt' }, { maxBytes: 1_000_000 })).rejects.toThrow('from Discord itself');
  });

  it('refuses other file types and files declared over 1 MB before downloading', async () => {
    await expect(downloadAttachment({ name: 'a.pdf', size: 14, url: `http://${host}/a.pdf` }, { maxBytes: 1_000_000, extraHosts: [host] })).rejects.toThrow('Upload a .txt, .md or .html file.');
    await expect(downloadAttachment({ name: 'a.md', size: 1_000_001, url: `http://${host}/a.md` }, { maxBytes: 1_000_000, extraHosts: [host] })).rejects.toThrow('over 1 MB');
  });

  it('stops reading when the body is bigger than declared', async () => {
    await expect(downloadAttachment({ name: 'liar.txt', size: 10, url: `http://${host}/liar.txt` }, { maxBytes: 1_000_000, extraHosts: [host] })).rejects.toThrow('over 1 MB');
  });
});
