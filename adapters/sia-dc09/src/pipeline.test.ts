/**
 * The adapter inside the @omsorg/events pipeline: retransmissions are dropped but still acknowledged,
 * restores resolve their alarm, and what cannot be used is a dead letter with its raw bytes.
 */
import { EventPipeline } from '@omsorg/events';
import { describe, expect, it } from 'vitest';
import { siaDc09Adapter } from './adapter.js';
import { buildDc09Frame } from './protocol/build.js';

const at = new Date('2024-01-15T10:00:00Z');
const later = (s: number) => new Date(at.getTime() + s * 1000);
const frame = (sequence: number, data: string, timestamp = at) => buildDc09Frame({ token: 'SIA-DCS', sequence, account: '1234', data: `#1234|${data}`, timestamp })!;
const replyToken = (reply: unknown) => (typeof reply === 'string' ? /"(\w+)"/.exec(reply)?.[1] : undefined);

describe('sia-dc09 in the EventPipeline', () => {
  it('given an alarm, its retransmission, an unmapped burglary, a bad CRC and the restore, every message is accounted for and answered', () => {
    const pipeline = new EventPipeline({ tenant: 'kristiansand', adapters: [siaDc09Adapter], heartbeat: false, flapping: false });
    const alarm = frame(1, 'Nri1/QA002');
    const first = pipeline.ingest(alarm, { receivedAt: at });
    expect([first.outcome, first.events.map((e) => e.type), replyToken(first.reply)]).toEqual(['emitted', ['no.omsorg.care.assistance_call.raised'], 'ACK']);

    const again = pipeline.ingest(alarm, { receivedAt: later(5) });
    expect([again.outcome, again.events, replyToken(again.reply)]).toEqual(['absorbed', [], 'ACK']);

    const burglary = pipeline.ingest(frame(2, 'Nri1/BA005'), { receivedAt: later(6) });
    expect([burglary.outcome, burglary.deadLetter?.reason, replyToken(burglary.reply)]).toEqual(['dead-lettered', 'DECODE_FAILED', 'ACK']);

    const broken = `\n0000${frame(3, 'Nri1/MA001').slice(5)}`;
    const bad = pipeline.ingest(broken, { receivedAt: later(7) });
    expect([bad.outcome, bad.deadLetter?.issues.map((i) => i.code), replyToken(bad.reply)]).toEqual(['dead-lettered', ['CRC_MISMATCH'], 'NAK']);

    const restore = pipeline.ingest(frame(4, 'Nri1/QH002', later(60)), { receivedAt: later(60) });
    expect([restore.outcome, restore.events.map((e) => [e.data.lifecycle, e.data.alertKey])]).toEqual([
      'emitted',
      [['resolved', 'kristiansand/1234/zone-2/assistance_call']],
    ]);

    const stats = pipeline.stats;
    expect([stats.received, stats.outcomes]).toEqual([5, { emitted: 2, partial: 0, 'dead-lettered': 2, absorbed: 1 }]);
    expect(stats.duplicates).toBe(1);
  });
});
