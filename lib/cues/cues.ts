/**
 * Cue sheets from an estimate: one cue per line of dialogue (or per paragraph of unlabelled
 * text), at the cumulative estimated times, the speaker in the cue. SRT writes the speaker as
 * "NAME: text" (it has no voice markup); WebVTT as a voice span `<v NAME>`.
 */
export interface Cue {
  speaker: string | null;
  text: string;
  /** Seconds from the start of the script. */
  start: number;
  end: number;
}

export type CueFormat = 'srt' | 'vtt';

function clock(seconds: number, separator: ',' | '.'): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const secs = Math.floor(ms / 1000) % 60;
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}${separator}${pad(ms % 1000, 3)}`;
}

/** One line of text: a blank line would end the cue, and "-->" would read as a timing line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/-->/g, '->').trim();
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cues that last: a line with nothing to say (0 s) makes no cue. */
function timed(cues: readonly Cue[]): Cue[] {
  return cues.filter((cue) => Math.round(cue.end * 1000) > Math.round(cue.start * 1000) && oneLine(cue.text) !== '');
}

export function toSrt(cues: readonly Cue[]): string {
  return timed(cues).map((cue, k) => {
    const text = oneLine(cue.text);
    return `${k + 1}\n${clock(cue.start, ',')} --> ${clock(cue.end, ',')}\n${cue.speaker ? `${oneLine(cue.speaker)}: ${text}` : text}\n`;
  }).join('\n');
}

export function toVtt(cues: readonly Cue[]): string {
  const body = timed(cues).map((cue, k) => {
    const text = escapeVtt(oneLine(cue.text));
    const voice = cue.speaker ? `<v ${escapeVtt(oneLine(cue.speaker))}>` : '';
    return `${k + 1}\n${clock(cue.start, '.')} --> ${clock(cue.end, '.')}\n${voice}${text}\n`;
  });
  return ['WEBVTT\n', ...body].join('\n');
}

export function cueSheet(format: CueFormat, cues: readonly Cue[]): string {
  return format === 'srt' ? toSrt(cues) : toVtt(cues);
}

/** Cues from a script's line figures (or a single-voice text's paragraphs). */
export function cuesFromLines(lines: ReadonlyArray<{ speaker: string | null; text: string; startsAt: number; endsAt: number }>): Cue[] {
  return lines.map((line) => ({ speaker: line.speaker, text: line.text, start: line.startsAt, end: line.endsAt }));
}
