// Each output format, writing the same results: the findings of a few fixtures linted with the
// national pack (messages rendered, positions looked up), into a stream that keeps nothing.
#include <ostream>
#include <string>
#include <vector>

#include "common.hpp"

namespace guidelint::micro {
namespace {

const std::vector<FileResult>& results() {
  static const std::vector<FileResult> out = [] {
    std::vector<FileResult> r;
    const LintOptions options{Date{2025, 6, 1}, {}};
    for (const char* file :
         {"incomplete.xml", "blank.xml", "blank-fees.xml", "many.xml", "traditional.xml",
          "report/review-and-citation.txt", "report/mixed-width.txt", "report/minified.json"})
      r.push_back(national_engine().lint(fixture_source(file), options));
    return r;
  }();
  return out;
}

void BM_Format(benchmark::State& state, const char* name) {
  const std::vector<FileResult>& files = results();
  Summary summary;
  std::size_t findings = 0;
  for (const FileResult& r : files) {
    summary.add(r);
    findings += r.diagnostics.size();
  }
  NullBuffer buffer;
  std::ostream out(&buffer);
  const FormatOptions options;
  for (auto _ : state) {
    const auto formatter = make_formatter(name, out, options);
    formatter->begin();
    for (const FileResult& r : files)
      formatter->file(r);
    formatter->end(summary);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * findings));
  state.SetBytesProcessed(static_cast<std::int64_t>(buffer.written));
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK_CAPTURE(BM_Format, text, "text");
BENCHMARK_CAPTURE(BM_Format, json, "json");
BENCHMARK_CAPTURE(BM_Format, sarif, "sarif");
BENCHMARK_CAPTURE(BM_Format, junit, "junit");
BENCHMARK_CAPTURE(BM_Format, checkstyle, "checkstyle");
BENCHMARK_CAPTURE(BM_Format, github, "github");
BENCHMARK_CAPTURE(BM_Format, rdjson, "rdjson");

// Rendering one message from its template and arguments, which every format does per finding.
void BM_RenderMessage(benchmark::State& state, const char* locale) {
  std::vector<const Diagnostic*> all;
  for (const FileResult& r : results()) {
    for (const Diagnostic& d : r.diagnostics)
      all.push_back(&d);
  }
  for (auto _ : state) {
    for (const Diagnostic* d : all)
      benchmark::DoNotOptimize(render_message(*d, locale).size());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * all.size()));
}
BENCHMARK_CAPTURE(BM_RenderMessage, zh_Hans, "zh-Hans");
BENCHMARK_CAPTURE(BM_RenderMessage, en, "en");

}  // namespace
}  // namespace guidelint::micro
