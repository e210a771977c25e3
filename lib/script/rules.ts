import type { NormalizeRule } from '../text/normalize';

/**
 * What a script's format marks as not spoken, rule by rule. Each is switchable (settings →
 * `script.rules`) and every removal is listed with its rule, as lib/text/normalize.ts does for
 * tags, Markdown, directions and speaker labels (which stay its rules: a speaker cue is a
 * `speakerLabels` removal here too).
 */
export const SCRIPT_RULES = [
  'titlePage', 'sceneHeadings', 'sceneNumbers', 'transitions', 'centered', 'sections', 'synopses',
  'notes', 'boneyard', 'pageBreaks', 'parentheticals',
] as const;
export type ScriptRule = (typeof SCRIPT_RULES)[number];
export type ScriptRules = Record<ScriptRule, boolean>;

/** Everything on: a screenplay's furniture is not read aloud. */
export const DEFAULT_SCRIPT_RULES: ScriptRules = Object.fromEntries(SCRIPT_RULES.map((rule) => [rule, true])) as ScriptRules;

/**
 * What a removal is listed under: a script rule, `action` (Fountain action lines while no narrator
 * reads them: switched by `narrateAction`), or one of normalize's rules.
 */
export type ExclusionRule = ScriptRule | 'action' | NormalizeRule;

export interface ScriptOptions {
  rules: ScriptRules;
  /** Action lines are read by the cast's Narrator instead of left out. */
  narrateAction: boolean;
  /** Whether speaker labels and cues are left out of the spoken text (normalize's `speakerLabels`). */
  dropSpeakerLabels: boolean;
}

export const DEFAULT_SCRIPT_OPTIONS: ScriptOptions = { rules: { ...DEFAULT_SCRIPT_RULES }, narrateAction: false, dropSpeakerLabels: true };

/** The speaker who reads narrated action lines; cast a voice to "Narrator" to choose it. */
export const NARRATOR = 'Narrator';
