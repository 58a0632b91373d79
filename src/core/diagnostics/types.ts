/**
 * The internal model of a compiler diagnostic. The cargo adapter converts rustc's JSON into these;
 * nothing outside that adapter knows rustc's JSON shape.
 */

export type Level = 'error' | 'warning' | 'note' | 'help';

/** How safe rustc says a suggestion is (rustc's own vocabulary). */
export type Applicability = 'MachineApplicable' | 'MaybeIncorrect' | 'HasPlaceholders' | 'Unspecified';

/** A source span; lines and columns are 1-based, byte offsets 0-based, columns in characters. */
export interface SourceSpan {
  /** Workspace-relative, '/'-separated path. */
  file: string;
  lineStart: number;
  lineEnd: number;
  columnStart: number;
  columnEnd: number;
  byteStart: number;
  byteEnd: number;
  isPrimary: boolean;
  label: string | null;
}

/** One replacement proposed by rustc. */
export interface SuggestionEdit {
  span: SourceSpan;
  replacement: string;
}

/** A rustc suggestion: a message plus edits that belong together. */
export interface Suggestion {
  message: string;
  applicability: Applicability;
  edits: SuggestionEdit[];
}

/** One diagnostic from rustc (or rust-analyzer), with its children flattened into notes and suggestions. */
export interface Diagnostic {
  level: Level;
  code: string | null;
  message: string;
  /** The primary span, or null for crate-level diagnostics. */
  primary: SourceSpan | null;
  spans: SourceSpan[];
  /** Messages of `note` and `help` children, in order. */
  notes: string[];
  /**
   * Spans of `note` children that point somewhere without suggesting an edit (e.g. "the trait `T` is defined
   * here"), each labelled with its child's message: rustc's own pointer to a definition in another file.
   */
  noteSpans?: SourceSpan[];
  suggestions: Suggestion[];
  /** rustc's rendered text, kept for humans. */
  rendered: string;
  /** Which tool produced it. */
  source: 'rustc' | 'rust-analyzer' | 'test';
  /** The Cargo package the diagnostic was reported for. */
  packageName: string | null;
}
