'use strict';
// guidelint for Node.js: the C API of libguidelint (include/guidelint/guidelint.h) through koffi.
//
// Everything a result holds is copied into plain JS objects before lint() returns, and the native
// result is freed there: nothing native outlives a call except the engine, which close() frees
// (or, as a fallback, the garbage collector).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** The C API version this binding is written against (GUIDELINT_ABI_VERSION). */
const ABI_VERSION = 1;

const STATUS = Object.freeze({
  OK: 0,
  ERROR_ARGUMENT: 1,
  ERROR_CONFIG: 2,
  ERROR_IO: 3,
  ERROR_RANGE: 4,
  ERROR_INTERNAL: 5,
});
const STATUS_NAMES = ['OK', 'ERROR_ARGUMENT', 'ERROR_CONFIG', 'ERROR_IO', 'ERROR_RANGE', 'ERROR_INTERNAL'];
const SEVERITIES = [undefined, 'info', 'warning', 'error'];

// ── Errors ──────────────────────────────────────────────────────────────────────────────────

/** Any failure reported by libguidelint, or by this binding about it. */
class GuidelintError extends Error {
  constructor(message, status = null) {
    super(message);
    this.name = new.target.name;
    /**
     * The guidelint_status of the failure (1–5): the one the C call returned, or for an argument
     * refused before the call, ERROR_ARGUMENT. Null for failures of no call (a closed engine).
     */
    this.status = status;
    /** Its name: 'ERROR_CONFIG', …, or null. */
    this.code = status === null ? null : (STATUS_NAMES[status] ?? `STATUS_${status}`);
  }
}
/** The config has problems; `problems` lists them, one "name:line:column: message" each. */
class ConfigError extends GuidelintError {
  constructor(message, status = STATUS.ERROR_CONFIG) {
    super(message, status);
    this.problems = message.split('\n').filter((line) => line !== '');
  }
}
/** An argument the library refused: an unknown input format or locale, a bad date, … */
class ArgumentError extends GuidelintError {}
/** A file could not be read. */
class InputError extends GuidelintError {}
/** Out of memory, or a bug caught at the library's boundary. */
class InternalError extends GuidelintError {}
/** The shared library could not be found or loaded, or is not the ABI this binding speaks. */
class LibraryError extends GuidelintError {}

function errorFor(status, message) {
  switch (status) {
    case STATUS.ERROR_ARGUMENT: return new ArgumentError(message, status);
    case STATUS.ERROR_CONFIG: return new ConfigError(message, status);
    case STATUS.ERROR_IO: return new InputError(message, status);
    default: return new InternalError(message, status);
  }
}

// ── The library ─────────────────────────────────────────────────────────────────────────────

function libraryFileName() {
  switch (process.platform) {
    case 'win32': return 'guidelint.dll';
    case 'darwin': return 'libguidelint.0.dylib';
    default: return 'libguidelint.so.0';
  }
}

// Where the library is looked for, in order: GUIDELINT_LIBRARY (alone, when set), a copy next to
// this file, then the system's own search (LD_LIBRARY_PATH, ld.so.cache, …) by its SONAME.
function libraryCandidates() {
  const fromEnv = process.env.GUIDELINT_LIBRARY;
  if (fromEnv) return [{ path: fromEnv, from: 'GUIDELINT_LIBRARY' }];
  const name = libraryFileName();
  const candidates = [];
  const beside = path.join(__dirname, name);
  if (fs.existsSync(beside)) candidates.push({ path: beside, from: 'next to the binding' });
  candidates.push({ path: name, from: "the system's library path" });
  return candidates;
}

let native = null;

