import { describe, expect, it } from 'vitest';
import { parseOptionalNumber } from '@/components/options/numbers';
import { readSettingsFile, settingsFile } from '@/components/options/settings-file';
import { matchesVoice } from '@/components/options/VoicePicker';
import { breakdownRows, splitParagraphs } from '@/components/popup/paragraphs';
import { defaultSettings } from '@/lib/settings/schema';

describe('popup breakdown', () => {
  it('splits at blank lines and gives cumulative timecodes', () => {
    const paragraphs = splitParagraphs('One.\n\n  \nTwo is longer.\r\n\r\nThree.\nStill three.');
    expect(paragraphs).toEqual(['One.', 'Two is longer.', 'Three.\nStill three.']);
    expect(breakdownRows(paragraphs, [1.5, 2.25, 3]).map((r) => [r.index, r.seconds, r.endsAt])).toEqual([[1, 1.5, 1.5], [2, 2.25, 3.75], [3, 3, 6.75]]);
    expect(breakdownRows(['x'.repeat(60)], [1])[0]?.preview).toHaveLength(48);
  });
});

describe('options helpers', () => {
  it('reads an exported settings file back, and refuses anything else', () => {
    const settings = { ...defaultSettings(), speed: 1.5 };
    expect(readSettingsFile(settingsFile(settings))).toEqual(JSON.parse(JSON.stringify(settings)));
    expect(settingsFile(settings)).not.toMatch(/apiKey|key"/i);
    expect(readSettingsFile('{"speed": 2}')).toBeNull();
    expect(readSettingsFile('not json')).toBeNull();
  });

  it('takes an empty rate cell as the default and refuses non-numbers', () => {
    expect(parseOptionalNumber(' ')).toBeNull();
    expect(parseOptionalNumber('1.25')).toBe(1.25);
    expect(parseOptionalNumber('-1')).toBeUndefined();
    expect(parseOptionalNumber('abc')).toBeUndefined();
  });

  it('finds voices by every word of the query across name, languages, styles and models', () => {
    const voice = { id: 'abc123', name: 'Adam', languages: ['ko', 'en'], styles: ['happy'], models: ['sona_speech_2'] };
    const name = (code: string) => (code === 'ko' ? 'Korean' : 'English');
    expect(matchesVoice(voice, 'adam korean', name)).toBe(true);
    expect(matchesVoice(voice, 'happy sona_speech_2', name)).toBe(true);
    expect(matchesVoice(voice, 'adam japanese', name)).toBe(false);
    expect(matchesVoice(voice, '', name)).toBe(true);
  });
});
