// Small helpers for tests of failing start-ups: a loopback port nobody listens on, and the
// message a start rejected with.
import net, { type AddressInfo } from 'node:net';
import { expect } from 'vitest';

/** A loopback port with nothing listening on it (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The message of the Error `promise` rejects with (fails the test if it resolves). */
export async function rejectionMessage(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return (err as Error).message;
}