function loadNative() {
  if (native !== null) return native;
  let koffi;
  try {
    koffi = require('koffi');
  } catch (e) {
    throw new LibraryError(`cannot load koffi, which guidelint needs: ${e.message}`);
  }
  let lib = null;
  let where = null;
  const failures = [];
  for (const candidate of libraryCandidates()) {
    try {
      lib = koffi.load(candidate.path);
      where = candidate;
      break;
    } catch (e) {
      failures.push(`${candidate.path} (${candidate.from}): ${e.message}`);
    }
  }
  if (lib === null) {
    throw new LibraryError(
      `cannot load libguidelint: ${failures.join('; ')}. ` +
        'Install libguidelint, or set GUIDELINT_LIBRARY to the path of libguidelint.so.0.');
  }

  // Anonymous types only: named koffi types are global, and another module (or another copy of
  // this one) may declare the same names.
  const Str = koffi.struct({ data: 'const void *', length: 'size_t' });
  const Summary = koffi.struct({
    guides: 'size_t',
    errors: 'size_t',
    warnings: 'size_t',
    infos: 'size_t',
    reviews: 'size_t',
    fatal: 'int',
  });
  const LintOptions = koffi.struct({
    struct_size: 'size_t',
    input_format: 'const char *',
    as_of: 'const char *',
  });
  const Diagnostic = koffi.struct({
    rule_id: Str,
    message_id: Str,
    message: Str,
    severity: 'int', // guidelint_severity
    fatal: 'int',
    needs_review: 'int',
    has_span: 'int',
    line: 'uint32_t',
    column: 'uint32_t',
    end_line: 'uint32_t',
    end_column: 'uint32_t',
    column_utf16: 'uint32_t',
    end_column_utf16: 'uint32_t',
    offset: 'uint32_t',
    end_offset: 'uint32_t',
    element_id: Str,
    guide: 'int',
    item: Str,
    decision: Str,
    decision_title: Str,
    decision_date: Str,
    source: Str,
  });
  const EngineT = koffi.pointer(koffi.opaque());
  const ResultT = koffi.pointer(koffi.opaque());
  const EngineOut = koffi.out(koffi.pointer(EngineT));
  const ResultOut = koffi.out(koffi.pointer(ResultT));

  let f;
  try {
    const fn = (name, ret, args) => lib.func(name, ret, args); // throws for a missing symbol
    f = {
      version: fn('guidelint_version', 'const char *', []),
      abiVersion: fn('guidelint_abi_version', 'int', []),
      lastError: fn('guidelint_last_error', 'const char *', []),
      engineNewDefault: fn('guidelint_engine_new_default', 'int', [EngineOut]),
      engineNewYaml: fn('guidelint_engine_new_yaml', 'int',
        ['const void *', 'size_t', 'const char *', EngineOut]),
      engineNewFile: fn('guidelint_engine_new_file', 'int', ['const char *', EngineOut]),
      engineFree: fn('guidelint_engine_free', 'void', [EngineT]),
      lintBuffer: fn('guidelint_lint_buffer', 'int',
        [EngineT, 'const void *', 'size_t', 'const char *', koffi.pointer(LintOptions), ResultOut]),
      lintFile: fn('guidelint_lint_file', 'int',
        [EngineT, 'const char *', koffi.pointer(LintOptions), ResultOut]),
      resultFree: fn('guidelint_result_free', 'void', [ResultT]),
      resultSummary: fn('guidelint_result_summary', 'int', [ResultT, koffi.out(koffi.pointer(Summary))]),
      resultCount: fn('guidelint_result_count', 'size_t', [ResultT]),
      // Filled into a buffer of koffi.sizeof(Diagnostic) bytes: see diagnosticReader().
      resultDiagnostic: fn('guidelint_result_diagnostic', 'int',
        [ResultT, 'size_t', 'const char *', koffi.pointer(Diagnostic)]),
      resultJson: fn('guidelint_result_json', 'int', [ResultT, 'const char *', koffi.out(koffi.pointer(Str))]),
    };
  } catch (e) {
    throw new LibraryError(`${where.path} is not a usable libguidelint: ${e.message}`);
  }
  const abi = f.abiVersion();
  if (abi !== ABI_VERSION) {
    throw new LibraryError(
      `${where.path} has C API (ABI) version ${abi}, but this binding speaks version ${ABI_VERSION}: ` +
        'install the libguidelint this binding was made for, or a binding for that library.');
  }

  native = {
    koffi,
    f,
    path: where.path,
    lintOptionsSize: koffi.sizeof(LintOptions),
    sizes: {
      string: koffi.sizeof(Str),
      summary: koffi.sizeof(Summary),
      lintOptions: koffi.sizeof(LintOptions),
      diagnostic: koffi.sizeof(Diagnostic),
    },
    diagnostic: diagnosticReader(koffi, Diagnostic, Str),
    // Frees engines whose Engine object was collected without close().
    registry: new FinalizationRegistry((handle) => f.engineFree(handle)),
  };
  return native;
}

