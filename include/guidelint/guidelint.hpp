// guidelint — checks government service guides (办事指南) before they are published.
//
// The C++ API. One pipeline turns the bytes of an input into findings:
//
//   Source ─► decode ─► parse ─► resolve ─► check ─► report
//
// Build an Engine once from a config (it is immutable and safe to share between threads), then
// call Engine::lint for each input. Problems with inputs or configs are never thrown: they come
// back as Diagnostics with a file, line and column, like any other finding.
//
//   auto built = guidelint::Engine::builtin();             // the national pack
//   auto source = std::make_shared<guidelint::Source>("a.xml", bytes);
//   guidelint::FileResult result = built.engine->lint(source, {});
//   for (const auto& d : result.diagnostics) ...
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#if defined(_WIN32)
#define GUIDELINT_API
#else
#define GUIDELINT_API __attribute__((visibility("default")))
#endif

namespace guidelint {

/// The library's version, "MAJOR.MINOR.PATCH".
GUIDELINT_API std::string_view version();

// ── Severities and dates ─────────────────────────────────────────────────────────────────────

enum class Severity : std::uint8_t { off, info, warning, error };

/// "off", "info", "warning", "error".
GUIDELINT_API std::string_view to_string(Severity severity);
/// Parses one of the names above; nullopt for anything else.
GUIDELINT_API std::optional<Severity> parse_severity(std::string_view name);

/// A calendar date, as rules compare them (decisions in force, content age).
struct GUIDELINT_API Date {
  int year = 0;
  int month = 0;
  int day = 0;

  /// Parses YYYY-MM-DD (a real calendar date); nullopt otherwise.
  static std::optional<Date> parse(std::string_view text);
  /// Today in the local time zone.
  static Date today();
  std::string to_string() const;
  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// ── Sources and positions ────────────────────────────────────────────────────────────────────

/// A half-open byte range [begin, end) in a Source's UTF-8 text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

/// A place in an input, counted the ways editors count it.
struct Position {
  std::uint32_t offset = 0;        ///< byte offset in the original input
  std::uint32_t line = 0;          ///< 1-based
  std::uint32_t column = 0;        ///< 1-based, in Unicode code points
  std::uint32_t column_utf16 = 0;  ///< 1-based, in UTF-16 code units (Java, JavaScript)
  friend bool operator==(const Position&, const Position&) = default;
};

/// The bytes of one input (a file, stdin, a buffer handed in by an application) and what is
/// needed to turn any offset into a line and column. Decoding happens once, at construction:
/// a byte order mark, else the encoding the markup declares (<?xml encoding>, <meta charset>),
/// else UTF-8 when the bytes are valid UTF-8, else ICU's detector choosing between GB18030 and
/// Big5. text() is UTF-8 whatever the input was; spans are offsets into text(), and position()
/// reports them as places in the original bytes.
class GUIDELINT_API Source {
 public:
  /// A decoding problem: where and what.
  struct DecodeError {
    std::uint32_t offset = 0;  ///< offset into text() of the first byte that could not be read
    std::string message_id;    ///< e.g. "input.invalid-utf8"
    std::string detail;        ///< e.g. the offending byte as "0xB0"
    std::string encoding;      ///< the encoding the input was read as
  };

  Source(std::string name, std::string bytes);

  /// The name used in messages and for choosing the input format (a path or a label).
  const std::string& name() const { return name_; }
  /// The input's text as UTF-8 (a byte order mark removed). When the input could not be decoded
  /// this is the bytes themselves, so that positions can still be given.
  std::string_view text() const;
  /// The encoding the input was read as: "UTF-8", "GB18030", "Big5", "UTF-16LE", …
  const std::string& encoding() const { return encoding_; }
  /// The input exactly as read.
  std::string_view bytes() const { return bytes_; }
  /// Set when the input is not valid in its encoding; parsers do not run on such input.
  const std::optional<DecodeError>& decode_error() const { return decode_error_; }

  /// The place of a text() offset (clamped to the text's size).
  Position position(std::uint32_t offset) const;
  /// Number of lines (an empty input has one, empty, line).
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  /// The text of a 1-based line, without its line break.
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::uint32_t original_offset(std::uint32_t text_offset) const;

