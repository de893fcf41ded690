// The k-th largest of many scores without sorting them all: a look-up at
// 100,000 articles can match most of them, and only the score that admits the
// ranked head is needed. A min-heap of the k best seen so far rejects almost
// every value with one comparison.

/** The k-th largest value, duplicates counted (the smallest when there are fewer than k); NaN when empty. */
export function kthLargest(values: ArrayLike<number>, k: number): number {
  const size = Math.min(k, values.length);
  if (size <= 0) return NaN;
  const heap = new Float64Array(size);
  for (let i = 0; i < size; i++) heap[i] = values[i]!;
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(heap, i);
  for (let i = size; i < values.length; i++) {
    const v = values[i]!;
    if (v > heap[0]!) {
      heap[0] = v;
      siftDown(heap, 0);
    }
  }
  return heap[0]!;
}

function siftDown(heap: Float64Array, from: number): void {
  const n = heap.length;
  const v = heap[from]!;
  let i = from;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && heap[child + 1]! < heap[child]!) child++;
    if (heap[child]! >= v) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = v;
}