// A guidelint_diagnostic is read straight from a buffer the library fills, at the offsets koffi
// computes from the struct definition: having koffi convert it into an object, nine nested
// strings included, costs several times more, and a result may hold thousands of findings.
function diagnosticReader(koffi, Diagnostic, Str) {
  const buffer = Buffer.alloc(koffi.sizeof(Diagnostic));
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const le = os.endianness() === 'LE';
  const pointerSize = koffi.sizeof('void *');
  const sizeSize = koffi.sizeof('size_t');
  const word = (offset, size) =>
    size === 8 ? view.getBigUint64(offset, le) : BigInt(view.getUint32(offset, le));
  const dataAt = koffi.offsetof(Str, 'data');
  const lengthAt = koffi.offsetof(Str, 'length');
  const at = (field) => koffi.offsetof(Diagnostic, field);
  const string = (field) => {
    const offset = at(field);
    return () => {
      const length = Number(word(offset + lengthAt, sizeSize));
      return length === 0 ? '' : koffi.decode.string(word(offset + dataAt, pointerSize), length);
    };
  };
  const int = (field) => {
    const offset = at(field);
    return () => view.getInt32(offset, le);
  };
  const uint32 = (field) => {
    const offset = at(field);
    return () => view.getUint32(offset, le);
  };
  const read = {};
  for (const field of ['rule_id', 'message_id', 'message', 'element_id', 'item', 'decision',
    'decision_title', 'decision_date', 'source']) read[field] = string(field);
  for (const field of ['severity', 'fatal', 'needs_review', 'has_span', 'guide']) read[field] = int(field);
  for (const field of ['line', 'column', 'end_line', 'end_column', 'column_utf16', 'end_column_utf16',
    'offset', 'end_offset']) read[field] = uint32(field);
  return { buffer, read };
}

// Throws the error for a failed call, with the message the library left for this thread. koffi
// calls are synchronous on the calling JS thread, so nothing can fail in between.
function check(n, status) {
  if (status === STATUS.OK) return;
  throw errorFor(status, n.f.lastError() || `guidelint call failed with status ${status}`);
}

// A guidelint_string as a JS string: UTF-8 of exactly `length` bytes (it may hold NULs).
function decodeString(n, s) {
  const length = Number(s.length);
  if (length === 0) return '';
  return n.koffi.decode.string(s.data, length);
}

// ── Arguments ───────────────────────────────────────────────────────────────────────────────

const LINT_OPTIONS = new Set(['name', 'inputFormat', 'asOf', 'locale', 'json']);

function cString(value, what) {
  if (typeof value !== 'string') {
    throw new TypeError(`${what} must be a string, not ${describe(value)}`);
  }
  if (value.includes('\0')) {
    throw new ArgumentError(`${what} must not contain a NUL character`, STATUS.ERROR_ARGUMENT);
  }
  return value;
}

function optionalCString(value, what) {
  return value === undefined || value === null ? null : cString(value, what);
}

function describe(value) {
  if (value === null) return 'null';
  if (typeof value === 'object') return value.constructor ? `a ${value.constructor.name}` : 'an object';
  return `a ${typeof value}`;
}

function bytesOf(data) {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof Uint8Array) return data; // Buffer included
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError(`data must be a Buffer, a Uint8Array, an ArrayBuffer or a string, not ${describe(data)}`);
}