  std::string name_;
  std::string bytes_;
  std::string encoding_ = "UTF-8";
  std::string transcoded_;             // the text, when the input was not UTF-8
  std::vector<std::uint32_t> origin_;  // transcoded_ byte -> offset in bytes_ (one extra, the end)
  std::uint32_t text_begin_ = 0;       // bytes skipped before UTF-8 text (a byte order mark)
  std::vector<std::uint32_t> line_starts_;
  // Known columns every KiB or so along long lines (minified exports are one line), so that a
  // position costs a short scan wherever it is. Made on the first position asked for: most
  // inputs have no finding on a long line, and many are never asked for a position at all.
  struct ColumnMark {
    std::uint32_t offset;
    std::uint32_t column;
    std::uint32_t column_utf16;
  };
  void mark_columns() const;
  // Not a std::once_flag: glibc's call_once makes a system call on every first call, once per
  // input, which a run over many files pays for nothing.
  mutable std::atomic<bool> marked_{false};
  mutable std::mutex marking_;
  mutable std::vector<ColumnMark> column_marks_;
  std::optional<DecodeError> decode_error_;
};

// ── The guide model ──────────────────────────────────────────────────────────────────────────

/// Where a stretch of an Element's text came from. The piece covers text [text, the next
/// piece's text) and came from Source bytes [source, source_end): byte for byte when `exact`,
/// as a whole otherwise (an escape such as `&amp;`, a line break joined in between list items).
struct TextPiece {
  std::uint32_t text = 0;
  std::uint32_t source = 0;
  std::uint32_t source_end = 0;
  /// Copied byte for byte; otherwise the piece stands for its source as a whole.
  bool exact = true;
};

/// One entry of a list element (a material, a step, a law): a range of the element's text.
struct Item {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// A hyperlink inside an element: its target and the range of its text in the element's text.
struct Link {
  std::string url;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// One element of a guide: "设定依据：《中华人民共和国行政许可法》…".
struct GUIDELINT_API Element {
  std::string id;     ///< canonical id from the profile ("legal_basis"); empty when unknown
  std::string key;    ///< the format's own name for it (an XML tag, a JSON field)
  std::string label;  ///< the label as shown to the public; empty when the input has none
  std::string text;   ///< the value, whitespace-trimmed, markup removed, escapes decoded
  Span span;          ///< the whole element in the Source
  Span label_span;    ///< the label; empty when there is none
  std::vector<TextPiece> pieces;  ///< maps text offsets to Source offsets; sorted by text
  std::vector<Item> items;        ///< list entries, for list elements
  std::vector<Link> links;

  /// True when the value has nothing but whitespace.
  bool blank() const;
  /// The Source span of text [begin, end).
  Span source_span(std::uint32_t begin, std::uint32_t end) const;
  /// The Source span of the whole value; the element's span when the value is empty.
  Span value_span() const;
  std::string_view item_text(const Item& item) const;
};

/// One service guide: the item and its elements, in input order.
struct GUIDELINT_API Guide {
  std::string name;                  ///< the item's name (事项名称), when known
  std::string code;                  ///< the item's code (事项编码), when known
  std::string department;            ///< the implementing department, when the input says
  std::string region;                ///< the region, when the input says
  std::string updated;               ///< the date the guide was last updated, as written
  std::optional<Span> updated_span;  ///< where that date is written, when the input says
  Span span;  ///< where the guide starts in the Source (its root's start tag)
  std::vector<Element> elements;

  /// The first element with this canonical id, or nullptr.
  const Element* find(std::string_view id) const;
};

// ── Findings ─────────────────────────────────────────────────────────────────────────────────

/// A named argument of a message template.
struct Arg {
  std::string name;
  std::variant<std::string, std::int64_t> value;
};

/// One finding. Rules emit a message id and arguments; the text is rendered for a locale by
/// render_message, never stored, so every output can be localized.
struct GUIDELINT_API Diagnostic {
  std::string rule_id;  ///< "required-element", "parse-error", …
  Severity severity = Severity::error;
  std::string message_id;  ///< key of the message template, e.g. "required-element.missing"
  std::vector<Arg> args;
  std::optional<Span> span;  ///< none when the finding has no place (a file that cannot be read)
  std::string element_id;    ///< the canonical element concerned, if any
  int guide = -1;            ///< index into FileResult::guides; -1 for the file as a whole
  bool fatal = false;        ///< the input (or config) could not be read, or not all of it
  /// The rule cannot tell whether this is a defect (wording that can be legitimate, such as
  /// 其他材料 after a full list): a person should look. Such findings keep their severity for
  /// reference but are counted apart and never fail a run, as axe-core keeps "incomplete" results
  /// apart from violations.
  bool needs_review = false;
};

/// Everything known about one input after linting it (or about one config file after loading).
struct GUIDELINT_API FileResult {
  std::shared_ptr<const Source> source;
  std::vector<Guide> guides;
  std::vector<Diagnostic> diagnostics;  ///< in order of position

