/**
 * Silence before and after the speech in decoded audio, so padding a vendor or an export adds
 * never counts as speech. The same code runs on the command line's decoder output and on the
 * browser's AudioBuffer channels.
 *
 * Frames of 10 ms; a frame is sound when its RMS (loudest channel) is within 40 dB of the loudest
 * frame and above -60 dBFS. Quiet onsets like "s" sit well above that in speech recordings.
 */
const FRAME_SECONDS = 0.01;
const RELATIVE_FLOOR = 10 ** (-40 / 20);
const ABSOLUTE_FLOOR = 10 ** (-60 / 20);

export interface SpeechSpan {
  /** Length of the decoded audio. */
  total: number;
  leading: number;
  trailing: number;
  /** total − leading − trailing; 0 for a render of silence. */
  speech: number;
}

export function measureSpeechSpan(channels: readonly Float32Array[], sampleRate: number): SpeechSpan {
  const length = Math.max(0, ...channels.map((channel) => channel.length));
  const total = length / sampleRate;
  const frame = Math.max(1, Math.round(sampleRate * FRAME_SECONDS));
  const frames = Math.ceil(length / frame);
  const loudness = new Float64Array(frames);
  for (let f = 0; f < frames; f++) {
    const start = f * frame;
    const end = Math.min(length, start + frame);
    let loudest = 0;
    for (const channel of channels) {
      let sum = 0;
      for (let i = start; i < end; i++) sum += (channel[i] ?? 0) ** 2;
      loudest = Math.max(loudest, Math.sqrt(sum / Math.max(1, end - start)));
    }
    loudness[f] = loudest;
  }
  const peak = loudness.reduce((max, value) => Math.max(max, value), 0);
  const threshold = Math.max(ABSOLUTE_FLOOR, peak * RELATIVE_FLOOR);
  const first = loudness.findIndex((value) => value > threshold);
  if (peak <= ABSOLUTE_FLOOR || first < 0) return { total, leading: total, trailing: 0, speech: 0 };
  let last = frames - 1;
  while (last > first && (loudness[last] ?? 0) <= threshold) last--;
  const leading = (first * frame) / sampleRate;
  const trailing = Math.max(0, total - Math.min(length, (last + 1) * frame) / sampleRate);
  return { total, leading, trailing, speech: Math.max(0, total - leading - trailing) };
}
