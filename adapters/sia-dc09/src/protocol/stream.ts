/**
 * DC-09 over TCP is a byte stream: a frame starts at `<LF>` (0x0A) and ends at the next `<CR>`
 * (0x0D). This cuts a stream into frames, chunk by chunk.
 */

/** What {@link splitDc09Frames} found in the bytes so far. */
export interface Dc09Split {
  /** Complete frames, each from its `<LF>` through its `<CR>`. */
  frames: Uint8Array[];
  /** The start of a frame whose `<CR>` has not arrived yet: pass it back in front of the next chunk. */
  rest: Uint8Array;
  /** Bytes dropped: noise before a `<LF>`, or a frame that grew past `maxFrameBytes` without a `<CR>`. */
  discarded: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Cut `bytes` (the rest of the previous call followed by a new chunk) into frames. Never throws.
 * A frame longer than `maxFrameBytes` (default 4096) without its `<CR>` is dropped, so a peer that
 * never ends a frame cannot grow the buffer without bound.
 */
export function splitDc09Frames(bytes: Uint8Array, maxFrameBytes = 4096): Dc09Split {
  const frames: Uint8Array[] = [];
  let discarded = 0;
  let i = 0;
  while (i < bytes.length) {
    const start = bytes.indexOf(LF, i);
    if (start < 0) {
      discarded += bytes.length - i;
      return { frames, rest: new Uint8Array(0), discarded };
    }
    discarded += start - i;
    const end = bytes.indexOf(CR, start + 1);
    // A second <LF> before the <CR> means the frame before it was cut off: restart there.
    const nextLf = bytes.indexOf(LF, start + 1);
    if (nextLf >= 0 && (end < 0 || nextLf < end)) {
      discarded += nextLf - start;
      i = nextLf;
      continue;
    }
    if (end < 0) {
      const pending = bytes.length - start;
      if (pending > maxFrameBytes) return { frames, rest: new Uint8Array(0), discarded: discarded + pending };
      return { frames, rest: bytes.slice(start), discarded };
    }
    if (end + 1 - start > maxFrameBytes) discarded += end + 1 - start;
    else frames.push(bytes.slice(start, end + 1));
    i = end + 1;
  }
  return { frames, rest: new Uint8Array(0), discarded };
}
