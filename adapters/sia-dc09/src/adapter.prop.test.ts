import { fc, test } from '@fast-check/vitest';
import { decodeProblems } from '@omsorg/events-testkit';
import { expect } from 'vitest';
import { siaDc09Adapter } from './adapter.js';
import { frameBody } from './protocol/reply.js';

const at = new Date('2024-01-15T10:00:00Z');
const piece = (chars: string, max: number) => fc.string({ unit: fc.constantFrom(...chars), maxLength: max });
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });

// Frames with a correct CRC and length but fields of any length and shape, so lenient decoding gets
// as far as building events: every event it emits must still be valid (the kit's laws).
const nearFrame = fc
  .record({
    token: fc.constantFrom('SIA-DCS', 'ADM-CID', 'NULL', 'sia-dcs', 'X'),
    seq: piece('0123456789', 6),
    routing: fc.oneof(piece('RL#0123456789ABCDEFabcxyz ', 60), fc.constant('L0#1234')),
    account: fc.oneof(piece('0123456789ABCDEFZz', 120), fc.constant('')),
    data: fc.oneof(
      printable,
      fc.tuple(fc.constantFrom('MA', 'QA', 'BA', 'YT', 'CL', 'NA', 'QQ'), piece('0123456789', 8), printable).map(([c, z, t]) => `Nri1/${c}${z}^${t}^`),
      fc.tuple(fc.constantFrom('1', '3', '6', '9'), piece('0123456789ABCDEF', 3), piece('0123456789', 2), piece('0123456789ABCDEF', 3)).map(([q, e, g, z]) => `${q}${e} ${g} ${z}`),
    ),
    xdata: fc.array(fc.tuple(fc.constantFrom('X', 'Y', 'R', 'I', 'K', 'é', '['), printable), { maxLength: 3 }),
    stamp: fc.constantFrom('_10:00:00,01-15-2024', '_25:00:00,01-15-2024', '', '_10:00:00,02-30-2024'),
  })
  .map((f) => frameBody(`"${f.token}"${f.seq}${f.routing}[#${f.account}|${f.data}]${f.xdata.map(([id, v]) => `[${id}${v}]`).join('')}${f.stamp}`));

test.prop([nearFrame, fc.boolean()])('any well-checksummed frame, strict or lenient, decodes to valid events or typed issues', (frame, strict) => {
  expect(decodeProblems(siaDc09Adapter, frame, { tenant: 'kristiansand', receivedAt: at, strict })).toEqual([]);
});
