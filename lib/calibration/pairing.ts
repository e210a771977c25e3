/**
 * Renders paired with their scripts by base name ("intro.mp3" + "intro.txt"), for the command
 * line (paths) and the options page (File objects) alike.
 */
const AUDIO_EXTENSIONS = ['wav', 'mp3', 'ogg', 'oga', 'opus', 'flac', 'm4a', 'aac', 'mp4', 'webm'];

export type PairingProblem = 'no-text' | 'no-audio' | 'not-audio' | 'second-audio';

export interface Pairing<T> {
  pairs: Array<{ name: string; audio: T; text: T }>;
  problems: Array<{ name: string; problem: PairingProblem }>;
}

function split(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? { stem: name, extension: '' } : { stem: name.slice(0, dot), extension: name.slice(dot + 1).toLowerCase() };
}

export function isAudioName(name: string): boolean {
  return AUDIO_EXTENSIONS.includes(split(name).extension);
}

/** `nameOf` gives the file's name with its folder ("a/intro.mp3"), so folders never pair across. */
export function pairByName<T>(files: readonly T[], nameOf: (file: T) => string, options: { strict: (file: T) => boolean } = { strict: () => true }): Pairing<T> {
  const groups = new Map<string, { audio?: T; text?: T }>();
  const problems: Pairing<T>['problems'] = [];
  for (const file of files) {
    const name = nameOf(file);
    const { stem, extension } = split(name);
    const group = groups.get(stem) ?? {};
    if (extension === 'txt') group.text = file;
    else if (!isAudioName(name)) {
      if (options.strict(file)) problems.push({ name, problem: 'not-audio' });
      continue;
    } else if (group.audio) problems.push({ name, problem: 'second-audio' });
    else group.audio = file;
    groups.set(stem, group);
  }
  const pairs: Pairing<T>['pairs'] = [];
  for (const group of groups.values()) {
    if (group.audio && group.text) pairs.push({ name: nameOf(group.audio), audio: group.audio, text: group.text });
    else if (group.audio) problems.push({ name: nameOf(group.audio), problem: 'no-text' });
    else if (group.text) problems.push({ name: nameOf(group.text), problem: 'no-audio' });
  }
  return { pairs, problems };
}
