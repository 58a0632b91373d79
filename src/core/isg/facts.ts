/**
 * What the Rust parser extracts from one source file: items, `use` declarations and body facts (calls, typed locals,
 * macro invocations). Pure, JSON-serialisable data; the resolver turns the facts of all files into the ISG.
 * Bump FACTS_VERSION whenever the shape or meaning changes, so cached facts are re-parsed.
 */

export const FACTS_VERSION = 9;

/** Kinds of items the parser records (the ISG node kinds minus the synthetic `crate` and `feature`). */
export type ItemKind =
  | 'fn' | 'method' | 'struct' | 'enum' | 'union' | 'trait' | 'impl' | 'type' | 'const' | 'static' | 'macro' | 'mod';

/** The shape of a method-call receiver, as far as syntax tells. */
export type Receiver =
  | { kind: 'self' }
  | { kind: 'ident'; name: string }
  /** `self.field` (no base), or `base.field` */
  | { kind: 'field'; field: string; base?: Receiver }
  /** The result of a method call `base.method(..)`. */
  | { kind: 'mcall'; method: string; base: Receiver }
  /** `base[..]`: an element of a collection. */
  | { kind: 'index'; base: Receiver }
  /** An expression whose type is written in it: `Type::new(..)`, `Type { .. }`. */
  | { kind: 'typed'; path: string[] }
  /** The result of a path call `f(..)` / `a::f(..)` (optionally with `?`): typed by the callee's return type. */
  | { kind: 'call'; path: string[] }
  | { kind: 'other' };

/** One call inside a body: a path call (`a::b::f()`, `Type::f()`) or a method call (`recv.m()`). */
export interface CallFact {
  line: number;
  /** Path segments of a path call (generic arguments stripped). */
  path?: string[];
  /** Method name of a method call. */
  method?: string;
  recv?: Receiver;
  /** Path calls `Type::f(..)`: what syntax tells about each argument's type (`str`, `int`, `Foo`, `=local`, '' unknown). */
  args?: string[];
}

/** A trait named in a generic bound or where clause. */
export interface BoundTrait {
  /** The bounded parameter or type text (`T`, `Self`, `Vec<T>`). */
  param: string;
  /** The trait's path, generic arguments stripped. */
  path: string[];
  /** The whole predicate text, e.g. `T: Send + 'static`. */
  text: string;
}

/** One item of a file. Items inside function bodies are not recorded (their calls belong to the function). */
export interface ItemFact {
  kind: ItemKind;
  name: string;
  /** Inline modules enclosing the item inside this file, outermost first. */
  mods: string[];
  /** Index (in `items`) of the impl or trait block that contains this item. */
  parent?: number;
  /** First line, counting the item's outer attributes and doc comments. */
  line: number;
  endLine: number;
  /** Signature without body, whitespace-normalised. */
  signature: string;
  public: boolean;
  /** Cargo features named by the item's own `#[cfg(..)]` / `#[cfg_attr(..)]`. */
  features: string[];
  /** `#[derive(..)]` paths (also those inside `cfg_attr`). */
  derives: string[][];
  doc: string;
  /** Every generic bound / where predicate, e.g. `T: Send + 'static` (std traits included). */
  bounds: string[];
  boundTraits: BoundTrait[];
  /** Names of the item's generic type parameters. */
  generics: string[];
  /** Paths of types named in the signature or fields (generic arguments are separate entries). */
  typeRefs: string[][];
  calls: CallFact[];
  /** Local variables and parameters with a syntactically known type: name → type path. */
  locals: Record<string, string[]>;
  /** Macro invocations in the body: macro paths without the `!`. */
  macros: string[][];
  /** impl blocks: self type and trait, as written (whitespace-normalised) and as paths. */
  selfText?: string;
  selfPath?: string[];
  traitText?: string;
  traitPath?: string[];
  /** impl blocks: the last path segment of each type argument of the trait (`From<&str>` → `["str"]`). */
  traitArgs?: string[];
  /** mod items: true for `mod x;` (the module lives in another file); `#[path = ".."]` if given. */
  modFile?: boolean;
  pathAttr?: string;
  /** structs: named field → type path. */
  fields?: Record<string, string[]>;
  /** structs: fields holding a collection → the element type path (`Vec<T>` → T, a map → its value type). */
  fieldElems?: Record<string, string[]>;
  /** Parameters and typed lets holding a collection → the element type path. */
  localElems?: Record<string, string[]>;
  /** Loop and iterator-closure variables → the iterable they range over (null: bound to several things). */
  elemLocals?: Record<string, Receiver | null>;
  /** fn/method: the nominal return type (Option/Result/Box/... unwrapped to their first argument). */
  ret?: string[];
  /** Locals bound to the result of a path call: name → callee path (typed through the callee's `ret`); `['$recv', json]`
   * for a local bound to a field chain, index or method call (a Receiver as JSON). */
  callLocals?: Record<string, string[]>;
  /** macro_rules with `#[macro_export]`. */
  macroExport?: boolean;
  /** Predicates of the item's own `#[cfg(..)]` attributes (all must hold), e.g. `["unix", "feature = \"fs\""]`. */
  cfg?: string[];
}

/** One imported name of a `use` declaration (groups are flattened). */
export interface UseFact {
  /** Inline modules enclosing the `use`, outermost first. */
  mods: string[];
  /** Path segments as written (`crate`, `self`, `super` kept). */
  path: string[];
  alias?: string;
  glob: boolean;
  public: boolean;
  line: number;
  /** Predicates of the `use` declaration's `#[cfg(..)]` attributes. */
  cfg?: string[];
}

/** Everything the parser extracts from one file. */
export interface FileFacts {
  version: number;
  items: ItemFact[];
  uses: UseFact[];
  /** Lines (1-based) of tree-sitter ERROR / MISSING nodes; the rest of the file is still indexed. */
  syntaxErrors: number[];
  /** Features from inner `#![cfg(feature = "..")]` attributes at the top of the file. */
  fileFeatures: string[];
  /** Predicates of inner `#![cfg(..)]` attributes at the top of the file. */
  fileCfg?: string[];
  lines: number;
  /** Set when the parser itself failed on this file (the file then contributes no items). */
  parseError?: string;
}
