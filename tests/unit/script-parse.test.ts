import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cueName, looksLikeFountain, parseFountain } from '../../lib/script/fountain';
import { parseLabelled } from '../../lib/script/labelled';
import { lineText, speakerKey, type ParsedScript } from '../../lib/script/lines';
import { parseScript } from '../../lib/script/parse';
import { DEFAULT_SCRIPT_OPTIONS, DEFAULT_SCRIPT_RULES, type ScriptOptions } from '../../lib/script/rules';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/scripts/${name}`, import.meta.url), 'utf8');
const options = (patch: Partial<ScriptOptions> = {}): ScriptOptions => ({ ...DEFAULT_SCRIPT_OPTIONS, rules: { ...DEFAULT_SCRIPT_RULES }, ...patch });

/** [speaker, spoken text] per line. */
function spoken(input: string, script: ParsedScript | undefined): Array<[string | null, string]> {
  return (script?.lines ?? []).map((line) => [line.speaker, lineText(input, line.parts).text]);
}

function rulesOf(script: ParsedScript): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of script.excluded) (out[e.rule] ??= []).push(e.text);
  return out;
}

describe('Fountain', () => {
  const brick = fixture('brick-and-steel.fountain');

  it('speaks dialogue and lyrics only, each line with its speaker (spec sample "Brick & Steel")', () => {
    const script = parseFountain(brick, options());
    expect(script.format).toBe('fountain');
    expect(spoken(brick, script)).toEqual([
      ['STEEL', "Beer's ready!"],
      ['BRICK', 'Are they cold?'],
      ['STEEL', 'Does a bear crap in the woods?'],
      ['STEEL', 'To retirement.'],
      ['BRICK', 'To retirement.'],
      ['BRICK', 'I remember the day I met him.'],
      ['STEEL', 'You never let it go.'],
      ['McCLANE', 'Yippee ki-yay.'],
      [null, 'Willy Wonka! Willy Wonka!\nThe amazing chocolatier!'],
    ]);
  });

  it('lists every element that is not spoken under its rule', () => {
    const rules = rulesOf(parseFountain(brick, options()));
    expect(rules.titlePage?.[0]).toMatch(/^Title:[\s\S]*Solvang, CA 93463$/);
    expect(rules.sceneHeadings).toEqual(["EXT. BRICK'S PATIO - DAY", '.FLASHBACK - 1989']);
    expect(rules.sceneNumbers).toEqual(['#1#', '#2#']);
    expect(rules.parentheticals).toEqual(['(beer raised)']);
    expect(rules.notes).toEqual(['[[This is a note that is never spoken.]]']);
    expect(rules.boneyard).toEqual(['/* The boneyard:\nSTEEL\nCut this line.\n*/']);
    expect(rules.synopses).toEqual(['= Brick and Steel meet.']);
    expect(rules.sections).toEqual(['# ACT II']);
    expect(rules.centered).toEqual(['> THE END <']);
    expect(rules.transitions).toEqual(['CUT TO:', '>FADE TO BLACK.']);
    expect(rules.pageBreaks).toEqual(['===']);
    expect(rules.speakerLabels).toEqual(['STEEL', 'BRICK', 'STEEL', 'STEEL', 'BRICK', 'BRICK (V.O.)', "STEEL (CONT'D)", '@McCLANE']);
    expect(rules.action).toHaveLength(4);
    expect(rules.action?.[0]).toBe('A gorgeous day.  The sun is shining.  But BRICK BRADDOCK, retired police detective, is sitting quietly, contemplating -- something.');
  });

  it('gives action to the Narrator when narrating, one line per paragraph', () => {
    const script = parseFountain(brick, options({ narrateAction: true }));
    const narrated = spoken(brick, script).filter(([speaker]) => speaker === 'Narrator');
    expect(narrated.map(([, text]) => text)).toEqual([
      'A gorgeous day.  The sun is shining.  But BRICK BRADDOCK, retired police detective, is sitting quietly, contemplating -- something.',
      'The SCREEN DOOR slides open and DICK STEEL, his former partner and fellow retiree, emerges with two cold beers.',
      'Steel sits.  They laugh at the dumb joke.',
      'They drink long and well from the beers.',
    ]);
    expect(rulesOf(script).action).toBeUndefined();
  });

  it('speaks an element whose rule is switched off, by the Narrator', () => {
    const script = parseFountain(brick, options({ rules: { ...DEFAULT_SCRIPT_RULES, sceneHeadings: false, parentheticals: false } }));
    const lines = spoken(brick, script);
    expect(lines).toContainEqual(['Narrator', "EXT. BRICK'S PATIO - DAY"]);
    expect(lines).toContainEqual(['Narrator', 'FLASHBACK - 1989']);
    expect(lines).toContainEqual(['STEEL', '(beer raised)\nTo retirement.']);
    expect(rulesOf(script).sceneNumbers).toEqual(['#1#', '#2#']);
  });

  it('keeps a cue when speaker labels are spoken', () => {
    const input = 'ANNA\nHello there.\n\nBEN (O.S.)\nHi.\n';
    const script = parseFountain(input, options({ dropSpeakerLabels: false }));
    expect(spoken(input, script)).toEqual([['ANNA', 'ANNA\nHello there.'], ['BEN', 'BEN (O.S.)\nHi.']]);
  });

  it('reads cue names without extensions, the dual-dialogue caret, or a forcing @', () => {
    expect(cueName("STEEL (CONT'D)", false)).toBe('STEEL');
    expect(cueName('MOM (V.O.) (cont’d)', false)).toBe('MOM');
    expect(cueName('JILL ^', false)).toBe('JILL');
    expect(cueName('@McCLANE', true)).toBe('McCLANE');
    expect(cueName('McCLANE', false)).toBeUndefined();
    expect(cueName('1989', false)).toBeUndefined();
    expect(cueName('黒澤', true)).toBe('黒澤');
  });

  it('keeps dialogue going over a line of two spaces, and ends it at a blank line', () => {
    const input = 'DEALER\nTen.\nFour.\n  \nDealer gets a seven.\n\nHe folds.\n';
    const script = parseFountain(input, options());
    expect(spoken(input, script)).toEqual([['DEALER', 'Ten.\nFour.\nDealer gets a seven.']]);
    expect(rulesOf(script).action).toEqual(['He folds.']);
  });

  it('does not take a scene heading without a blank line before it, or "..." for a forced heading', () => {
    const input = 'He walks in.\nINT. HOUSE - DAY\n\n...and then nothing.\n';
    const script = parseFountain(input, options({ narrateAction: true }));
    expect(spoken(input, script)).toEqual([['Narrator', 'He walks in.\nINT. HOUSE - DAY'], ['Narrator', '...and then nothing.']]);
  });

  it('masks a note inside a line and leaves an unclosed boneyard as text', () => {
    const input = 'ANNA\nHello [[check this]] there.\n\nBEN\nOpen /* never closed\n';
    const script = parseFountain(input, options());
    expect(spoken(input, script)).toEqual([['ANNA', 'Hello there.'], ['BEN', 'Open /* never closed']]);
  });

  it('tells a screenplay from a labelled script and from prose', () => {
    expect(looksLikeFountain(fixture('brick-and-steel.fountain'))).toBe(true);
    expect(looksLikeFountain('ANNA\nHello.\n\nBEN\nHi.\n')).toBe(true);
    expect(looksLikeFountain('JOHN (V.O.)\nOnce upon a time.\n')).toBe(true);
    expect(looksLikeFountain(fixture('podcast.txt'))).toBe(false);
    expect(looksLikeFountain('Our product is great.\n\nBuy it today.\n')).toBe(false);
    expect(looksLikeFountain('INTRODUCTION\nWelcome to the course.\n')).toBe(false);
  });
});

describe('labelled scripts', () => {
  const podcast = fixture('podcast.txt');

  it('finds NAME: labels and [Name] tags; each line belongs to its speaker until the next cue', () => {
    const script = parseLabelled(podcast, options());
    expect(spoken(podcast, script)).toEqual([
      [null, 'Episode 12: the cost of a voice'],
      ['HOST', 'Welcome back to Tuned In. [music fades] Today we talk about synthetic voices.'],
      ['ANNA', "Thanks for having me. (laughs) It's a topic I love."],
      ['HOST', "Let's start with the basics. What does a minute of speech cost?"],
      ['Ben', 'It depends on the provider. [pause 500ms] Some charge per character, some per second.'],
      ['ANNA', 'And some per request!'],
      ['Ben', 'Right, and that adds up quickly.'],
      ['HOST', "That's all for today. See you next week."],
    ]);
    expect(rulesOf(script as ParsedScript).speakerLabels).toEqual(['HOST: ', 'ANNA: ', 'HOST: ', '[Ben] ', 'ANNA: ', '[Ben] ', 'HOST: ']);
  });

  it('never takes a direction for a speaker', () => {
    const input = '[pause]\n[SFX: door]\n[Music] Intro.\n[PAUSE 500MS] Go.\nHello.\n';
    expect(parseLabelled(input, options())).toBeUndefined();
  });

  it('takes a tag used once when a dialogue is around it or the cast names it', () => {
    const once = '[Anna] Hi.\n';
    expect(parseLabelled(once, options())).toBeUndefined();
    expect(spoken(once, parseLabelled(once, options(), new Set([speakerKey('ANNA')])))).toEqual([['Anna', 'Hi.']]);
    const dialogue = 'HOST: Hi.\nGUEST: Hello.\n[Caller] Can I ask something?\n';
    expect(spoken(dialogue, parseLabelled(dialogue, options())).map(([s]) => s)).toEqual(['HOST', 'GUEST', 'Caller']);
  });

  it('reads Markdown-bold labels, a label alone on its line, and text over several lines', () => {
    const input = '**ANNA:** Hello.\n**Ben**: Hi.\nSecond line.\n\nANNA:\nOn the next line.\n**Ben**: Bye.\n';
    expect(spoken(input, parseLabelled(input, options()))).toEqual([
      ['ANNA', 'Hello.'], ['Ben', 'Hi.\nSecond line.'], ['ANNA', 'On the next line.'], ['Ben', 'Bye.'],
    ]);
  });

  it('leaves out a parenthetical after the cue or on its own line, and keeps one inside a sentence', () => {
    const input = 'ANNA: (whispering) Hello.\n(beat)\nThe price (with tax) is ten.\n';
    const script = parseLabelled(input, options()) as ParsedScript;
    expect(spoken(input, script)).toEqual([['ANNA', 'Hello.\nThe price (with tax) is ten.']]);
    expect(rulesOf(script).parentheticals).toEqual(['(whispering)', '(beat)']);
  });

  it('needs a Capitalised label twice, as normalize does, and never takes a note or a time', () => {
    expect(parseLabelled('Note: the price is 10.\nAt 10:30 we start.\n', options())).toBeUndefined();
    expect(parseLabelled('Anna: Hi.\n', options())).toBeUndefined();
    expect(spoken('Anna: Hi.\nAnna: Bye.\n', parseLabelled('Anna: Hi.\nAnna: Bye.\n', options()))).toEqual([['Anna', 'Hi.'], ['Anna', 'Bye.']]);
  });

  it('parseScript: Fountain by hint or by look, labels otherwise, nothing for prose', () => {
    expect(parseScript(podcast, options())?.format).toBe('labelled');
    expect(parseScript(fixture('brick-and-steel.fountain'), options())?.format).toBe('fountain');
    expect(parseScript('Hello.\n\nANNA\nHi.\n', options(), { format: 'fountain' })?.format).toBe('fountain');
    expect(parseScript('Just prose.\nMore prose.', options())).toBeUndefined();
  });
});
