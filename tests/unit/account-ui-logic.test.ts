import { describe, expect, it } from 'vitest';
import { parseOptionalNumber } from '@/components/options/numbers';
import { readSettingsFile, settingsFile } from '@/components/options/settings-file';
import { matchesVoice } from '@/components/options/VoicePicker';
import { defaultSettings } from '@/lib/settings/schema';

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
