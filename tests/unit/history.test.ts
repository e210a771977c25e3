import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEngine } from '@/lib/background/engine';
import { calibrationStore } from '@/lib/calibration/store';
import { historyCsv } from '@/lib/history/csv';
import { HISTORY_CAP } from '@/lib/history/cap';
import { appendCapped, createHistoryLog, readRows, type HistoryStore } from '@/lib/history/log';
import { estimateOrigin, type HistoryRow } from '@/lib/history/row';
import { historyStore } from '@/lib/history/store';
import { saveSettings } from '@/lib/settings/store';

const row = (n: number, overrides: Partial<HistoryRow> = {}): HistoryRow => ({
  at: Date.UTC(2025, 0, 2, 3, 4, 5) + n * 1000, where: 'docs.example.com', characters: 100 + n, seconds: 6.5, credits: 6.5,
  provider: 'supertone', source: 'api', voiceId: 'voice-1', model: 'sona_speech_1', vendor: 'supertone', predictCredits: 0, ...overrides,
});

/** A store whose writes finish only when the test says, to line up writes that overlap. */
function slowStore() {
  let stored: unknown = [];
  const gates: Array<() => void> = [];
  const store: HistoryStore = {
    load: async () => stored,
    save: (rows) => new Promise((resolve) => gates.push(() => { stored = rows; resolve(); })),
  };
  return { store, open: () => { while (gates.length) gates.shift()?.(); }, stored: () => readRows(stored) };
}

beforeEach(() => fakeBrowser.reset());

describe('estimate history', () => {
  it('keeps only the newest rows beyond the cap, oldest first', () => {
    const rows = Array.from({ length: 5 }, (_, n) => row(n));
    expect(appendCapped(rows, [row(5), row(6)], 4).map((r) => r.characters)).toEqual([103, 104, 105, 106]);
    expect(appendCapped([], [row(0)], 4)).toHaveLength(1);
  });

  it(`holds at most ${HISTORY_CAP} rows in storage however many estimates are recorded`, async () => {
    const log = createHistoryLog(historyStore());
    await fakeBrowser.storage.local.set({ estimateHistory: Array.from({ length: HISTORY_CAP }, (_, n) => row(n)) });
    await Promise.all([log.record(row(HISTORY_CAP)), log.record(row(HISTORY_CAP + 1))]);
    const rows = await log.list();
    expect(rows).toHaveLength(HISTORY_CAP);
    expect(rows[0]?.characters).toBe(102);
    expect(rows.at(-1)?.characters).toBe(100 + HISTORY_CAP + 1);
  });

  it('keeps every row of estimates answered at once, and a clear is not undone by a write under way', async () => {
    const { store, open, stored } = slowStore();
    const log = createHistoryLog(store);
    const first = log.record(row(1));
    const second = log.record(row(2));
    const third = log.record(row(3));
    const cleared = log.clear();
    const after = log.record(row(4));
    for (let i = 0; i < 10; i++) { open(); await Promise.resolve(); await new Promise((r) => setTimeout(r, 0)); }
    await Promise.all([first, second, third, cleared, after]);
    expect(stored().map((r) => r.characters)).toEqual([104]);
  });

  it('drops damaged stored rows and keeps the rest', () => {
    expect(readRows([row(1), { at: 'yesterday' }, null, row(2, { source: 'mixed' })]).map((r) => r.characters)).toEqual([101, 102]);
    expect(readRows('garbage')).toEqual([]);
  });

  it('names where an estimate was asked from the sender URL, never more than the host', () => {
    const base = 'chrome-extension://abc/';
    expect(estimateOrigin('https://docs.example.com/d/secret-doc-id/edit?x=1', base)).toBe('docs.example.com');
    expect(estimateOrigin('chrome-extension://abc/popup.html', base)).toBe('popup');
    expect(estimateOrigin('chrome-extension://abc/options.html?lang=ko', base)).toBe('options');
    expect(estimateOrigin(undefined, base)).toBe('');
    expect(estimateOrigin('not a url', base)).toBe('');
  });

  it('is written by the engine when an estimate is answered, without the text, and not when switched off', async () => {
    const log = createHistoryLog(historyStore());
    const engine = createEngine(log, calibrationStore());
    const text = 'A private line, which must never be stored.';
    const reply = await engine.estimate(text, { where: 'docs.example.com', record: true });
    expect(reply.ok).toBe(true);
    await engine.estimate('A paragraph of a script.', { where: 'popup', record: false });
    const rows = await poll(() => log.list(), (r) => r.length > 0);
    expect(rows).toEqual([expect.objectContaining({ where: 'docs.example.com', source: 'local', provider: 'supertone', characters: text.length })]);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('private line');

    await saveSettings({ privacy: { paused: false, disabledSites: [], wholeFieldApi: false, keepHistory: false } });
    engine.invalidate();
    await engine.estimate('Another line.', { where: 'docs.example.com', record: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(await log.list()).toHaveLength(1);
  });
});

describe('estimate CSV', () => {
  it('has a header and one RFC 4180 line per estimate, oldest first', () => {
    const csv = historyCsv([
      row(0, { seconds: 0.1 + 0.2 }),
      row(1, { where: 'popup', source: 'local', credits: 0, vendor: null }),
      row(2, { provider: 'azure', vendor: 'audiostack', model: '', voiceId: 'sara', predictCredits: 0.25 + 0.5 }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'time,where,characters,seconds,credits,provider,source,voice_id,model,vendor,predict_credits',
      '2025-01-02T03:04:05.000Z,docs.example.com,100,0.3,6.5,supertone,api,voice-1,sona_speech_1,supertone,0',
      '2025-01-02T03:04:06.000Z,popup,101,6.5,0,supertone,local,voice-1,sona_speech_1,,0',
      '2025-01-02T03:04:07.000Z,docs.example.com,102,6.5,6.5,azure,api,sara,,audiostack,0.75',
      '',
    ]);
  });

  it('reads rows kept before sources (no vendor, no predict credits) as free and vendor-less', () => {
    const { vendor: _vendor, predictCredits: _credits, ...old } = row(0);
    expect(readRows([old])).toEqual([{ ...old, vendor: null, predictCredits: 0 }]);
  });

  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas', () => {
    const csv = historyCsv([
      row(0, { where: 'a,b "c"\nd', voiceId: '=HYPERLINK("http://x")' }),
      row(1, { where: '+1', voiceId: '-2' }),
      row(2, { where: '@SUM(A1)', voiceId: 'plain' }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe('2025-01-02T03:04:05.000Z,"a,b ""c""\nd",100,6.5,6.5,supertone,api,"\'=HYPERLINK(""http://x"")",sona_speech_1,supertone,0');
    expect(lines[2]).toBe("2025-01-02T03:04:06.000Z,'+1,101,6.5,6.5,supertone,api,'-2,sona_speech_1,supertone,0");
    expect(lines[3]).toBe("2025-01-02T03:04:07.000Z,'@SUM(A1),102,6.5,6.5,supertone,api,plain,sona_speech_1,supertone,0");
  });
});

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  return read();
}
