import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NORMALIZE_OPTIONS,
  describeExclusions,
  NORMALIZE_RULES,
  normalizeScript,
  type Exclusion,
  type NormalizeOptions,
  type NormalizeRule,
} from '../../lib/text/normalize';

const ALL_OFF: NormalizeOptions = { tags: false, markdown: false, directions: false, speakerLabels: false };

function only(rule: NormalizeRule): NormalizeOptions {
  return { ...ALL_OFF, [rule]: true };
}

const clean = (input: string, options?: Partial<NormalizeOptions>): string => normalizeScript(input, options).text;

const summary = (excluded: Exclusion[]): Array<[NormalizeRule, string, number, number]> =>
  excluded.map((e) => [e.rule, e.text, e.start, e.end]);

/**
 * The output must be the input with each outermost excluded span removed, or
 * replaced by one space when it is a tag or direction. Tracks every output
 * position that the choices so far allow.
 */
function expectRebuildable(input: string, output: string, excluded: Exclusion[]): void {
  let positions = new Set([0]);
  let pos = 0;
  const keep = (kept: string): void => {
    positions = new Set([...positions].filter((at) => output.startsWith(kept, at)).map((at) => at + kept.length));
  };
  for (const e of excluded) {
    if (e.start < pos) {
      expect(e.end).toBeLessThanOrEqual(pos); // spans nest, never overlap partly
      continue;
    }
    keep(input.slice(pos, e.start));
    if (e.rule === 'tags' || e.rule === 'directions') {
      for (const at of [...positions]) if (output[at] === ' ') positions.add(at + 1);
    }
    pos = e.end;
  }
  keep(input.slice(pos));
  expect(positions.has(output.length)).toBe(true);
}

describe('options', () => {
  it('lists the rules and turns them all on by default', () => {
    expect(NORMALIZE_RULES).toEqual(['tags', 'markdown', 'directions', 'speakerLabels']);
    expect(DEFAULT_NORMALIZE_OPTIONS).toEqual({ tags: true, markdown: true, directions: true, speakerLabels: true });
  });

  it('takes partial options, leaving the rest on', () => {
    const input = '<b>**HOST:** [pause] hi</b>';
    expect(clean(input)).toBe('hi');
    expect(clean(input, { tags: false })).toBe('<b>HOST:  hi</b>');
    expect(clean(input, { markdown: false, speakerLabels: false })).toBe('**HOST:**  hi');
  });
});

describe('tags', () => {
  it('removes SSML and HTML tags, comments and XML declarations', () => {
    const input = '<?xml version="1.0"?><speak>Hello <emphasis level="strong">world</emphasis><!-- note --></speak>';
    expect(clean(input, only('tags'))).toBe('Hello world');
    expect(clean('<p>One</p>\n<br/>Two <prosody rate="slow" pitch=\'+5%\'>three</prosody>', only('tags'))).toBe('One\nTwo three');
    expect(clean('<amazon:effect name="whispered">psst</amazon:effect> <say-as interpret-as="digits">12</say-as>')).toBe('psst 12');
  });

  it('leaves one space where a tag sat between two words', () => {
    expect(clean('word<break time="1s"/>word')).toBe('word word');
    expect(clean('word<break/><break/>word')).toBe('word word');
    expect(clean('word <break/>word')).toBe('word word');
    expect(clean('<speak>Hi</speak>')).toBe('Hi');
  });

  it('keeps comparisons and hearts, which are spoken', () => {
    for (const input of ['a < b and c > d', 'I <3 you', '5<6', 'x << y', '<-- back', 'if (a<b) go', '<!-- never closed']) {
      expect(clean(input)).toBe(input);
    }
  });

  it('reports tags with their input offsets', () => {
    const { excluded } = normalizeScript('Hi <break time="2s"/> there</p>');
    expect(summary(excluded)).toEqual([
      ['tags', '<break time="2s"/>', 3, 21],
      ['tags', '</p>', 27, 31],
    ]);
  });

  it('does nothing when off', () => {
    expect(clean('<speak>Hi</speak>', { tags: false })).toBe('<speak>Hi</speak>');
  });
});

