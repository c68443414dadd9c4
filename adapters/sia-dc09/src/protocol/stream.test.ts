import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildDc09Frame } from './build.js';
import { splitDc09Frames } from './stream.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const frame = (seq: number) => buildDc09Frame({ token: 'NULL', sequence: seq, account: '1234', data: '' })!;

describe('splitDc09Frames', () => {
  it('given two frames and half a third, it returns the two and keeps the half as rest', () => {
    const third = frame(3);
    const r = splitDc09Frames(bytes(frame(1) + frame(2) + third.slice(0, 10)));
    expect([r.frames.map(text), text(r.rest), r.discarded]).toEqual([[frame(1), frame(2)], third.slice(0, 10), 0]);
  });
  it('given noise before a frame and a frame cut off by a new <LF>, it drops and counts both', () => {
    const r = splitDc09Frames(bytes(`xyz${frame(1).slice(0, 8)}${frame(2)}`));
    expect([r.frames.map(text), r.rest.length, r.discarded]).toEqual([[frame(2)], 0, 3 + 8]);
  });
  it('given a frame that grows past maxFrameBytes without <CR>, it is dropped', () => {
    const r = splitDc09Frames(bytes(`\n${'A'.repeat(100)}`), 64);
    expect([r.frames.length, r.rest.length, r.discarded]).toEqual([0, 0, 101]);
  });
});

test.prop([fc.array(fc.integer({ min: 0, max: 9999 }), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 10 })])(
  'any stream of frames cut into chunks anywhere gives back exactly those frames',
  (seqs, cuts) => {
    const stream = bytes(seqs.map(frame).join(''));
    const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
    const out: string[] = [];
    let rest: Uint8Array = new Uint8Array(0);
    let from = 0;
    for (const to of [...points, stream.length]) {
      const chunk = stream.slice(from, to);
      const joined = new Uint8Array(rest.length + chunk.length);
      joined.set(rest);
      joined.set(chunk, rest.length);
      const r = splitDc09Frames(joined);
      out.push(...r.frames.map(text));
      expect(r.discarded).toBe(0);
      rest = r.rest;
      from = to;
    }
    expect(out).toEqual(seqs.map(frame));
    expect(rest.length).toBe(0);
  },
);