  bool fatal() const;
  /// Findings of this severity, not counting those that need review.
  std::size_t count(Severity severity) const;
  /// Findings that need review, whatever their severity.
  std::size_t reviews() const;
};

/// The message of a diagnostic in a locale: "zh-Hans" (default), "zh-Hant" or "en"; unknown
/// locales fall back to zh-Hans, and unknown message ids to the id itself.
GUIDELINT_API std::string render_message(const Diagnostic& diagnostic,
                                         std::string_view locale = "zh-Hans");

/// The message locale the environment asks for (LC_ALL, then LC_MESSAGES, then LANG): zh-Hant for
/// zh_TW, zh_HK and zh_MO, en for English, zh-Hans otherwise.
GUIDELINT_API std::string locale_from_environment();

// ── Engines ──────────────────────────────────────────────────────────────────────────────────

/// What a rule instance is, for listings and reports.
struct RuleInfo {
  std::string id;    ///< "required-element"
  std::string type;  ///< the rule type it instantiates
  Severity severity = Severity::error;
  std::string description;  ///< one line, zh-Hans
};

struct LintOptions {
  /// The date rules treat as today (decisions in force, content age); unset means today.
  std::optional<Date> as_of;
  /// Input format ("xml", …); empty to choose by the Source's name.
  std::string input_format;
};

class Engine;

/// An engine, or the diagnostics of every config file that prevented building it.
struct EngineResult {
  std::shared_ptr<const Engine> engine;
  std::vector<FileResult> problems;
};

/// Rule severities given on the command line (--rule id=severity): applied after every config
/// layer and every override, so they win. Severities as in configs: off, info, warning, error.
using RuleFlags = std::vector<std::pair<std::string, std::string>>;

/// A compiled config: profile, rule instances, messages. Immutable once built; lint() may be
/// called from many threads at once.
class GUIDELINT_API Engine {
 public:
  /// The built-in pack of that name ("national").
  static EngineResult builtin(std::string_view pack = "national", const RuleFlags& flags = {});
  /// A config file (.guidelint.yaml). Relative paths inside it resolve against its folder.
  static EngineResult from_file(const std::filesystem::path& config, const RuleFlags& flags = {});
  /// A config given as YAML text; `name` is used in messages, `base_dir` for relative paths.
  static EngineResult from_yaml(std::string_view yaml, std::string name,
                                const std::filesystem::path& base_dir);

  FileResult lint(std::shared_ptr<const Source> source, const LintOptions& options) const;
  /// The largest input lint() reads (the config's limits: input_bytes); a larger one gets an
  /// "input.too-large" error. Readers can stop reading past it.
  std::uint64_t max_input_bytes() const;

  /// The enabled rule instances, sorted by id.
  const std::vector<RuleInfo>& rules() const;
  /// What applies to a file of this name, as YAML: the config files read, the profile, the
  /// catalogs, and every enabled rule with its type, severity and options after `overrides:`
  /// and command-line flags (--print-config).
  std::string effective_config(std::string_view file) const;
  /// The input formats this engine reads and the file extensions that select them.
  static std::vector<std::pair<std::string, std::vector<std::string>>> input_formats();

  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

