/**
 * Writes the golden fixture inputs (`fixtures/*.input`, `*.context.json`) of this adapter. The
 * expected outputs come from the conformance run: `OMSORG_UPDATE_FIXTURES=1 pnpm vitest run
 * --project adapter-sia-dc09`, then review the diff.
 *
 * Run: node --conditions=@omsorg/source --import tsx adapters/sia-dc09/scripts/make-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDc09Frame, type Dc09FrameFields, frameBody } from '../src/index.js';

const dir = new URL('../fixtures/', import.meta.url).pathname;
const at = new Date('2024-01-15T10:00:00Z'); // the kit's default receive time
const seconds = (s: number) => new Date(at.getTime() + s * 1000);
const zeros = (n: number) => '0'.repeat(n);
const KEY128 = 'AAAAAAAAAAAAAAAA';
const KEY256 = 'AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBB';
const hexKey = (ascii: string) => Buffer.from(ascii, 'latin1').toString('hex');

function write(name: string, frame: string | null, context?: object): void {
  if (frame === null) throw new Error(`${name}: frame not built`);
  writeFileSync(join(dir, `${name}.input`), frame, 'latin1');
  if (context) writeFileSync(join(dir, `${name}.context.json`), `${JSON.stringify(context, null, 2)}\n`);
  console.log(name, JSON.stringify(frame));
}

const plain = (f: Partial<Dc09FrameFields> & { data: string }, token = 'SIA-DCS') =>
  buildDc09Frame({ token, sequence: 1, line: 'L0', account: '1234', timestamp: at, ...f });

write('sia-medical-alarm', plain({ data: '#1234|Nri1/MA001' }));
write('sia-personal-emergency-gps', plain({ sequence: 2, data: '#1234|Nri1/QA002', xdata: { X: '008E00.0000', Y: '58N09.0000' } }));
write('sia-communication-trouble', plain({ sequence: 3, data: '#1234|Nri0/YS000' }));
write('sia-automatic-test', plain({ sequence: 4, data: '#1234|Nri0/RP000' }));
write('sia-closing-report-informational', plain({ sequence: 5, data: '#1234|Nri1/CL007' }));
write('sia-burglary-not-mapped', plain({ sequence: 6, data: '#1234|Nri1/BA012' }));
write('sia-unknown-code', plain({ sequence: 7, data: '#1234|Nri1/QQ001' }));
write('sia-key-exchange-rsp', plain({ sequence: 8, data: '#1234|Nri0/RP000', xdata: { K: 'AAAAAAAAAAAAAAAA' } }));
write('cid-medical', plain({ sequence: 11, data: '#1234|1100 01 001' }, 'ADM-CID'));
write('cid-personal-emergency', plain({ sequence: 12, data: '#1234|1101 01 002' }, 'ADM-CID'));
write('cid-personal-emergency-restore', plain({ sequence: 13, data: '#1234|3101 01 002' }, 'ADM-CID'));
write('cid-low-battery', plain({ sequence: 14, data: '#1234|1302 00 000' }, 'ADM-CID'));
write('cid-rf-supervision-lost', plain({ sequence: 15, data: '#1234|1381 00 005' }, 'ADM-CID'));
write('cid-communication-trouble', plain({ sequence: 16, data: '#1234|1350 00 000' }, 'ADM-CID'));
write('cid-periodic-test', plain({ sequence: 17, data: '#1234|1602 00 000' }, 'ADM-CID'));
write('null-heartbeat', plain({ sequence: 18, receiver: 'R0', data: '' }, 'NULL'));
write('encrypted-sia-aes128', buildDc09Frame({ token: 'SIA-DCS', sequence: 21, line: 'L0', account: '1111', data: '|Nri1/MA000', timestamp: at }, { key: KEY128, pad: zeros }), {
  keys: { '1111': hexKey(KEY128) },
});
write('encrypted-cid-aes256', buildDc09Frame({ token: 'ADM-CID', sequence: 22, line: 'L0', account: '1111', data: '|1101 00 001', timestamp: at }, { key: KEY256, pad: zeros }), {
  keys: { '*': hexKey(KEY256) },
});
write('encrypted-null-ascii-key', buildDc09Frame({ token: 'NULL', sequence: 23, line: 'L0', account: '1111', data: '', timestamp: at }, { key: KEY128, pad: zeros }), {
  keys: { '1111': KEY128 },
  options: { keyEncoding: 'ascii' },
});

// Integrity failures: strict rejects (NAK); the lenient twins keep the event with a warning.
const good = plain({ sequence: 31, data: '#1234|Nri1/MA001' })!;
const badCrc = `\n0000${good.slice(5)}`;
write('strict-wrong-crc', badCrc);
write('lenient-wrong-crc', badCrc, { strict: false });
const body = good.slice(9, -1);
const badLength = `\n${good.slice(1, 5)}00FF${body}\r`;
write('strict-wrong-length', badLength);
write('strict-timestamp-41s-old', plain({ sequence: 32, data: '#1234|Nri1/MA001', timestamp: seconds(-41) }));
write('strict-timestamp-21s-ahead', plain({ sequence: 33, data: '#1234|Nri1/MA001', timestamp: seconds(21) }));
write('strict-timestamp-40s-old-accepted', plain({ sequence: 34, data: '#1234|Nri1/MA001', timestamp: seconds(-40) }));
write('strict-timestamp-custom-window', plain({ sequence: 35, data: '#1234|Nri1/MA001', timestamp: seconds(-90) }), {
  options: { timestampWindow: { pastSeconds: 120, futureSeconds: 5 } },
});
write('lenient-sloppy-frame', `  ${frameBody('"sia-dcs"36l0#1234[#1234|Nri1/QA003]_10:00:00,01-15-2024').slice(1, -1)}  `, { strict: false });
write('garbage', 'GET / HTTP/1.1\r\nHost: example\r\n\r\n');
write('reply-frame-ack', frameBody('"ACK"0001L0#1234[]'));
