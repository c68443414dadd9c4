import { describe, expect, it } from 'vitest';
import { buildDc09Frame } from './build.js';
import { parseSiaData } from './data.js';
import { parseDc09Frame } from './frame.js';
import { frameBody, replyKindFor } from './reply.js';

const at = new Date('2024-01-15T10:00:00Z');
const ma = (timestamp: Date = at) => buildDc09Frame({ token: 'SIA-DCS', sequence: 7, account: '1234', data: '#1234|Nri1/MA001', timestamp })!;
const codes = (r: ReturnType<typeof parseDc09Frame>) => r.issues.map((i) => `${i.code}:${i.severity}`);
const seconds = (s: number) => new Date(at.getTime() + s * 1000);

describe('strict and lenient modes', () => {
  it('given a CRC that is off, strict rejects with CRC_MISMATCH and a NAK; lenient reads every field with a warning', () => {
    const frame = ma().replace(/^\n..../, (h) => `\n${h[1] === 'F' ? '0' : 'F'}${h.slice(2)}`);
    const strict = parseDc09Frame(frame, { receivedAt: at });
    expect([strict.ok, codes(strict), replyKindFor(strict)]).toEqual([false, ['CRC_MISMATCH:error'], 'NAK']);
    const lenient = parseDc09Frame(frame, { receivedAt: at, mode: 'lenient' });
    expect([lenient.ok, codes(lenient), replyKindFor(lenient)]).toEqual([true, ['CRC_MISMATCH:warning'], 'ACK']);
    expect(lenient.frame).toMatchObject({ account: '1234', sequence: '0007', sia: { events: [{ code: 'MA', address: '001' }] } });
  });

  it('given a length field one too large, strict rejects with LENGTH_MISMATCH', () => {
    const good = ma();
    const len = Number.parseInt(good.slice(5, 9), 16);
    const frame = `${good.slice(0, 5)}${(len + 1).toString(16).toUpperCase().padStart(4, '0')}${good.slice(9)}`;
    expect(codes(parseDc09Frame(frame, { receivedAt: at }))).toEqual(['LENGTH_MISMATCH:error']);
  });

  it.each([
    [-40, []],
    [-41, ['TIMESTAMP_OUT_OF_WINDOW:error']],
    [20, []],
    [21, ['TIMESTAMP_OUT_OF_WINDOW:error']],
  ])('given a timestamp %i s from the receive time, the default window gives %j', (offset, want) => {
    expect(codes(parseDc09Frame(ma(seconds(offset)), { receivedAt: at }))).toEqual(want);
  });

  it('given a window of 120 s back and 5 s ahead, −90 s passes and +6 s does not', () => {
    const timestampWindow = { pastSeconds: 120, futureSeconds: 5 };
    expect(codes(parseDc09Frame(ma(seconds(-90)), { receivedAt: at, timestampWindow }))).toEqual([]);
    expect(codes(parseDc09Frame(ma(seconds(6)), { receivedAt: at, timestampWindow }))).toEqual(['TIMESTAMP_OUT_OF_WINDOW:error']);
  });

  it('given no receive time, the window is not checked', () => {
    expect(parseDc09Frame(ma(new Date('2001-01-01T00:00:00Z'))).ok).toBe(true);
  });

  it('given 30 February in the timestamp, strict rejects it as TIMESTAMP_INVALID', () => {
    const frame = frameBody('"SIA-DCS"0001L0#1234[#1234|Nri1/MA001]_10:00:00,02-30-2024');
    expect(parseDc09Frame(frame, { mode: 'lenient' }).frame!.timestamp).toBeNull();
    expect(codes(parseDc09Frame(frame))).toEqual(['TIMESTAMP_INVALID:error']);
  });

  it('given a sloppy frame (no LF/CR, spaces, lowercase token and line, 2-digit sequence), lenient still reads it', () => {
    const body = '"sia-dcs"36l0#1234[#1234|Nri1/QA003]_10:00:00,01-15-2024';
    const frame = `  ${frameBody(body).slice(1, -1)}  `;
    const r = parseDc09Frame(frame, { mode: 'lenient', receivedAt: at });
    expect(r.ok).toBe(true);
    expect(r.frame).toMatchObject({ token: 'SIA-DCS', sequence: '0036', line: 'L0', account: '1234', timestamp: '2024-01-15T10:00:00Z' });
    expect(parseDc09Frame(frame, { receivedAt: at }).ok).toBe(false);
  });

  it('given text after the timestamp, strict rejects with TRAILING_GARBAGE', () => {
    const frame = ma().replace(/\r$/, 'XYZ\r');
    expect(codes(parseDc09Frame(frame, { receivedAt: at, mode: 'lenient' }))).toContain('TRAILING_GARBAGE:warning');
    expect(codes(parseDc09Frame(frame, { receivedAt: at }))).toContain('TRAILING_GARBAGE:error');
  });
});

