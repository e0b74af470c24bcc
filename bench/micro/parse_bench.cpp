// Each parser on its own, through the parse::Parser interface with the national profile: turning
// a decoded Source into guides with exact spans. The whole engine (parse, resolve, every rule of
// the national pack) on the same inputs follows, to show the parser's share.
#include <string>

#include "common.hpp"
#include "parse/parser.hpp"

namespace guidelint::micro {
namespace {

void BM_Parse(benchmark::State& state, const char* format, const char* file) {
  const parse::Parser* parser = parse::parser_for_format(format);
  if (parser == nullptr) {
    state.SkipWithError("no parser for the format");
    return;
  }
  const auto source = fixture_source(file);
  const parse::Context context{national_profile()};
  std::size_t guides = 0;
  for (auto _ : state) {
    parse::Output out;
    parser->parse(*source, context, out);
    guides = out.guides.size();
    benchmark::DoNotOptimize(out.guides.data());
  }
  if (guides == 0) state.SkipWithError("the fixture has no guide");
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * source->bytes().size()));
}
BENCHMARK_CAPTURE(BM_Parse, xml, "xml", "good.xml");
BENCHMARK_CAPTURE(BM_Parse, xml_traditional, "xml", "traditional.xml");
BENCHMARK_CAPTURE(BM_Parse, html_two_column, "html", "html/two-column.html");
BENCHMARK_CAPTURE(BM_Parse, html_four_column, "html", "html/four-column.html");
BENCHMARK_CAPTURE(BM_Parse, json_record, "json", "json/record.json");
BENCHMARK_CAPTURE(BM_Parse, json_html_content, "json", "json/content.json");
BENCHMARK_CAPTURE(BM_Parse, ndjson, "json", "json/records.ndjson");
BENCHMARK_CAPTURE(BM_Parse, text_clauses, "text", "text/clauses.txt");
BENCHMARK_CAPTURE(BM_Parse, text_table, "text", "text/table.md");
BENCHMARK_CAPTURE(BM_Parse, docx_label_table, "docx", "docx/label-table.docx");
BENCHMARK_CAPTURE(BM_Parse, docx_clauses, "docx", "docx/clauses.docx");

// Source construction (decoding, line index) plus Engine::lint with the national pack.
void BM_Lint(benchmark::State& state, const char* file) {
  const std::string bytes = fixture(file);
  const Engine& engine = national_engine();
  const LintOptions options{Date{2025, 6, 1}, {}};
  for (auto _ : state) {
    FileResult r = engine.lint(std::make_shared<const Source>(file, bytes), options);
    benchmark::DoNotOptimize(r.diagnostics.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK_CAPTURE(BM_Lint, xml, "good.xml");
BENCHMARK_CAPTURE(BM_Lint, html_two_column, "html/two-column.html");
BENCHMARK_CAPTURE(BM_Lint, json_record, "json/record.json");
BENCHMARK_CAPTURE(BM_Lint, json_html_content, "json/content.json");
BENCHMARK_CAPTURE(BM_Lint, text_clauses, "text/clauses.txt");
BENCHMARK_CAPTURE(BM_Lint, docx_label_table, "docx/label-table.docx");

}  // namespace
}  // namespace guidelint::micro
