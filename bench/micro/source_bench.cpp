// Sources: decoding and the line index at construction, then turning offsets into lines and
// columns, which every reported finding does (twice: its start and its end).
#include <string>
#include <vector>

#include "common.hpp"

namespace guidelint::micro {
namespace {

void BM_SourceNew(benchmark::State& state, const char* file) {
  const std::string bytes = fixture(file);
  for (auto _ : state) {
    Source source(file, bytes);
    benchmark::DoNotOptimize(source.line_count());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK_CAPTURE(BM_SourceNew, utf8_xml, "good.xml");
BENCHMARK_CAPTURE(BM_SourceNew, gbk_xml, "gbk-declared.xml");
BENCHMARK_CAPTURE(BM_SourceNew, gbk_html, "html/gbk.html");
BENCHMARK_CAPTURE(BM_SourceNew, one_line_65k_json, "report/minified.json");

// 64 offsets spread over the text, looked up in turn: a lookup costs a binary search over line
// starts, then a scan from the nearest known column.
void BM_Position(benchmark::State& state, const char* file) {
  const auto source = fixture_source(file);
  const auto size = static_cast<std::uint32_t>(source->text().size());
  std::vector<std::uint32_t> offsets;
  for (std::uint32_t i = 0; i < 64; ++i)
    offsets.push_back(static_cast<std::uint32_t>(std::uint64_t{size} * (2 * i + 1) / 128));
  source->position(0);  // the column marks are made on the first lookup, once
  for (auto _ : state) {
    for (std::uint32_t offset : offsets)
      benchmark::DoNotOptimize(source->position(offset));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * offsets.size()));
}
BENCHMARK_CAPTURE(BM_Position, short_lines_xml, "good.xml");
BENCHMARK_CAPTURE(BM_Position, gbk_xml, "gbk-declared.xml");
BENCHMARK_CAPTURE(BM_Position, one_line_65k_json, "report/minified.json");

// A fresh Source and its first lookup, which makes the column marks: what a file with one
// finding pays (compare with BM_SourceNew on the same file).
void BM_SourceNewAndPosition(benchmark::State& state, const char* file) {
  const std::string bytes = fixture(file);
  for (auto _ : state) {
    Source source(file, bytes);
    benchmark::DoNotOptimize(source.position(static_cast<std::uint32_t>(bytes.size() / 2)));
  }
}
BENCHMARK_CAPTURE(BM_SourceNewAndPosition, short_lines_xml, "good.xml");
BENCHMARK_CAPTURE(BM_SourceNewAndPosition, one_line_65k_json, "report/minified.json");

void BM_LineText(benchmark::State& state) {
  const auto source = fixture_source("good.xml");
  const std::uint32_t lines = source->line_count();
  for (auto _ : state) {
    for (std::uint32_t line = 1; line <= lines; ++line)
      benchmark::DoNotOptimize(source->line_text(line).data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * lines));
}
BENCHMARK(BM_LineText);

}  // namespace
}  // namespace guidelint::micro
