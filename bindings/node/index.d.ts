// Type declarations for guidelint's Node.js binding (index.js).

/** The C API version this binding is written against (GUIDELINT_ABI_VERSION). */
export declare const ABI_VERSION: 1;

/** The library's version, "1.2.3". Loads the library if it is not loaded yet. */
export declare function version(): string;

/** Where the shared library was loaded from, as given to the loader. Loads it if needed. */
export declare function libraryPath(): string;

/** A locale for messages. */
export type Locale = 'zh-Hans' | 'zh-Hant' | 'en';

/** An input format; the file name's extension chooses one when it is not given. */
export type InputFormat = 'xml' | 'html' | 'json' | 'text' | 'docx';

export type Severity = 'info' | 'warning' | 'error';

export interface LintFileOptions {
  /** Overrides the choice of format by the file name's extension. */
  inputFormat?: InputFormat | null;
  /** The date the rules treat as today, "YYYY-MM-DD"; today when left out. */
  asOf?: string | null;
  /** The locale of `message` and of the JSON report; "zh-Hans" when left out. */
  locale?: Locale | null;
  /** Also render guidelint's JSON report into `LintResult.json`. */
  json?: boolean;
}

export interface LintOptions extends LintFileOptions {
  /**
   * The file name: it chooses the format by its extension ("guide.xml") and appears in the
   * JSON report. Without a name or inputFormat, the format is recognised from the content.
   */
  name?: string | null;
}

/**
 * The State Council (or province's) decision a catalog finding rests on, as the catalog states
 * it; a field the catalog leaves out is "".
 */
export interface Citation {
  /** The catalog item, such as "设立水利旅游项目审批". */
  item: string;
  /** The decision's document number, such as "国发〔2015〕11号". */
  decision: string;
  decisionTitle: string;
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
  decisionDate: string;
  /** Where the entry can be checked. */
  source: string;
}

/**
 * One finding. Positions are null together when the finding has no place in the input (an
 * input whose format cannot be told, for example).
 *
 * Columns: `column`/`endColumn` count Unicode code points (as guidelint's text report does);
 * `columnUtf16`/`endColumnUtf16` count UTF-16 code units, as JavaScript strings and editors do
 * (Monaco, CodeMirror, VS Code and the Language Server Protocol): use those to place a marker in
 * an editor. They differ only on lines holding characters outside the Basic Multilingual Plane.
 * Lines and columns are 1-based and ends are exclusive. `offset`/`endOffset` are byte offsets in
 * the input as given (its UTF-8 when a string was linted), for slicing the Buffer.
 */
export interface Diagnostic {
  /** The rule: "required-element", "placeholder-content", "parse-error", … (the name every
   * binding uses; `ruleId` is the same). */
  rule: string;
  /** The same as `rule`. */
  ruleId: string;
  /** The message template's id, such as "required-element.missing". */
  messageId: string;
  /** The message in the locale asked for. */
  message: string;
  severity: Severity;
  /** The input could not be read, or not all of it: findings may be missing. */
  fatal: boolean;
  /** A person should look; counted in `summary.reviews`, not by severity. */
  needsReview: boolean;
  line: number | null;
  /** Code points; for editors use `columnUtf16`. */
  column: number | null;
  endLine: number | null;
  /** Code points, exclusive; for editors use `endColumnUtf16`. */
  endColumn: number | null;
  /** UTF-16 code units, 1-based: the column for JavaScript strings and editors. */
  columnUtf16: number | null;
  /** UTF-16 code units, 1-based, exclusive. */
  endColumnUtf16: number | null;
  /** Byte offset of the start in the input. */
  offset: number | null;
  /** Byte offset of the end (exclusive). */
  endOffset: number | null;
  /** The canonical element the finding is about ("legal_basis", "fees", …), or null (the name
   * every binding uses; `elementId` is the same). */
  element: string | null;
  /** The same as `element`. */
  elementId: string | null;
  /** Index of the guide in the input, or null for the input as a whole. */
  guide: number | null;
  /** For findings about catalog items (abolished, delegated, post-approval), else null. */
  citation: Citation | null;
}

export interface Summary {
  /** Guides found in the input. */
  guides: number;
  /** Findings at error severity, not counting those that need review. */
  errors: number;
  warnings: number;
  infos: number;
  /** Findings that need a person to look, whatever their severity. */
  reviews: number;
  /** The input could not be read as guides, or not all of it. */
  fatal: boolean;
}

export interface LintResult {
  summary: Summary;
  /** In report order: by position. */
  diagnostics: Diagnostic[];
  /** guidelint's JSON report (docs/output.md) when `json: true` was asked, else null. */
  json: string | null;
}

/**
 * A configured linter, immutable once made. Free it with close(); an Engine collected without
 * close() is freed by the garbage collector, some time later.
 */
export declare class Engine {
  /** The same as Engine.builtin(). */
  constructor();
  /** An engine with the built-in national rule pack. */
  static builtin(): Engine;
  /**
   * An engine from a config given as YAML text (the content of a .guidelint.yaml). Relative paths
   * in it resolve against `baseDir`, else the working folder. Throws ConfigError.
   */
  static fromYaml(yaml: string | Uint8Array, baseDir?: string | null): Engine;
  /** An engine from a config file (.guidelint.yaml). Throws ConfigError. */
  static fromFile(path: string): Engine;
  /**
   * Lints bytes (a string is linted as its UTF-8). `options` may be just the file name. An input
   * that cannot be parsed is not an exception: its result holds a fatal `parse-error` finding.
   * Throws ArgumentError for an unknown inputFormat or locale or a bad asOf, and TypeError for
   * arguments of the wrong type.
   */
  lint(data: Uint8Array | ArrayBuffer | string, options?: LintOptions | string): LintResult;
  /** Lints a file. Throws InputError when it cannot be read. */
  lintFile(path: string, options?: LintFileOptions): LintResult;
  /** Frees the engine. Closing again does nothing; any other use after it throws GuidelintError. */
  close(): void;
  /** Whether close() was called. */
  readonly closed: boolean;
}

/** Any failure reported by libguidelint, or by this binding about it. */
export declare class GuidelintError extends Error {
  /**
   * The guidelint_status of the failure (1 argument, 2 config, 3 io, 5 internal): the one the C
   * call returned, or ERROR_ARGUMENT for an argument refused before the call; null for the use of a
   * closed engine and for LibraryError.
   */
  readonly status: number | null;
  /** Its name ('ERROR_ARGUMENT', 'ERROR_CONFIG', 'ERROR_IO', …), or null. */
  readonly code: string | null;
}
/** The config has problems. */
export declare class ConfigError extends GuidelintError {
  /** One "name:line:column: message" per problem (name is "<config>" for YAML text). */
  readonly problems: string[];
}
/** An argument the library refused: an unknown input format or locale, a bad date, a NUL in a string. */
export declare class ArgumentError extends GuidelintError {}
/** A file could not be read. */
export declare class InputError extends GuidelintError {}
/** Out of memory, or a bug caught at the library's boundary. */
export declare class InternalError extends GuidelintError {}
/** libguidelint could not be found or loaded, or has another ABI version. */
export declare class LibraryError extends GuidelintError {}
