// Buffers sized so that they do not raise glibc's malloc mmap threshold. glibc serves an allocation of 128 KiB or more with mmap and
// hands it back whole when freed, but freeing such a chunk of up to 32 MiB
// also raises the threshold to its size (and the heap's trim threshold to
// twice that): every later allocation below that size then comes from the
// main heap, where freed memory stays resident until the top of the heap is
// free. Freeing the 17 MB snapshot read of a 10,000-article restart made the
// snapshot writer's blocks and other transient buffers stay (~35 MB of the
// resident memory after a burst of adds and a close, measured; decision 038).
// Large transient buffers now come from releasable memory instead (not
// malloc: releasable-memory.ts); what is left here is the size below which a
// buffer never moves the threshold.

/**
 * Bytes below which a buffer comes from malloc's free lists and never moves
 * the threshold (its default is 128 KiB): the story index's signal blocks and
 * the snapshot writer's filing rows.
 */
export const SMALL_BUFFER_BYTES = 64 * 2 ** 10;
