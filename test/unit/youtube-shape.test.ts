/** YouTube Live's caption shape: the body of a post, the timestamps, and the clock offset estimated from the answers. */
import { describe, expect, it } from 'vitest';
import {
  ClockOffset,
  clockOffset,
  parseYouTubeTimestamp,
  platformTime,
  youTubeBody,
  youTubePostUrl,
  youTubeTimestamp,
} from '../../server/captions/youtube-shape.ts';

const AT = Date.UTC(2026, 11, 6, 21, 42, 30, 123);

describe("YouTube's caption shape", () => {
  it('writes a timestamp line in UTC to the millisecond, then the caption with its line breaks as <br>', () => {
    expect(youTubeTimestamp(AT)).toBe('2026-12-06T21:42:30.123');
    expect(youTubeBody('Thank you, Chair.', AT)).toBe('2026-12-06T21:42:30.123\nThank you, Chair.\n');
    expect(youTubeBody('One\nTwo\r\nThree', AT)).toBe('2026-12-06T21:42:30.123\nOne<br>Two<br>Three\n');
  });

  it('reads the platform time from an answer, and nothing from one without it', () => {
    expect(parseYouTubeTimestamp('2026-12-06T21:42:30.123')).toBe(AT);
    expect(parseYouTubeTimestamp('2026-12-06T21:42:30')).toBe(AT - 123);
    expect(parseYouTubeTimestamp('2026-13-06T21:42:30.123')).toBeUndefined();
    expect(platformTime('\n2026-12-06T21:42:30.123\n')).toBe(AT);
    expect(platformTime('<html>Bad Request</html>')).toBeUndefined();
    expect(platformTime('')).toBeUndefined();
  });

  it('appends seq to the ingestion URL, keeping its cid', () => {
    const url = new URL(youTubePostUrl('http://upload.youtube.com/closedcaption?cid=ab-cd', 12));
    expect(url.searchParams.get('cid')).toBe('ab-cd');
    expect(url.searchParams.get('seq')).toBe('12');
  });

  it('estimates the offset from the midpoint of an exchange, trusting the shortest round trip', () => {
    expect(clockOffset(1_000, 1_200, 91_100)).toBe(90_000);
    const clock = new ClockOffset(3);
    expect(clock.known).toBe(false);
    expect(clock.offset).toBe(0);
    clock.add(1_000, 3_000, 92_500); // a slow exchange: 90 500 ± 1 000
    clock.add(5_000, 5_040, 95_020); // a quick one: 90 000 ± 20
    expect(clock.offset).toBe(90_000);
    clock.add(6_000, 7_000, 96_600);
    expect(clock.offset).toBe(90_000);
    // Only the last few count: the quick one is dropped after three more.
    clock.add(8_000, 8_500, 98_350);
    clock.add(9_000, 9_500, 99_350);
    clock.add(10_000, 10_500, 100_350);
    expect(clock.offset).toBe(90_100);
    clock.reset();
    expect(clock.known).toBe(false);
  });
});
