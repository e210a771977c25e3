import { propertyEnum } from './spec';
import { hash32, seededRandom } from './random';

/** The preset voice catalogue: 45 voices derived from their names, identical on every run. */

export interface VoiceSample {
  language: string;
  style: string;
  model: string;
  url: string;
}

export interface Voice {
  voice_id: string;
  name: string;
  description: string | null;
  age: string;
  gender: string;
  use_case: string;
  use_cases: string[];
  language: string[];
  styles: string[];
  models: string[];
  samples: VoiceSample[];
  thumbnail_image_url: string;
}

/** A real Supertone preset id, so docs, fixtures and the demo can name one voice that always exists. */
export const ADAM_VOICE_ID = '91992bbd4758bdcf9c9b01';

const LANGUAGES = propertyEnum('PredictTTSDurationRequest', 'language');
const MODELS = propertyEnum('PredictTTSDurationRequest', 'model');
/** Every voice offers `neutral` first; it is also the style used when a request names none. */
export const DEFAULT_STYLE = 'neutral';
const EXTRA_STYLES = ['happy', 'sad', 'angry', 'surprised', 'whisper', 'serene', 'kind-default', 'shouting'];
const AGES = ['child', 'young-adult', 'young-adult', 'middle-aged', 'elder'];
const USE_CASES = ['narration', 'audiobook', 'advertisement', 'animation', 'game', 'news', 'education', 'meditation', 'storytelling'];

const NAMES: ReadonlyArray<readonly [string, 'male' | 'female']> = [
  ['Adam', 'male'], ['Agatha', 'female'], ['Bella', 'female'], ['Bruno', 'male'], ['Chloe', 'female'],
  ['Daniel', 'male'], ['Dahye', 'female'], ['Emma', 'female'], ['Ethan', 'male'], ['Felix', 'male'],
  ['Grace', 'female'], ['Hana', 'female'], ['Hugo', 'male'], ['Iris', 'female'], ['Jae', 'male'],
  ['Jisoo', 'female'], ['Kai', 'male'], ['Kenji', 'male'], ['Lena', 'female'], ['Leo', 'male'],
  ['Mina', 'female'], ['Minho', 'male'], ['Nora', 'female'], ['Oscar', 'male'], ['Olivia', 'female'],
  ['Paul', 'male'], ['Quinn', 'female'], ['Ryo', 'male'], ['Sakura', 'female'], ['Sejun', 'male'],
  ['Sofia', 'female'], ['Theo', 'male'], ['Uma', 'female'], ['Victor', 'male'], ['Wren', 'female'],
  ['Xavier', 'male'], ['Yuna', 'female'], ['Yuto', 'male'], ['Zara', 'female'], ['Arthur', 'male'],
  ['Clara', 'female'], ['Dmitri', 'male'], ['Elif', 'female'], ['Gabriel', 'male'], ['Haneul', 'female'],
];

function hex(seed: string, length: number): string {
  return hash32(seed).toString(16).padStart(8, '0').slice(0, length);
}

/** 22 hex characters, the shape of real preset ids. */
function voiceIdFor(name: string): string {
  return `${hex(`${name}/a`, 8)}${hex(`${name}/b`, 8)}${hex(`${name}/c`, 6)}`;
}

function pickSome<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) picked.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return picked;
}

function makeVoice([name, gender]: readonly [string, 'male' | 'female'], index: number): Voice {
  const random = seededRandom(hash32(name));
  const isAdam = name === 'Adam';
  const voice_id = isAdam ? ADAM_VOICE_ID : voiceIdFor(name);
  const age = AGES[Math.floor(random() * AGES.length)] ?? 'young-adult';
  const use_cases = pickSome(USE_CASES, 1 + Math.floor(random() * 3), random);
  const use_case = use_cases[0] ?? 'narration';
  // Every third voice (and Adam) speaks every language; the rest the original three.
  const language = isAdam || index % 3 === 0 ? [...LANGUAGES] : ['ko', 'en', 'ja'];
  const styles = [DEFAULT_STYLE, ...pickSome(EXTRA_STYLES, 1 + Math.floor(random() * 4), random)];
  const models = isAdam ? [...MODELS] : [MODELS[0] ?? 'sona_speech_1', ...pickSome(MODELS.slice(1), 1 + Math.floor(random() * 3), random)];
  return {
    voice_id,
    name,
    description: index % 5 === 4 ? null : `${age} ${gender} voice for ${use_case}`,
    age,
    gender,
    use_case,
    use_cases,
    language,
    styles,
    models,
    samples: [{ language: 'en', style: DEFAULT_STYLE, model: models[0] ?? 'sona_speech_1', url: `https://samples.example.com/${voice_id}/en-neutral.wav` }],
    thumbnail_image_url: `https://thumbnails.example.com/${voice_id}.png`,
  };
}

export const VOICES: readonly Voice[] = NAMES.map(makeVoice);

const BY_ID = new Map(VOICES.map((v) => [v.voice_id, v]));
export function findVoice(voiceId: string): Voice | undefined {
  return BY_ID.get(voiceId);
}
