// Memory that goes back to the system the moment its owner says so, without
// waiting for V8 to collect the object holding it: resizable ArrayBuffers
// (ES2024; Node 20 has them, this project's TypeScript lib does not). Their
// pages come from V8's page allocator, not malloc, are committed as they are
// written, and `resize(0)` hands them back at once. An idle instance may go
// minutes without a full collection (nothing allocates), so large garbage
// buffers (the snapshot's read, the snapshot writer's copies: ~35 MB at 10,000
// articles) stayed resident long after their use (decision 038).

interface ResizableBuffer extends ArrayBuffer {
  resize(byteLength: number): void;
  readonly resizable: boolean;
}

const Resizable = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => ResizableBuffer;

/** An ArrayBuffer of `byteLength` bytes that may grow to `maxByteLength` in place (address space reserved, pages committed when written). */
export function releasableArrayBuffer(byteLength: number, maxByteLength = byteLength): ResizableBuffer {
  return new Resizable(byteLength, { maxByteLength: Math.max(byteLength, maxByteLength) });
}

/** A Buffer of `size` bytes whose memory `release` can give back. */
export function releasableBuffer(size: number): Buffer {
  return Buffer.from(releasableArrayBuffer(size), 0, size);
}

/** True for memory made here (so that its owner may give it back). */
export function isReleasable(buffer: ArrayBufferLike): boolean {
  return (buffer as Partial<ResizableBuffer>).resizable === true;
}

/** Gives the memory back at once; every view of it reads as empty from then on. Other buffers: nothing. */
export function release(buffer: ArrayBufferLike): void {
  if (isReleasable(buffer)) (buffer as ResizableBuffer).resize(0);
}