describe('what cannot be read', () => {
  it('given nothing, FRAME_EMPTY; given more than maxFrameBytes, FRAME_TOO_LARGE; given no quotes, TOKEN_MISSING', () => {
    expect(codes(parseDc09Frame(''))).toEqual(['FRAME_EMPTY:error']);
    expect(codes(parseDc09Frame(new Uint8Array(100), { maxFrameBytes: 64 }))).toEqual(['FRAME_TOO_LARGE:error']);
    expect(codes(parseDc09Frame('\nno token here\r'))).toEqual(['TOKEN_MISSING:error']);
  });

  it('given an unknown token, TOKEN_UNKNOWN, and the reply is DUH with the sender routing', () => {
    const frame = buildDc09Frame({ token: 'SIA-XYZ', sequence: 3, account: '123', data: '' })!;
    const r = parseDc09Frame(frame);
    expect(codes(r)).toEqual(['TOKEN_UNKNOWN:error']);
    expect(replyKindFor(r)).toBe('DUH');
  });

  it('given a data block without "]", DATA_MALFORMED; given an extended data block without "]", XDATA_MALFORMED', () => {
    expect(codes(parseDc09Frame(buildDc09Frame({ token: 'SIA-DCS', sequence: 1, account: '123', data: '' })!.replace('[]', '[#123|Nri1/MA1')))).toContain(
      'DATA_MALFORMED:error',
    );
    expect(codes(parseDc09Frame(buildDc09Frame({ token: 'SIA-DCS', sequence: 1, account: '123', data: '#123|Nri1/MA1' })!.replace(/\r$/, '[Xabc\r')))).toContain(
      'XDATA_MALFORMED:error',
    );
  });

  it('given accounts that differ in header and data block, ACCOUNT_MISMATCH is a warning and the header wins', () => {
    const r = parseDc09Frame(buildDc09Frame({ token: 'SIA-DCS', sequence: 1, account: '123', data: '#456|Nri1/MA1' })!);
    expect([r.ok, r.frame?.account, codes(r)]).toEqual([true, '123', ['ACCOUNT_MISMATCH:warning']]);
  });
});

describe('SIA data blocks', () => {
  it('given two events separated by "/", both are read with their own modifiers', () => {
    expect(parseSiaData('Nri1/MA001/ri2/QA002').events.map((e) => [e.code, e.address, e.area])).toEqual([
      ['MA', '001', '1'],
      ['QA', '002', '2'],
    ]);
  });
  it('given modifiers id, ti and ri before the code, each is kept', () => {
    expect(parseSiaData('Nid12ti10:01/ri3/CL501').events[0]!.modifiers).toEqual({ id: '12', ti: '10:01', ri: '3' });
  });
  it('given NRR|Atest (the fioletoven body), the event is RR with no address and the ASCII block is "test"', () => {
    expect(parseSiaData('NRR|Atest')).toEqual({ block: 'N', events: [{ code: 'RR', address: '', area: null, modifiers: {}, text: null }], asciiBlocks: ['test'], trailing: null });
  });
});