function normalizeOptions(options, forFile) {
  if (options === undefined || options === null) options = {};
  else if (typeof options === 'string' && !forFile) options = { name: options };
  else if (typeof options !== 'object') {
    throw new TypeError(`options must be an object${forFile ? '' : ' or a file name'}, not ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (forFile && key === 'name') {
      throw new TypeError('lintFile() takes no name option: the path is the name');
    }
    if (!LINT_OPTIONS.has(key)) {
      throw new TypeError(`unknown lint option "${key}" (known: ${[...LINT_OPTIONS].join(', ')})`);
    }
  }
  const json = options.json ?? false;
  if (typeof json !== 'boolean') throw new TypeError(`options.json must be a boolean, not ${describe(json)}`);
  return {
    name: optionalCString(options.name, 'options.name'),
    inputFormat: optionalCString(options.inputFormat, 'options.inputFormat'),
    asOf: optionalCString(options.asOf, 'options.asOf'),
    // Checked by the library (an unknown one is an ArgumentError); NULL means zh-Hans.
    locale: optionalCString(options.locale, 'options.locale') ?? 'zh-Hans',
    json,
  };
}

// ── Results ─────────────────────────────────────────────────────────────────────────────────

// The diagnostic the library last wrote into n.diagnostic.buffer, as a plain object.
function readDiagnostic(d) {
  const severity = SEVERITIES[d.severity()];
  if (severity === undefined) {
    throw new InternalError(`libguidelint returned an unknown severity ${d.severity()}`);
  }
  const span = d.has_span() !== 0;
  const guide = d.guide();
  const elementId = d.element_id();
  const item = d.item();
  const decision = d.decision();
  const decisionTitle = d.decision_title();
  const decisionDate = d.decision_date();
  const source = d.source();
  const cited = item !== '' || decision !== '' || decisionTitle !== '' || decisionDate !== '' || source !== '';
  const ruleId = d.rule_id();
  const element = elementId === '' ? null : elementId;
  return {
    // `rule` and `element`: the names every binding shares (Python, Java, Node).
    rule: ruleId,
    ruleId,
    messageId: d.message_id(),
    message: d.message(),
    severity,
    fatal: d.fatal() !== 0,
    needsReview: d.needs_review() !== 0,
    line: span ? d.line() : null,
    column: span ? d.column() : null,
    endLine: span ? d.end_line() : null,
    endColumn: span ? d.end_column() : null,
    columnUtf16: span ? d.column_utf16() : null,
    endColumnUtf16: span ? d.end_column_utf16() : null,
    offset: span ? d.offset() : null,
    endOffset: span ? d.end_offset() : null,
    element,
    elementId: element,
    guide: guide < 0 ? null : guide,
    citation: cited ? { item, decision, decisionTitle, decisionDate, source } : null,
  };
}

// Copies everything out of a native result, then frees it, whatever happens.
function takeResult(n, result, options) {
  try {
    const s = {};
    check(n, n.f.resultSummary(result, s));
    const summary = {
      guides: Number(s.guides),
      errors: Number(s.errors),
      warnings: Number(s.warnings),
      infos: Number(s.infos),
      reviews: Number(s.reviews),
      fatal: s.fatal !== 0,
    };
    const count = Number(n.f.resultCount(result));
    const diagnostics = new Array(count);
    const { buffer, read } = n.diagnostic;
    for (let i = 0; i < count; i++) {
      check(n, n.f.resultDiagnostic(result, i, options.locale, buffer));
      diagnostics[i] = readDiagnostic(read);
    }
    let json = null;
    if (options.json) {
      const out = {};
      check(n, n.f.resultJson(result, options.locale, out));
      json = decodeString(n, out);
    }
    return { summary, diagnostics, json };
  } finally {
    n.f.resultFree(result);
  }
}

// ── Engines ─────────────────────────────────────────────────────────────────────────────────

const CREATE = Symbol('guidelint.create');

/**
 * A configured linter. Immutable once made; close() frees it (an Engine that is garbage
 * collected unclosed is freed too, later).
 */
class Engine {
  #handle = null;

  /** `new Engine()` is Engine.builtin(). */
  constructor(...args) {
    const n = loadNative();
    let handle;
    if (args[0] === CREATE) {
      handle = args[1];
    } else {
      if (args.length !== 0) {
        throw new TypeError('new Engine() takes no argument: use Engine.fromYaml() or Engine.fromFile() for a config');
      }
      const out = [null];
      check(n, n.f.engineNewDefault(out));
      handle = out[0];
    }
    if (handle === null || handle === undefined) throw new InternalError('libguidelint returned no engine');
    this.#handle = handle;
    n.registry.register(this, handle, this);
  }

  /** An engine with the built-in national rule pack. */
  static builtin() {
    return new Engine();
  }

  /**
   * An engine from a config given as YAML text (a .guidelint.yaml's content). Relative paths in
   * it (catalogs, …) resolve against baseDir, else the working folder.
   */
  static fromYaml(yaml, baseDir) {
    const n = loadNative();
    let bytes;
    if (typeof yaml === 'string') bytes = Buffer.from(yaml, 'utf8');
    else if (yaml instanceof Uint8Array) bytes = yaml;
    else throw new TypeError(`yaml must be a string or a Buffer, not ${describe(yaml)}`);
    const base = baseDir === undefined || baseDir === null ? null : cString(baseDir, 'baseDir');
    const out = [null];
    check(n, n.f.engineNewYaml(bytes, bytes.length, base, out));
    return new Engine(CREATE, out[0]);
  }

  /** An engine from a config file (.guidelint.yaml). */
  static fromFile(file) {
    const n = loadNative();
    const out = [null];
    check(n, n.f.engineNewFile(cString(file, 'path'), out));
    return new Engine(CREATE, out[0]);
  }

  #live(what) {
    if (this.#handle === null) {
      throw new GuidelintError(`Engine.${what}(): this engine has been closed`);
    }
    return this.#handle;
  }

  /**
   * Lints bytes (a string is linted as its UTF-8). `options` is an object, or just the file name
   * (used to choose the format by its extension, and in messages).
   */
  lint(data, options) {
    const handle = this.#live('lint');
    const n = native;
    const bytes = bytesOf(data);
    const o = normalizeOptions(options, false);
    const out = [null];
    check(n, n.f.lintBuffer(handle, bytes, bytes.length, o.name, lintOptionsStruct(n, o), out));
    return takeResult(n, out[0], o);
  }

  /** Lints a file; a file that cannot be read throws InputError. */
  lintFile(file, options) {
    const handle = this.#live('lintFile');
    const n = native;
    const p = cString(file, 'path');
    const o = normalizeOptions(options, true);
    const out = [null];
    check(n, n.f.lintFile(handle, p, lintOptionsStruct(n, o), out));
    return takeResult(n, out[0], o);
  }

  /** Frees the engine. Closing again does nothing; any other use after it throws. */
  close() {
    const handle = this.#handle;
    if (handle === null) return;
    this.#handle = null;
    native.registry.unregister(this);
    native.f.engineFree(handle);
  }

  /** Whether close() was called. */
  get closed() {
    return this.#handle === null;
  }
}

function lintOptionsStruct(n, o) {
  return { struct_size: n.lintOptionsSize, input_format: o.inputFormat, as_of: o.asOf };
}

/** The library's version, "1.2.3". */
function version() {
  return loadNative().f.version();
}

/** Where the shared library was loaded from (as given to the loader), loading it if needed. */
function libraryPath() {
  return loadNative().path;
}

module.exports = {
  Engine,
  GuidelintError,
  ConfigError,
  ArgumentError,
  InputError,
  InternalError,
  LibraryError,
  ABI_VERSION,
  version,
  libraryPath,
};
// For the tests: the sizes koffi gives the C structs (they must equal the C compiler's).
Object.defineProperty(module.exports, '_structSizes', {
  enumerable: false,
  value: () => ({ ...loadNative().sizes }),
});
