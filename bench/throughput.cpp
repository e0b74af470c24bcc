// Throughput of linting a folder of guides, next to two baselines on the same files in the same
// process. The bare baseline reads, parses the format (pugixml, gumbo, RapidJSON, or splitting
// lines) and walks every text node. The scan baseline is the least a phrase checker must do: the
// same, plus the HTML inside JSON fields parsed as HTML, plus one pass of a folding Aho–Corasick
// automaton (every bundled catalog name and placeholder phrase) over every text node. Runs
// alternate so machine noise hits all three (and the whole command, with --cli); medians are
// reported.
//
//   guidelint-bench DIR [--format xml|html|json|ndjson|text] [--runs N] [--cli PATH] [--tsv]
//   guidelint-bench DIR --catalogs [--format F] [--runs N] [--tsv]
//   guidelint-bench --engine-build [--runs N] [--tsv]
//
// --tsv prints one "key<TAB>value" line per figure, for bench/run to tabulate.
#include <gumbo.h>
// The same RapidJSON configuration as the engine's JSON parser.
#if defined(__SSE2__) && !defined(RAPIDJSON_SSE2)
#define RAPIDJSON_SSE2
#endif
#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include "bundled_patterns.hpp"
#include "guidelint/guidelint.hpp"
#include "source/file.hpp"
#include "text/matcher.hpp"

extern char** environ;

namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

enum class Format { xml, html, json, ndjson, text };

struct FormatInfo {
  Format format;
  std::string_view name;
  std::vector<std::string_view> extensions;
  std::string_view baseline;
};

const std::array<FormatInfo, 5> kFormats = {{
    {Format::xml, "xml", {".xml"}, "bare (read+pugixml+walk):"},
    {Format::html, "html", {".html", ".htm"}, "bare (read+gumbo+walk):"},
    {Format::json, "json", {".json"}, "bare (read+RapidJSON+walk):"},
    {Format::ndjson, "ndjson", {".ndjson", ".jsonl"}, "bare (read+RapidJSON+walk):"},
    {Format::text, "text", {".txt", ".text", ".md"}, "bare (read+split lines):"},
}};

const FormatInfo* format_named(std::string_view name) {
  for (const FormatInfo& f : kFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const FormatInfo* format_of(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const FormatInfo& f : kFormats) {
    if (std::find(f.extensions.begin(), f.extensions.end(), ext) != f.extensions.end()) return &f;
  }
  return nullptr;
}

// Both sides read files the way the CLI does.
std::string read(const fs::path& p) {
  return guidelint::source::read_file(p, 0xFFFFFFFFu).bytes;
}

// Calls f(line) for each line without its line break.
template <typename F>
void for_each_line(std::string_view text, F&& f) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(i, end - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(line);
    i = end + 1;
  }
}

// What a walk does with each text node: the bare baseline counts its bytes; the scan baseline
// also runs the automaton over it. Both the parsers baseline and the scan baseline parse JSON's
// HTML fields as HTML (the pages some platforms put in one field), which the bare baseline leaves
// as strings.
struct Scan {
  const guidelint::text::Matcher* matcher = nullptr;  // null: bare or parsers
  bool html_fields = false;
  std::vector<guidelint::text::Matcher::Hit> hits;
  std::size_t sink = 0;

  void text(std::string_view t) {
    sink += t.size();
    if (!matcher) return;
    hits.clear();
    matcher->find(t, hits);
    sink += hits.size();
  }
};

void xml_walk(const std::string& bytes, Scan& scan) {
  pugi::xml_document doc;
  if (!doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8))
    return;
  struct Walker : pugi::xml_tree_walker {
    Scan* scan = nullptr;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_pcdata) scan->text(n.value());
      return true;
    }
  } walker;
  walker.scan = &scan;
  doc.traverse(walker);
}

void html_walk(std::string_view bytes, Scan& scan) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size());
  std::vector<const GumboNode*> stack = {out->root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT) scan.text(n->v.text.text);
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboVector& children = n->v.element.children;
    for (unsigned i = children.length; i-- > 0;)
      stack.push_back(static_cast<const GumboNode*>(children.data[i]));
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
}

// The profile's fields that hold a whole guide as HTML.
bool html_field(std::string_view key) {
  return key == "content" || key == "html" || key == "detail";
}

