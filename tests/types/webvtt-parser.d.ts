// The parts of webvtt-parser (no types of its own) the cue-sheet tests use.
declare module 'webvtt-parser' {
  export interface VttNode {
    type: 'object' | 'text' | 'timestamp';
    name?: string;
    value?: string;
    children?: VttNode[];
  }
  export interface VttCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: VttNode[] };
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: VttCue[]; errors: Array<{ message: string; line: number }> };
  }
}