describe('markdown', () => {
  it('drops emphasis marks and keeps the words', () => {
    expect(clean('**bold** __strong__ *it* _em_ ***both*** ~~struck~~', only('markdown'))).toBe('bold strong it em both struck');
    expect(clean('Say **"hello"**, then *wave*.', only('markdown'))).toBe('Say "hello", then wave.');
  });

  it('drops heading, blockquote and bullet markers at line start', () => {
    const input = '# Title\n### Part two\n> quoted\n> > nested\n- one\n* two\n+ three\n  - indented';
    expect(clean(input, only('markdown'))).toBe('Title\nPart two\nquoted\nnested\none\ntwo\nthree\n  indented');
  });

  it('drops inline code backticks and code fences', () => {
    expect(clean('Run `npm test` now', only('markdown'))).toBe('Run npm test now');
    expect(clean('```js\nconst a = 1;\n```', only('markdown'))).toBe('\nconst a = 1;\n');
  });

  it('keeps link labels and removes images', () => {
    expect(clean('See [the docs](https://x.dev/a_b_c) and ![logo](logo.png) now.', only('markdown'))).toBe('See the docs and  now.');
    expect(clean('[**Bold link**](u)', only('markdown'))).toBe('Bold link');
  });

  it('leaves intra-word underscores, multiplication and lone marks alone', () => {
    for (const input of ['snake_case_name', '2 * 3 = 6', '2*3*4', 'a * b * c', '#hashtag', '-5 degrees', '>50% said yes', 'price_2024_final', '~~ ~~', '**']) {
      expect(clean(input, only('markdown'))).toBe(input);
    }
  });

  it('reports each mark with its offsets', () => {
    const { excluded } = normalizeScript('# Hi **you**', only('markdown'));
    expect(summary(excluded)).toEqual([
      ['markdown', '# ', 0, 2],
      ['markdown', '**', 5, 7],
      ['markdown', '**', 10, 12],
    ]);
  });

  it('does nothing when off', () => {
    expect(clean('# **Hi**', { markdown: false })).toBe('# **Hi**');
  });
});

describe('directions', () => {
  it('removes bracketed and braced cues', () => {
    expect(clean('[SFX: door slams] Hello. [pause] Bye. {MUSIC UP}', only('directions'))).toBe(' Hello.  Bye. ');
    expect(clean('[MUSIC UP]\nWelcome back.')).toBe('\nWelcome back.');
  });

  it('leaves parentheses, empty brackets and links alone', () => {
    expect(clean('It costs (about) ten dollars [ ].', only('directions'))).toBe('It costs (about) ten dollars [ ].');
    expect(clean('Read [the guide](https://x.dev) first.', only('directions'))).toBe('Read [the guide](https://x.dev) first.');
    expect(clean('Read [the guide](https://x.dev) first.')).toBe('Read the guide first.');
  });

  it('keeps words apart and reports offsets', () => {
    const { text, excluded } = normalizeScript('Wait[pause]now', only('directions'));
    expect(text).toBe('Wait now');
    expect(summary(excluded)).toEqual([['directions', '[pause]', 4, 11]]);
  });

  it('does nothing when off', () => {
    expect(clean('[pause] hi', { directions: false })).toBe('[pause] hi');
  });
});

describe('speaker labels', () => {
  it('removes ALL-CAPS labels of up to four words', () => {
    const input = 'NARRATOR: Welcome.\nDR. KIM: Hi there.\nHOST 2: ok\nJOHN (V.O.): Later.\nA: yes';
    expect(clean(input, only('speakerLabels'))).toBe('Welcome.\nHi there.\nok\nLater.\nyes');
  });

  it('removes Capitalised labels only when they repeat', () => {
    const dialogue = 'Alex: Hi.\nSam: Hello.\nAlex: Bye.\nSam: See you.\nHost 2: once';
    expect(clean(dialogue, only('speakerLabels'))).toBe('Hi.\nHello.\nBye.\nSee you.\nHost 2: once');
    expect(clean('Host 1: hi\nHost 1: again', only('speakerLabels'))).toBe('hi\nagain');
  });

  it('keeps ordinary sentences, notes, times and URLs', () => {
    for (const input of ['Note: the price went up.', 'Note: one\nNote: two', 'At 10:30 we start.', '10:30 is the time', 'https://example.com', 'The plan: go early.', 'PS: call me', 'WARNING: hot']) {
      expect(clean(input, only('speakerLabels'))).toBe(input);
    }
  });

  it('handles full-width colons conservatively in unicased scripts', () => {
    expect(clean('旁白：欢迎\n小明：你好\n旁白：再见', only('speakerLabels'))).toBe('欢迎\n小明：你好\n再见');
    expect(clean('注意：只有一次', only('speakerLabels'))).toBe('注意：只有一次');
    expect(clean('ナレーター：こんにちは\nナレーター：さようなら', only('speakerLabels'))).toBe('こんにちは\nさようなら');
  });

  it('sees labels behind markup removed by earlier rules, and reports offsets', () => {
    const { text, excluded } = normalizeScript('**NARRATOR:** Welcome\n<p>HOST: Hi</p>');
    expect(text).toBe('Welcome\nHi');
    expect(summary(excluded.filter((e) => e.rule === 'speakerLabels'))).toEqual([
      ['speakerLabels', 'NARRATOR:** ', 2, 14],
      ['speakerLabels', 'HOST: ', 25, 31],
    ]);
  });

  it('does nothing when off', () => {
    expect(clean('NARRATOR: hi', { speakerLabels: false })).toBe('NARRATOR: hi');
  });
});