void json_strings(const rapidjson::Value& v, Scan& scan, bool html = false) {
  if (v.IsString()) {
    const std::string_view s(v.GetString(), v.GetStringLength());
    if (html && scan.html_fields && s.find('<') != std::string_view::npos) {
      html_walk(s, scan);
    } else {
      scan.text(s);
    }
  } else if (v.IsObject()) {
    for (const auto& m : v.GetObject()) {
      scan.sink += m.name.GetStringLength();
      json_strings(m.value, scan,
                   html_field(std::string_view(m.name.GetString(), m.name.GetStringLength())));
    }
  } else if (v.IsArray()) {
    for (const auto& e : v.GetArray())
      json_strings(e, scan);
  }
}

// Every value in the text, one after another (a document, or NDJSON's one per line), read the
// fastest way RapidJSON offers: from a NUL-terminated string, which it scans with SIMD.
void json_walk(const std::string& text, Scan& scan) {
  rapidjson::StringStream stream(text.c_str());
  while (true) {
    rapidjson::Document doc;
    doc.ParseStream<rapidjson::kParseStopWhenDoneFlag>(stream);
    if (doc.HasParseError()) break;
    json_strings(doc, scan);
    while (stream.Peek() == ' ' || stream.Peek() == '\n' || stream.Peek() == '\r' ||
           stream.Peek() == '\t')
      stream.Take();
    if (stream.Peek() == '\0') break;
  }
}

// What a minimal checker must do at least: read, parse, look at every text node once (bare), and
// run one automaton over it (scan, when matcher is given).
std::size_t baseline(Format format, const std::vector<fs::path>& files,
                     const guidelint::text::Matcher* matcher = nullptr, bool html_fields = false) {
  Scan scan;
  scan.matcher = matcher;
  scan.html_fields = html_fields || matcher != nullptr;
  for (const fs::path& f : files) {
    const std::string bytes = read(f);
    switch (format) {
      case Format::xml:
        xml_walk(bytes, scan);
        break;
      case Format::html:
        html_walk(bytes, scan);
        break;
      case Format::json:
      case Format::ndjson:
        json_walk(bytes, scan);
        break;
      case Format::text:
        for_each_line(bytes, [&](std::string_view line) { scan.text(line); });
        break;
    }
  }
  return scan.sink;
}

// The scan baseline's automaton, as the engine compiles it.
guidelint::text::Matcher bundled_matcher() {
  guidelint::text::Matcher m;
  std::uint32_t value = 0;
  for (const std::string& p : guidelint::bench::bundled_patterns())
    m.add(p, value++);
  m.build();
  return m;
}

struct LintCounts {
  std::size_t sink = 0;
  std::size_t guides = 0;
  std::size_t unread = 0;  // files with a fatal diagnostic: the engine could not read them
};

LintCounts lint(const guidelint::Engine& engine, const guidelint::LintOptions& options,
                const std::vector<fs::path>& files) {
  LintCounts c;
  for (const fs::path& f : files) {
    auto source = std::make_shared<const guidelint::Source>(f.string(), read(f));
    const guidelint::FileResult r = engine.lint(std::move(source), options);
    c.sink += r.diagnostics.size() + r.guides.size();
    c.guides += r.guides.size();
    c.unread += r.fatal() ? 1 : 0;
  }
  return c;
}