 private:
  struct Impl;
  friend struct EngineAccess;
  explicit Engine(std::unique_ptr<const Impl> impl);
  std::unique_ptr<const Impl> impl_;
};

/// The config file governing `dir`: the nearest .guidelint.yaml (or .guidelint.yml) in it or
/// any parent folder; nullopt when there is none.
GUIDELINT_API std::optional<std::filesystem::path> find_config(const std::filesystem::path& dir);

// ── Linting files ────────────────────────────────────────────────────────────────────────────

struct LinterOptions {
  /// Use this config for every file instead of searching for .guidelint.yaml.
  std::optional<std::filesystem::path> config;
  LintOptions lint;
  /// Read .guidelintignore files (gitignore syntax) in the folders walked and above them.
  bool ignore_files = true;
  /// More patterns in the same syntax, relative to the working folder (--ignore-pattern).
  std::vector<std::string> ignore_patterns;
  /// Rule severities from the command line, over every config (--rule).
  RuleFlags rule_flags;
  /// Files never linted whatever the ignore settings, such as the run's baseline file.
  std::vector<std::filesystem::path> exclude_files;
  /// Files linted at once by lint_files (0: one per core).
  unsigned jobs = 1;
};

/// Lints files and folders the way the CLI does: each file with the config that governs it
/// (one Engine per config, built once and shared), folders walked recursively for known
/// extensions in sorted order. Safe to use from many threads.
class GUIDELINT_API Linter {
 public:
  explicit Linter(LinterOptions options);
  ~Linter();
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  /// The files a run over these paths lints, in order. Paths that do not exist or cannot be
  /// read are kept, so that linting them reports the problem. Folders are walked leaving out
  /// what ignore files and patterns name; paths given that they name go to `ignored`.
  std::vector<std::filesystem::path> collect(
      const std::vector<std::filesystem::path>& paths,
      std::vector<std::filesystem::path>* ignored = nullptr) const;

  /// Lints one file. The results of a config's problems come first, the first time a file
  /// governed by that config is linted; the input's own result is last.
  std::vector<FileResult> lint_file(const std::filesystem::path& file) const;

  /// The engine for a file at this path (which need not exist): built from the config that
  /// governs it, with the options' rule flags; its problems when it could not be built.
  EngineResult engine_for(const std::filesystem::path& file) const;

  /// Lints bytes read elsewhere (stdin), with the config that would govern `name`.
  std::vector<FileResult> lint_source(std::shared_ptr<const Source> source) const;

