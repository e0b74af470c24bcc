// Folding and phrase matching: every label, name and phrase lookup goes through them, once per
// character of every element.
#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <vector>

#include "../bundled_patterns.hpp"
#include "common.hpp"
#include "parse/parser.hpp"
#include "text/fold.hpp"
#include "text/matcher.hpp"

namespace guidelint::micro {
namespace {

// The element texts of a guide, as rules see them: the fixture parsed, values joined by lines.
std::string guide_text(const std::string& name) {
  const auto source = fixture_source(name);
  parse::Output out;
  parse::xml_parser().parse(*source, parse::Context{national_profile()}, out);
  std::string text;
  for (const Guide& g : out.guides) {
    for (const Element& e : g.elements)
      text += e.text + "\n";
  }
  return text;
}

const std::string& simplified_text() {
  static const std::string text = guide_text("good.xml");
  return text;
}

const std::string& traditional_text() {
  static const std::string text = guide_text("traditional.xml");
  return text;
}

void fold_text(benchmark::State& state, const std::string& text) {
  std::string out;
  for (auto _ : state) {
    text::fold(text, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_FoldSimplified(benchmark::State& state) {
  fold_text(state, simplified_text());
}
BENCHMARK(BM_FoldSimplified);

void BM_FoldTraditional(benchmark::State& state) {
  fold_text(state, traditional_text());
}
BENCHMARK(BM_FoldTraditional);

// A label as pages write it: clause number, full-width letters, spaces, a colon.
void BM_FoldLabel(benchmark::State& state) {
  static const std::string label = "二十、 辦理地點 ＡＢＣ：";
  fold_text(state, label);
}
BENCHMARK(BM_FoldLabel);

// Every item name of the bundled catalogs and every phrase the national pack lists: what the
// engine compiles into one automaton.
const std::vector<std::string>& bundled_patterns() {
  static const std::vector<std::string> patterns = bench::bundled_patterns();
  return patterns;
}

// 10,000 made-up item names (never real ones), to show what the size of a catalog costs.
const std::vector<std::string>& synthetic_patterns() {
  static const std::vector<std::string> patterns = [] {
    static constexpr const char* kWhat[] = {"设立", "变更", "注销", "新建", "改建", "经营", "从事",
                                            "开办", "举办", "生产", "销售", "进口", "出口", "运输"};
    static constexpr const char* kObject[] = {"甲类", "乙类", "丙类", "丁类", "戊类",
                                              "一级", "二级", "三级", "四级", "五级"};
    static constexpr const char* kThing[] = {"测试品", "样品", "模拟物", "虚构件", "示例物"};
    static constexpr const char* kAct[] = {"审批", "核准", "许可", "认定", "登记", "备案", "核发"};
    std::vector<std::string> out;
    for (int k = 0; out.size() < 10000; ++k) {
      for (const char* what : kWhat) {
        for (const char* object : kObject) {
          for (const char* thing : kThing) {
            for (const char* act : kAct)
              out.push_back(std::string(what) + object + thing + std::to_string(k) + act);
          }
        }
      }
    }
    out.resize(10000);
    return out;
  }();
  return patterns;
}

text::Matcher compile(bool bundled, bool synthetic) {
  text::Matcher m;
  std::uint32_t value = 0;
  if (bundled) {
    for (const std::string& p : bundled_patterns())
      m.add(p, value++);
  }
  if (synthetic) {
    for (const std::string& p : synthetic_patterns())
      m.add(p, value++);
  }
  m.build();
  return m;
}

void find_in(benchmark::State& state, const text::Matcher& m, const std::string& text) {
  std::vector<text::Matcher::Hit> hits;
  for (auto _ : state) {
    hits.clear();
    m.find(text, hits);
    benchmark::DoNotOptimize(hits.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["patterns"] = static_cast<double>(m.patterns());
  state.counters["hits"] = static_cast<double>(hits.size());
}

void BM_MatchBundled(benchmark::State& state) {
  static const text::Matcher m = compile(true, false);
  find_in(state, m, simplified_text());
}
BENCHMARK(BM_MatchBundled);

void BM_MatchBundledTraditional(benchmark::State& state) {
  static const text::Matcher m = compile(true, false);
  find_in(state, m, traditional_text());
}
BENCHMARK(BM_MatchBundledTraditional);

// The bundled automaton plus 10,000 names: the time per byte should barely move.
void BM_MatchBundledPlus10k(benchmark::State& state) {
  static const text::Matcher m = compile(true, true);
  find_in(state, m, simplified_text());
}
BENCHMARK(BM_MatchBundledPlus10k);

// Compiling the automaton (folding every pattern, building the trie and its fail links), which
// every engine build does for its catalogs and phrases.
void BM_MatcherBuildBundled(benchmark::State& state) {
  bundled_patterns();
  for (auto _ : state)
    benchmark::DoNotOptimize(compile(true, false).patterns());
}
BENCHMARK(BM_MatcherBuildBundled)->Unit(benchmark::kMillisecond);

void BM_MatcherBuild10k(benchmark::State& state) {
  synthetic_patterns();
  for (auto _ : state)
    benchmark::DoNotOptimize(compile(false, true).patterns());
}
BENCHMARK(BM_MatcherBuild10k)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace guidelint::micro