// The format the engine is told to read. Empty (choose by name, as the CLI does) when the
// engine knows the corpus's extension; otherwise the format by name, so that an input the engine
// cannot route yet is reported as such rather than read as something else.
std::string engine_format(const FormatInfo& format, const fs::path& sample) {
  const auto known = guidelint::Engine::input_formats();
  for (const auto& [name, exts] : known) {
    if (std::find(exts.begin(), exts.end(), sample.extension().string()) != exts.end()) return {};
  }
  const std::string_view wanted = format.format == Format::ndjson ? "json" : format.name;
  for (const auto& [name, exts] : known) {
    if (name == format.name || name == wanted) return name;
  }
  return {};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Machine-readable output (--tsv): one "key<TAB>value" line per figure.
bool g_tsv = false;

void tsv(const char* key, double value) {
  if (g_tsv) std::printf("%s\t%.6g\n", key, value);
}

void tsv(const char* key, std::string_view value) {
  if (g_tsv) std::printf("%s\t%.*s\n", key, static_cast<int>(value.size()), value.data());
}

// Runs a command with its standard output to `out` and its standard error to `err`; returns its
// exit status, or -1 when it could not be run or was killed.
int run_command(const std::vector<std::string>& argv, const char* out, const char* err) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out, O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err, O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The whole command over the folder, as users run it, with its JSON report. Exit status 1 means
// findings, not failure.
struct Cli {
  std::vector<std::string> argv;
  fs::path report;  // the warm-up run's report, to count the files it linted
  fs::path errors;

  double run(bool keep_report) const {
    const auto t0 = Clock::now();
    const int status =
        run_command(argv, keep_report ? report.c_str() : "/dev/null", errors.c_str());
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    if (status != 0 && status != 1) {
      std::fprintf(stderr, "guidelint-bench: %s exited with %d:\n", argv[0].c_str(), status);
      std::ifstream in(errors);
      std::fprintf(stderr, "%s", std::string(std::istreambuf_iterator<char>(in), {}).c_str());
      std::exit(2);
    }
    return s;
  }

  // summary.files of the report; -1 when it cannot be read.
  long files() const {
    std::ifstream in(report, std::ios::binary);
    const std::string text(std::istreambuf_iterator<char>(in), {});
    rapidjson::Document doc;
    doc.Parse(text.c_str());
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("summary")) return -1;
    const rapidjson::Value& summary = doc["summary"];
    if (!summary.IsObject() || !summary.HasMember("files") || !summary["files"].IsInt64())
      return -1;
    return static_cast<long>(summary["files"].GetInt64());
  }
};

// Building the built-in national pack (its profile, every bundled catalog, every rule): the first
// build in a process, as the command pays it (code and data touched for the first time), then the
// median of later builds.
int engine_build_bench(int runs) {
  std::vector<double> ms;
  for (int r = 0; r <= runs; ++r) {
    const auto t0 = Clock::now();
    const guidelint::EngineResult built = guidelint::Engine::builtin();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!built.engine) return 2;
  }
  const double first = ms.front();
  const double later = median(std::vector<double>(ms.begin() + 1, ms.end()));
  if (g_tsv) {
    tsv("engine_build_first_ms", first);
    tsv("engine_build_later_ms", later);
  } else {
    std::printf(
        "engine build (national pack, every bundled catalog): first %.1f ms, "
        "then %.1f ms (median of %d)\n",
        first, later, runs);
  }
  return 0;
}

int usage() {
  std::fprintf(stderr,
               "usage: guidelint-bench DIR [--format xml|html|json|ndjson|text] [--runs N] "
               "[--cli PATH] [--catalogs] [--tsv]\n"
               "       guidelint-bench --engine-build [--runs N] [--tsv]\n");
  return 2;
}

// A catalog of n made-up item names, for measuring what catalog size costs: never bundled, never
// a claim about any real item. Names are built like real ones (an activity, an object, an act).
std::string synthetic_catalog(int n) {
  static constexpr const char* kWhat[] = {"设立", "变更", "注销", "新建", "改建", "经营", "从事",
                                          "开办", "举办", "生产", "销售", "进口", "出口", "运输"};
  static constexpr const char* kObject[] = {"甲类", "乙类", "丙类", "丁类", "戊类", "己类", "庚类",
                                            "辛类", "壬类", "癸类", "一级", "二级", "三级", "四级",
                                            "五级", "六级", "七级", "八级", "九级", "十级"};
  static constexpr const char* kThing[] = {"测试品", "样品", "模拟物", "虚构件", "示例物"};
  static constexpr const char* kAct[] = {"审批", "核准", "许可", "认定", "登记", "备案", "核发"};
  std::string out = "title: 合成目录（只用于基准测试）\nentries:\n";
  int made = 0;
  for (const char* what : kWhat) {
    for (const char* object : kObject) {
      for (const char* thing : kThing) {
        for (const char* act : kAct) {
          for (int k = 0; k < 2 && made < n; ++k, ++made) {
            out += "  - item: " + std::string(what) + object + thing + (k ? "专项" : "") + act +
                   "\n    action: 取消\n    date: \"2015\"\n";
          }
        }
      }
    }
  }
  return out;
}