  /// Lints files on `options.jobs` threads, the calling thread one of them, and hands each
  /// file's results to `emit` on the calling thread, in the order of `files`, as soon as they and
  /// all before them are done (between two files the calling thread lints).
  /// Only a few files' results wait at any time, so memory does not grow with the run.
  void lint_files(const std::vector<std::filesystem::path>& files,
                  const std::function<void(std::vector<FileResult>&&)>& emit) const;
  /// The same for files and folders as collect() finds them, walking the tree as the files are
  /// linted: memory does not grow with the number of files either.
  void lint_paths(const std::vector<std::filesystem::path>& paths,
                  const std::function<void(std::vector<FileResult>&&)>& emit,
                  std::vector<std::filesystem::path>* ignored = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// ── Rule pages ──────────────────────────────────────────────────────────────────────────────

/// The documentation page of a rule or rule type (docs/rules/<id>.md, built into the library),
/// as Markdown; nullopt when there is none.
GUIDELINT_API std::optional<std::string> rule_doc(std::string_view id);
/// The cells UTF-8 text takes in a terminal: two for East Asian wide and fullwidth characters,
/// none for combining marks, one otherwise.
GUIDELINT_API std::size_t display_width(std::string_view utf8);
/// Markdown rendered for a terminal: headings, lists, code and links made plain text, in ANSI
/// colour when `color`.
GUIDELINT_API std::string render_markdown(std::string_view markdown, bool color);

// ── Baselines ───────────────────────────────────────────────────────────────────────────────

/// Findings accepted as they are, so that a run reports only new ones (docs/baseline.md). Each
/// entry is keyed by the guide's identity (its item code, else its file and item name), the
/// rule and a hash of the text the finding points at, never by line: CMS records have none
/// that last. An entry counts how many such findings it accepts.
class GUIDELINT_API Baseline {
 public:
  /// An empty baseline whose file paths are relative to `base_dir`.
  explicit Baseline(std::filesystem::path base_dir);
  /// Reads a baseline file. On failure returns nullopt and sets `error` to a message naming the
  /// file, and the line and column where the file could be read no further.
  static std::optional<Baseline> load(const std::filesystem::path& file, std::string* error);

  /// Adds every finding of the result that can be accepted (not fatal ones: a file that could
  /// not be read is never accepted).
  void record(const FileResult& result);
  /// Removes from the result the findings the baseline accepts, using up their counts, and
  /// returns how many it removed.
  std::size_t filter(FileResult& result);
  /// Keeps only what filter() used: entries no finding matched go, counts shrink to what was
  /// seen. For --baseline-prune after a run.
  void prune();
  /// Writes the baseline as JSON, entries sorted, so that it diffs well under version control.
  bool save(const std::filesystem::path& file, std::string* error) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Count {
    std::size_t accepted = 0;
    std::size_t used = 0;
  };
  std::string key(const FileResult& result, const Diagnostic& d) const;

  std::filesystem::path base_dir_;
  std::map<std::string, Count> entries_;  // guide, rule and hash, NUL-separated
};

// ── Reports ──────────────────────────────────────────────────────────────────────────────────

struct Summary {
  std::size_t files = 0;
  std::size_t guides = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t reviews = 0;  ///< findings that need review (not counted as errors or warnings)
  std::size_t fatal = 0;    ///< inputs and configs that could not be read at all

  void add(const FileResult& result);
};

struct FormatOptions {
  std::string locale = "zh-Hans";
  /// ANSI colours in the text format. The command sets it for a terminal (--color, NO_COLOR).
  bool color = false;
  /// What formats that describe their rules (sarif) say of each rule reported: its type,
  /// default severity and description. Empty: the rules of the built-in pack. A rule reported
  /// but not listed is described from what is built in about it, or by its id alone.
  std::vector<RuleInfo> rules;
};

/// Writes results in one output format as they arrive, so a run over a large tree holds one
/// file's results at a time.
class GUIDELINT_API Formatter {
 public:
  virtual ~Formatter();
  virtual void begin() {}
  virtual void file(const FileResult& result) = 0;
  virtual void end(const Summary& summary) = 0;
};

/// The output formats by name: "text", "json", "sarif", "junit", "checkstyle", "github",
/// "rdjson" (docs/output.md).
GUIDELINT_API std::vector<std::string> formatter_names();
/// A formatter writing to `out`; nullptr for an unknown name.
GUIDELINT_API std::unique_ptr<Formatter> make_formatter(std::string_view name, std::ostream& out,
                                                        const FormatOptions& options);

// ── Catalog import ───────────────────────────────────────────────────────────────────────────

/// What `guidelint catalog import` writes into every entry it reads from an annex table.
/// Empty strings are left out of the entries.
struct CatalogImportOptions {
  std::string decision;      ///< the decision's number (文号): "国发〔2015〕11号"
  std::string date;          ///< the decision's date: YYYY-MM-DD, YYYY-MM or YYYY
  std::string title;         ///< the decision's title; also the catalog's title when set
  std::string source;        ///< where the table was published (a URL)
  std::string input_format;  ///< "html" or "csv"; empty: by the name's extension, else content
};

/// A catalog read from an annex table, and what could not be read.
struct CatalogImportResult {
  /// The catalog as YAML, in the layout of rules/catalogs/*.yaml (loadable with `catalogs:`);
  /// empty when the input could not be read or holds no annex table (report.fatal()).
  std::string yaml;
  std::size_t entries = 0;   ///< rows written as entries
  std::size_t left_out = 0;  ///< rows reported as unreadable and not written
  /// Findings with positions in the input, rule id "catalog-import": rows left out (errors),
  /// rows read as sub-headings (infos), and fatal problems (undecodable input, no table).
  FileResult report;
};

/// Reads the annex tables of a State Council decision (取消/下放行政审批项目的决定) from an HTML
/// page or a CSV file into a catalog. Tables are found by a header row with 序号 and 项目名称
/// (or 事项名称 …); each row's action comes from its 处理决定 cell, else from its annex's title.
/// Rows that cannot be read safely are reported, never guessed. See docs/catalog-import.md.
GUIDELINT_API CatalogImportResult import_catalog(std::shared_ptr<const Source> source,
                                                 const CatalogImportOptions& options);
/// The same for a file; a file that does not exist or cannot be read is a fatal finding.
GUIDELINT_API CatalogImportResult import_catalog(const std::filesystem::path& file,
                                                 const CatalogImportOptions& options);

/// True for the dates a catalog entry may have: YYYY-MM-DD (a real date), YYYY-MM or YYYY.
GUIDELINT_API bool valid_catalog_date(std::string_view text);

}  // namespace guidelint