describe('pass-through', () => {
  it('keeps emoji, CJK, RTL, combining marks and control characters byte for byte', () => {
    const input = '👩‍👩‍👧‍👦 🇰🇷 👍🏽 漢字 かな 한국어 مرحبا بكم שלום e\u0301 \u0000 \ud800 \t end';
    expect(clean(input)).toBe(input);
    expect(normalizeScript(input).excluded).toEqual([]);
  });

  it('keeps whitespace as it is', () => {
    expect(clean('  two  spaces\n\n\ttab  ')).toBe('  two  spaces\n\n\ttab  ');
  });
});

describe('describeExclusions', () => {
  it('summarises counts per rule', () => {
    const { excluded } = normalizeScript('<p>NARRATOR: [pause] **Hi**</p>\nHOST: <break/>ok [SFX: bell]');
    expect(describeExclusions(excluded)).toBe('excluded: 3 tags, 2 markdown marks, 2 directions, 2 speaker labels');
    expect(describeExclusions(normalizeScript('<b>x</b> [pause]').excluded)).toBe('excluded: 2 tags, 1 direction');
    expect(describeExclusions([])).toBe('');
  });
});

describe('properties', () => {
  /** Code points, raw UTF-16 units (lone surrogates) and markup pieces. */
  const unit = fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), weight: 2 },
    {
      arbitrary: fc.constantFrom('<', '>', '/', '<!--', '-->', '<b>', '</p>', '<br/>', '*', '**', '_', '~~', '`', '[', ']', '(', ')', '](', '{', '}', '#', '- ', '> ', '\n', ' ', ':', '：', 'A', 'NARRATOR', 'Alex', 'a', '"', '='),
      weight: 5,
    },
  );
  const anyText = fc.string({ unit, maxLength: 200, size: 'large' });
  const anyOptions = fc.record({ tags: fc.boolean(), markdown: fc.boolean(), directions: fc.boolean(), speakerLabels: fc.boolean() });

  it('changes nothing with every rule off', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        expect(normalizeScript(input, ALL_OFF)).toEqual({ text: input, excluded: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and reports exclusions that match the input', () => {
    fc.assert(
      fc.property(anyText, anyOptions, (input, options) => {
        const { text, excluded } = normalizeScript(input, options);
        let previousStart = 0;
        for (const e of excluded) {
          expect(options[e.rule]).toBe(true);
          expect(e.start).toBeGreaterThanOrEqual(previousStart);
          expect(e.end).toBeGreaterThan(e.start);
          expect(e.end).toBeLessThanOrEqual(input.length);
          expect(e.text).toBe(input.slice(e.start, e.end));
          previousStart = e.start;
        }
        expectRebuildable(input, text, excluded);
      }),
      { numRuns: 800 },
    );
  });

  it('is idempotent on text without markup characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        fc.pre(!/[<>*_~`[\]{}#:：-]/.test(input));
        expect(clean(input)).toBe(input);
      }),
      { numRuns: 300 },
    );
  });
});

describe('speed', () => {
  it('stays linear on adversarial input', () => {
    const adversarial = ['<'.repeat(200_000), '<a b '.repeat(40_000), '<!--'.repeat(50_000), '*a '.repeat(70_000), '[a]('.repeat(50_000), '` `` ``` '.repeat(20_000), 'A: \n'.repeat(50_000)];
    for (const input of adversarial) {
      const started = performance.now();
      normalizeScript(input);
      // Quadratic behaviour would take minutes here; linear takes a few milliseconds.
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});
