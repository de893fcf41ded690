// What a process's resident memory is made of, for benches that report rss:
// V8's heap (used, committed, and the spaces' physical pages), external and
// array-buffer memory, glibc's main heap (brk), V8's 256 KiB page mappings,
// other anonymous mappings (thread arenas, stacks, large buffers) and mapped
// files (the node binary, libraries), from /proc/self/smaps. Linux only; a
// reading costs a few milliseconds and is taken after the figure it explains.
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';

const MB = 2 ** 20;
/** The size of one of V8's regular heap pages (its own mapping each). */
const V8_PAGE_KB = 256;

export interface MemoryBreakdown {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  /** Physical pages of V8's spaces (what of heapTotal is resident). */
  heapPhysical: number;
  /** malloc'd by V8 itself (not the heap's pages). */
  v8Malloced: number;
  external: number;
  arrayBuffers: number;
  /** Resident parts of mappings, by kind. */
  brk: number;
  v8Pages: number;
  otherAnon: number;
  files: number;
  /** Pages given back with MADV_FREE that the kernel has not taken yet: counted in rss until memory runs short. */
  lazyFree: number;
  /** V8's spaces with more than 1 MB committed: "name committed/used" MB. */
  spaces: string[];
  /** The three largest resident anonymous mappings that are neither brk nor V8 pages, "size/resident" MB. */
  largestAnon: string[];
}

const round = (v: number) => Math.round(v * 10) / 10;

interface Mapping {
  sizeKb: number;
  rssKb: number;
  lazyKb: number;
  name: string;
}

function mappings(): Mapping[] {
  const out: Mapping[] = [];
  let current: Mapping | null = null;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+\s\S+\s\S+\s\S+\s\S+\s*(.*)$/.exec(line);
    if (head) {
      current = { sizeKb: 0, rssKb: 0, lazyKb: 0, name: head[1]!.trim() };
      out.push(current);
      continue;
    }
    const field = /^(Size|Rss|LazyFree):\s+(\d+) kB/.exec(line);
    if (field && current) current[field[1] === 'Size' ? 'sizeKb' : field[1] === 'Rss' ? 'rssKb' : 'lazyKb'] = Number(field[2]);
  }
  return out;
}

export function memoryBreakdown(): MemoryBreakdown {
  const m = process.memoryUsage();
  const h = getHeapStatistics();
  const spaceStats = getHeapSpaceStatistics();
  const physical = spaceStats.reduce((sum, s) => sum + s.physical_space_size, 0);
  const spaces = spaceStats.filter((s) => s.space_size > MB).map((s) => `${s.space_name.replace(/_space$/, '')} ${round(s.space_size / MB)}/${round(s.space_used_size / MB)}`);
  let brk = 0;
  let v8Pages = 0;
  let otherAnon = 0;
  let files = 0;
  let lazyFree = 0;
  const anon: Mapping[] = [];
  for (const map of mappings()) {
    lazyFree += map.lazyKb;
    if (map.name === '[heap]') brk += map.rssKb;
    else if (map.name.startsWith('/')) files += map.rssKb;
    else if (map.sizeKb === V8_PAGE_KB) v8Pages += map.rssKb;
    else {
      otherAnon += map.rssKb;
      anon.push(map);
    }
  }
  anon.sort((a, b) => b.rssKb - a.rssKb);
  const kb = (v: number) => round(v / 1024);
  return {
    rss: round(m.rss / MB),
    heapUsed: round(m.heapUsed / MB),
    heapTotal: round(m.heapTotal / MB),
    heapPhysical: round(physical / MB),
    v8Malloced: round(h.malloced_memory / MB),
    external: round(m.external / MB),
    arrayBuffers: round(m.arrayBuffers / MB),
    brk: kb(brk),
    v8Pages: kb(v8Pages),
    otherAnon: kb(otherAnon),
    files: kb(files),
    lazyFree: kb(lazyFree),
    spaces,
    largestAnon: anon.slice(0, 3).map((a) => `${kb(a.sizeKb)}/${kb(a.rssKb)}`),
  };
}

/** One line of a breakdown, for a bench's output. */
export function breakdownLine(b: MemoryBreakdown): string {
  return `rss ${b.rss} = brk ${b.brk} + V8 pages ${b.v8Pages} + other anon ${b.otherAnon} (largest ${b.largestAnon.join(', ')}) + files ${b.files} (lazily freed ${b.lazyFree}); heap used ${b.heapUsed} / total ${b.heapTotal} / physical ${b.heapPhysical}, V8 malloc ${b.v8Malloced}, external ${b.external} (array buffers ${b.arrayBuffers}); spaces ${b.spaces.join(', ')}`;
}
