/**
 * The pattern model: a pattern is data (loaded from patterns/<id>.yaml) that says which diagnostic shape it
 * recognises (detector) and which built-in action turns that shape into edits (template). Anti-patterns carry
 * a severity and produce findings instead of edits. Pure types.
 */
import type { NodeKind } from '../isg/types.js';
import type { GraphActionName } from './graph-actions.js';

export type PatternKind = 'fix' | 'anti_pattern';
export type Severity = 'info' | 'warning' | 'error';
/** How much a passing fix from this pattern can be trusted without a person looking (a prior, not a verdict). */
export type PatternConfidence = 'high' | 'medium' | 'low';

/** Matches a rustc suggestion by its help message and/or its replacement text (named groups become captures). */
export interface SuggestionMatcher {
  message?: string;
  replacement?: string;
}

/**
 * Which diagnostics a pattern applies to. Every regex is a JavaScript regex; named groups become captures
 * `<field>.<group>` (e.g. `message.param`, `help.trait`) usable in template params as `{{help.trait}}`.
 */
export interface PatternDetector {
  /** Diagnostic codes; defaults to the pattern's `error_codes`. */
  code?: string[];
  /** Regex on the diagnostic's message. */
  message?: string;
  /** Regex on the primary span's label. */
  label?: string;
  /** Regex on any span's label; all matching spans are handed to the action (`matched` spans). */
  span_label?: string;
  /** Regex on `help:` children; each matching help is one alternative. */
  help?: string;
  /** Regex on `note:` children. */
  note?: string;
  /** Regex the diagnostic must match somewhere (message, span labels, notes), without capturing. */
  requires?: string;
  /** Regex a diagnostic must NOT match anywhere (message, labels, notes), to exclude look-alikes. */
  unless?: string;
  /** rustc suggestions to read facts from (e.g. an import path); each match is one alternative. */
  suggestion?: SuggestionMatcher;
  /** ISG conditions on the node at the primary span (checked only when a graph is available). */
  isg?: { kind?: NodeKind[] };
  /** Anti-patterns: a built-in text detector run over source files instead of diagnostics. */
  text_detector?: string;
}

/** Names of the built-in actions (src/core/patterns/actions.ts). */
export type ActionName =
  | 'insert_use'
  | 'add_bound'
  | 'add_move_to_closure'
  | 'add_mut_to_binding'
  | 'borrow_at_span'
  | 'clone_at_span'
  | 'to_owned_at_span'
  | 'into_at_span'
  | 'deref_at_span'
  | 'ref_binding'
  | 'missing_match_arms'
  | 'missing_struct_fields'
  | 'make_pub'
  | 'add_lifetime'
  | 'remove_semicolon'
  | 'replace_primary'
  | 'rename_declaration'
  | 'hoist_temporary'
  | 'insert_method_call'
  | 'append_method_call'
  | 'call_method'
  | 'remove_prefix'
  | 'remove_arguments'
  | 'remove_mut'
  | 'make_field_pub'
  | 'declare_generic'
  | 'add_derive'
  | 'mut_ref_binding'
  | 'add_return_type'
  | 'add_semicolon'
  | 'lifetime_on_param'
  | 'wrap_expr'
  | 'call_value'
  | 'char_to_str'
  | 'make_async'
  | 'replace_type'
  | 'add_rest_pattern'
  | 'clone_into_closure'
  | 'insert_before_try'
  | 'append_unit_tail'
  | 'convert_lossless'
  | 'remove_method_call'
  | 'map_lossless_before_call'
  | 'accessor_to_mut'
  | 'rename_shadowing_lifetime'
  // Ownership, trait-impl signatures and derives (2026-12-05).
  | 'borrow_receiver_at_definition'
  | 'remove_derive_trait'
  | 'add_receiver'
  | 'remove_receiver'
  | 'params_from_trait'
  | 'impl_generics_from_definition'
  | 'debug_placeholder'
  | 'remove_unused_impl_param'
  | 'hoist_borrowed_local'
  | 'inner_fn_to_closure'
  | 'add_lifetime_bound'
  | 'clone_at_note'
  | 'add_derive_covering'
  | 'fix_path_segment'
  | 'append_call'
  | 'wrap_call'
  | 'cast_to_method'
  | 'lazy_static'
  | 'empty_string_new'
  | 'owned_string_binding'
  | 'char_operand_to_str'
  | 'from_operand'
  | 'format_macro'
  | 'rename_call'
  | 'replace_method'
  | 'take_option_place';

/** The built-in action and its parameters (strings; `{{field.group}}` refers to detector captures). */
export interface PatternTemplate {
  /** A synchronous action (actions.ts) or a graph action (graph-actions.ts) that may edit another file. */
  action: ActionName | GraphActionName;
  params?: Record<string, string>;
}

/** One pattern, as loaded and validated from YAML. */
export interface Pattern {
  id: string;
  title: string;
  error_codes: string[];
  kind: PatternKind;
  /** For anti-patterns: how bad a finding is. */
  severity?: Severity;
  /**
   * For text anti-patterns: a fix must never add a hit (a model edit that does is refused; any other candidate that
   * does is at most amber). Existing hits are findings unless `report_existing` is false.
   */
  never_introduce?: boolean;
  /**
   * For anti-patterns: whether occurrences already in the code are findings (default true). `false` for constructs
   * that are normal in existing code and matter only when a fix adds them (with `never_introduce`).
   */
  report_existing?: boolean;
  confidence?: PatternConfidence;
  detector: PatternDetector;
  /** Required for `kind: fix`. */
  template?: PatternTemplate;
  rationale: string;
  example: { before: string; after: string };
  /** Fixture directory, relative to the package root (test/fixtures/patterns/<id>). */
  fixture: string;
}

/** A finding from an anti-pattern: advice, never an edit. */
export interface Finding {
  patternId: string;
  title: string;
  severity: Severity;
  file: string;
  /** 1-based line of the finding. */
  line: number;
  message: string;
  rationale: string;
}