double build_ms(const std::string& yaml, guidelint::EngineResult* keep, int runs) {
  std::vector<double> ms;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = Clock::now();
    guidelint::EngineResult e = guidelint::Engine::from_yaml(yaml, "bench.yaml", "/");
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!e.engine) {
      std::fprintf(stderr, "guidelint-bench: engine does not build: %s\n",
                   guidelint::render_message(e.problems.at(0).diagnostics.at(0), "en").c_str());
      std::exit(2);
    }
    if (r == 0) *keep = std::move(e);
  }
  return median(ms);
}

// The catalog rules with no catalog, with the bundled catalogs, and with 10,000 more entries:
// the same files, the engines in turn, medians.
int catalog_bench(const std::vector<fs::path>& files, const guidelint::LintOptions& options,
                  double mb, double n, int runs) {
  const fs::path dir = fs::temp_directory_path() / "guidelint-bench-catalog";
  fs::create_directories(dir);
  const fs::path synthetic = dir / "synthetic.yaml";
  std::ofstream(synthetic) << synthetic_catalog(10000);
  const std::string rules =
      "rules:\n  required-element: error\n  abolished-item: error\n  delegated-item: warning\n"
      "  post-approval-precondition: error\n";
  const std::string bundled =
      "catalogs: [state-council-decisions, post-approval, "
      "pre-approval-retained]\n";
  struct Variant {
    const char* name = "";
    const char* key = "";
    std::string yaml;
    guidelint::EngineResult engine;
    double build_ms = 0;
    std::vector<double> seconds;
  };
  // The synthetic catalog is a layer of its own: `catalogs` twice in one file is a duplicate key.
  const fs::path layer = dir / "bundled.yaml";
  std::ofstream(layer) << "extends: []\nprofile: national\n" + bundled + rules;
  // The catalog rules alone show the catalogs' cost at its largest; the whole national pack with
  // and without the synthetic catalog shows what a user adding one pays.
  std::vector<Variant> variants(5);
  variants[0].name = "no catalog";
  variants[0].key = "none";
  variants[0].yaml = "extends: []\nprofile: national\n" + rules;
  variants[1].name = "bundled catalogs";
  variants[1].key = "bundled";
  variants[1].yaml = "extends: [" + layer.string() + "]\n";
  variants[2].name = "bundled + 10,000 synthetic";
  variants[2].key = "bundled_10k";
  variants[2].yaml = "extends: [" + layer.string() + "]\ncatalogs: [" + synthetic.string() + "]\n";
  variants[3].name = "national pack";
  variants[3].key = "pack";
  variants[3].yaml = "extends: [national]\n";
  variants[4].name = "national pack + 10,000";
  variants[4].key = "pack_10k";
  variants[4].yaml = "extends: [national]\ncatalogs: [" + synthetic.string() + "]\n";
  std::size_t sink = 0;
  for (Variant& v : variants) {
    v.build_ms = build_ms(v.yaml, &v.engine, 5);
    sink += lint(*v.engine.engine, options, files).sink;  // warm
  }
  for (int r = 0; r < runs; ++r) {
    for (Variant& v : variants) {
      const auto t0 = Clock::now();
      sink += lint(*v.engine.engine, options, files).sink;
      v.seconds.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    }
  }
  // Each line against the line it adds to: the catalog rules against no catalog, the national
  // pack with 10,000 more entries against the pack alone.
  const double bases[] = {median(variants[0].seconds), median(variants[0].seconds),
                          median(variants[0].seconds), median(variants[3].seconds),
                          median(variants[3].seconds)};
  for (std::size_t i = 0; i < variants.size(); ++i) {
    const Variant& v = variants[i];
    const double t = median(v.seconds);
    if (g_tsv) {
      tsv((std::string("catalog_") + v.key + "_s").c_str(), t);
      tsv((std::string("catalog_") + v.key + "_build_ms").c_str(), v.build_ms);
      continue;
    }
    std::printf("%-28s %10.0f guides/s %8.1f MB/s  (%+.1f%% time)  engine build %.1f ms\n", v.name,
                n / t, mb / t, (t / bases[i] - 1) * 100, v.build_ms);
  }
  if (!g_tsv) std::printf("(checksum %zu)\n", sink % 1000);
  fs::remove_all(dir);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<fs::path> dir;
  int runs = 5;
  bool catalogs = false;
  bool engine_build = false;
  std::string cli;
  const FormatInfo* format = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--catalogs") == 0) {
      catalogs = true;
    } else if (std::strcmp(argv[i], "--engine-build") == 0) {
      engine_build = true;
    } else if (std::strcmp(argv[i], "--tsv") == 0) {
      g_tsv = true;
    } else if (argv[i][0] != '-' && !dir) {
      dir = argv[i];
    } else if (i + 1 >= argc) {
      return usage();
    } else if (std::strcmp(argv[i], "--runs") == 0) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (std::strcmp(argv[i], "--cli") == 0) {
      cli = argv[++i];
    } else if (std::strcmp(argv[i], "--format") == 0) {
      format = format_named(argv[++i]);
      if (!format) return usage();
    } else {
      return usage();
    }
  }
  if (engine_build) return engine_build_bench(runs);
  if (!dir) return usage();

  // Without --format, the corpus must be of one format, told by its files' extensions.
  std::map<std::string_view, std::vector<fs::path>> by_format;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(*dir, ec)) {
    if (!e.is_regular_file()) continue;
    if (const FormatInfo* f = format_of(e.path())) by_format[f->name].push_back(e.path());
  }
  if (ec) {
    std::fprintf(stderr, "guidelint-bench: %s: %s\n", dir->c_str(), ec.message().c_str());
    return 2;
  }
  if (!format) {
    if (by_format.size() > 1) {
      std::fprintf(stderr, "guidelint-bench: %s holds several formats; choose one with --format\n",
                   dir->c_str());
      return 2;
    }
    format = by_format.empty() ? &kFormats[0] : format_named(by_format.begin()->first);
  }
  std::vector<fs::path> files = std::move(by_format[format->name]);
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "guidelint-bench: no %.*s files in %s\n",
                 static_cast<int>(format->name.size()), format->name.data(), dir->c_str());
    return 2;
  }
  std::uintmax_t bytes = 0;
  std::size_t guides = 0;
  for (const fs::path& f : files) {
    bytes += fs::file_size(f);
    if (format->format != Format::ndjson) {
      ++guides;
      continue;
    }
    for_each_line(read(f), [&](std::string_view line) { guides += line.empty() ? 0 : 1; });
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  const double n = static_cast<double>(guides);
  tsv("format", format->name);
  tsv("files", static_cast<double>(files.size()));
  tsv("guides", n);
  tsv("bytes", static_cast<double>(bytes));
  tsv("runs", runs);

  const auto build_start = Clock::now();
  const guidelint::EngineResult built = guidelint::Engine::builtin();
  const double build_ms =
      std::chrono::duration<double, std::milli>(Clock::now() - build_start).count();
  if (!built.engine) return 2;
  guidelint::LintOptions options;
  options.input_format = engine_format(*format, files.front());

  if (catalogs) {
    if (!g_tsv) {
      std::printf("corpus: %.*s, %zu guides in %zu files, %.1f MB, %d runs each, medians\n",
                  static_cast<int>(format->name.size()), format->name.data(), guides, files.size(),
                  mb, runs);
    }
    return catalog_bench(files, options, mb, n, runs);
  }

  // The command as users run it on one thread, timed in the same rounds as the rest.
  std::optional<Cli> command;
  if (!cli.empty()) {
    const fs::path tmp = fs::temp_directory_path();
    const std::string tag = std::to_string(getpid());
    command = Cli{{cli, "-j1", "--format", "json", dir->string()},
                  tmp / ("guidelint-bench-report-" + tag + ".json"),
                  tmp / ("guidelint-bench-stderr-" + tag + ".txt")};
  }

  const guidelint::text::Matcher matcher = bundled_matcher();
  // JSON files can hold pages in a field: the parsers baseline parses those with gumbo too.
  const bool embedded_html = format->format == Format::json || format->format == Format::ndjson;
  // One untimed pass of each warms the page cache and lazily loaded data.
  std::size_t sink = baseline(format->format, files) + baseline(format->format, files, &matcher);
  if (embedded_html) sink += baseline(format->format, files, nullptr, true);
  const LintCounts warm = lint(*built.engine, options, files);
  sink += warm.sink;
  long cli_files = 0;
  if (command) {
    command->run(true);
    cli_files = command->files();
    fs::remove(command->report);
  }
  std::vector<double> base_s;
  std::vector<double> parsers_s;
  std::vector<double> scan_s;
  std::vector<double> lint_s;
  std::vector<double> cli_s;
  for (int r = 0; r < runs; ++r) {
    auto t0 = Clock::now();
    sink += baseline(format->format, files);
    auto t1 = Clock::now();
    sink += baseline(format->format, files, &matcher);
    auto t2 = Clock::now();
    sink += lint(*built.engine, options, files).sink;
    auto t3 = Clock::now();
    base_s.push_back(std::chrono::duration<double>(t1 - t0).count());
    scan_s.push_back(std::chrono::duration<double>(t2 - t1).count());
    lint_s.push_back(std::chrono::duration<double>(t3 - t2).count());
    if (embedded_html) {
      const auto t4 = Clock::now();
      sink += baseline(format->format, files, nullptr, true);
      parsers_s.push_back(std::chrono::duration<double>(Clock::now() - t4).count());
    }
    if (command) cli_s.push_back(command->run(false));
  }
  if (command) fs::remove(command->errors);
  const double b = median(base_s);
  const double p = embedded_html ? median(parsers_s) : b;
  const double sc = median(scan_s);
  const double l = median(lint_s);
  if (g_tsv) {
    tsv("bare_s", b);
    tsv("parsers_s", p);
    tsv("scan_s", sc);
    tsv("engine_s", l);
    if (command) {
      tsv("cli_s", median(cli_s));
      tsv("cli_files", static_cast<double>(cli_files));
    }
    tsv("guides_read", static_cast<double>(warm.guides));
    tsv("files_unread", static_cast<double>(warm.unread));
    tsv("phrases", static_cast<double>(matcher.patterns()));
    tsv("engine_build_ms", build_ms);
    return 0;
  }
  std::printf(
      "corpus: %.*s, %zu guides in %zu files, %.1f MB, %d runs each, medians (single thread)\n",
      static_cast<int>(format->name.size()), format->name.data(), guides, files.size(), mb, runs);
  std::printf("%-38.*s %10.0f guides/s %8.1f MB/s\n", static_cast<int>(format->baseline.size()),
              format->baseline.data(), n / b, mb / b);
  if (embedded_html) {
    std::printf("%-38s %10.0f guides/s %8.1f MB/s  (%.2fx bare)\n",
                "parsers (bare+HTML fields):", n / p, mb / p, p / b);
  }
  std::printf("%-38s %10.0f guides/s %8.1f MB/s  (%.2fx bare; %zu phrases)\n",
              "scan (bare+HTML fields+fold+match):", n / sc, mb / sc, sc / b, matcher.patterns());
  std::printf("%-38s %10.0f guides/s %8.1f MB/s  (%.2fx bare, %.2fx scan)\n",
              "guidelint engine (read+lint):", n / l, mb / l, l / b, l / sc);
  if (command) {
    const double c = median(cli_s);
    std::printf("%-38s %10.0f guides/s %8.1f MB/s  (%.2fx bare, %.2fx scan; %ld of %zu files)\n",
                "guidelint -j1 --format json (process):", n / c, mb / c, c / b, c / sc, cli_files,
                files.size());
  }
  std::printf("engine input: %s; %zu guides read, %zu of %zu files not read (fatal diagnostics)\n",
              options.input_format.empty() ? "chosen by file name"
                                           : ("read as " + options.input_format).c_str(),
              warm.guides, warm.unread, files.size());
  std::printf("engine build (national pack): %.1f ms\n", build_ms);
  std::printf("spread: bare %.3f-%.3f s, scan %.3f-%.3f s, guidelint %.3f-%.3f s (checksum %zu)\n",
              *std::min_element(base_s.begin(), base_s.end()),
              *std::max_element(base_s.begin(), base_s.end()),
              *std::min_element(scan_s.begin(), scan_s.end()),
              *std::max_element(scan_s.begin(), scan_s.end()),
              *std::min_element(lint_s.begin(), lint_s.end()),
              *std::max_element(lint_s.begin(), lint_s.end()), sink % 1000);
  return 0;
}
