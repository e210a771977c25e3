import { readFile } from 'node:fs/promises';
import { measureSpeechSpan, type SpeechSpan } from '../lib/calibration/silence';

/** Longest render read: a calibration render is seconds to minutes, never hours. */
const MAX_AUDIO_BYTES = 200 * 1024 * 1024;

export class AudioProblem extends Error {}

/**
 * A render's length from its container (music-metadata: WAV, MP3, OGG/Opus, FLAC, M4A/AAC), and the
 * silence at both ends from its samples (audio-decode, WebAssembly decoders for the same formats).
 * The container's figure is the file's length; the decoded samples only say where speech starts
 * and ends, so a decoder's priming samples cannot shift the total.
 */
export async function measureAudioFile(path: string): Promise<SpeechSpan> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new AudioProblem(`unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (bytes.byteLength === 0) throw new AudioProblem('empty file');
  if (bytes.byteLength > MAX_AUDIO_BYTES) throw new AudioProblem('larger than 200 MB');
  let duration: number | undefined;
  try {
    duration = (await (await import('music-metadata')).parseBuffer(bytes, undefined, { duration: true, skipCovers: true })).format.duration;
  } catch (error) {
    throw new AudioProblem(`not a readable audio file (${firstLine(error)})`);
  }
  let decoded: { channelData: Float32Array[]; sampleRate: number };
  try {
    decoded = await (await import('audio-decode')).default(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new AudioProblem(`cannot decode (${firstLine(error)})`);
  }
  if (!decoded.channelData.length || !(decoded.sampleRate > 0)) throw new AudioProblem('no audio in it');
  const span = measureSpeechSpan(decoded.channelData, decoded.sampleRate);
  const total = duration && duration > 0 ? duration : span.total;
  if (span.speech === 0) return { total, leading: total, trailing: 0, speech: 0 };
  return { total, leading: span.leading, trailing: span.trailing, speech: Math.max(0, total - span.leading - span.trailing) };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 120) ?? 'unknown';
}
