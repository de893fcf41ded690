// Large short-lived buffers sized so that they do not raise glibc's malloc
// mmap threshold. glibc serves an allocation of 128 KiB or more with mmap and
// hands it back whole when freed, but freeing such a chunk of up to 32 MiB
// also raises the threshold to its size (and the heap's trim threshold to
// twice that): every later allocation below that size then comes from the
// main heap, where freed memory stays resident until the top of the heap is
// free. Freeing the 17 MB snapshot read of a 10,000-article restart made the
// snapshot writer's blocks and other transient buffers stay (~35 MB of the
// resident memory after a burst of adds and a close, measured; decision 038).
// A chunk above 32 MiB never moves the threshold, and pages of an
// uninitialised buffer never written are not resident, so asking for more
// costs only address space.

/** glibc's DEFAULT_MMAP_THRESHOLD_MAX on 64-bit (4 MiB * sizeof(long)), and a page beyond it. */
const NEVER_RAISES = 32 * 2 ** 20 + 4096;

/** An uninitialised buffer of `size` bytes whose memory goes back to the system whole once it is garbage. */
export function transientBuffer(size: number): Buffer {
  return Buffer.allocUnsafeSlow(Math.max(size, NEVER_RAISES)).subarray(0, size);
}

/**
 * Bytes below which a buffer comes from malloc's free lists and never moves
 * the threshold (its default is 128 KiB): what the snapshot writer fills its
 * long arrays in.
 */
export const SMALL_BUFFER_BYTES = 64 * 2 ** 10;
