// Throughput of linting a folder of guides, next to a baseline on the same files in the same
// process: read + bare pugixml parse + a walk over every text node. Runs alternate between the
// two so machine noise hits both; medians are reported.
//
//   guidelint-bench DIR [--runs N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "guidelint/guidelint.hpp"

namespace {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

// What a minimal checker must do at least: read, parse, look at every text node once.
std::size_t baseline(const std::vector<fs::path>& files) {
  std::size_t sink = 0;
  for (const fs::path& f : files) {
    const std::string bytes = read(f);
    pugi::xml_document doc;
    if (!doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8)) continue;
    struct Walker : pugi::xml_tree_walker {
      std::size_t* sink;
      bool for_each(pugi::xml_node& n) override {
        if (n.type() == pugi::node_pcdata) *sink += std::strlen(n.value());
        return true;
      }
    } walker;
    walker.sink = &sink;
    doc.traverse(walker);
  }
  return sink;
}

std::size_t lint(const guidelint::Engine& engine, const std::vector<fs::path>& files) {
  std::size_t sink = 0;
  const guidelint::LintOptions options;
  for (const fs::path& f : files) {
    auto source = std::make_shared<const guidelint::Source>(f.string(), read(f));
    const guidelint::FileResult r = engine.lint(std::move(source), options);
    sink += r.diagnostics.size() + r.guides.size();
  }
  return sink;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: guidelint-bench DIR [--runs N]\n");
    return 2;
  }
  const fs::path dir = argv[1];
  int runs = 5;
  for (int i = 2; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0) runs = std::max(1, std::atoi(argv[i + 1]));
  }
  std::vector<fs::path> files;
  std::uintmax_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".xml") {
      files.push_back(e.path());
      bytes += e.file_size();
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "guidelint-bench: no .xml files in %s\n", dir.c_str());
    return 2;
  }

  const auto build_start = Clock::now();
  const guidelint::EngineResult built = guidelint::Engine::builtin();
  const double build_ms = std::chrono::duration<double, std::milli>(Clock::now() - build_start).count();
  if (!built.engine) return 2;

  // One untimed pass of each warms the page cache and lazily loaded data.
  std::size_t sink = baseline(files) + lint(*built.engine, files);
  std::vector<double> base_s;
  std::vector<double> lint_s;
  for (int r = 0; r < runs; ++r) {
    auto t0 = Clock::now();
    sink += baseline(files);
    auto t1 = Clock::now();
    sink += lint(*built.engine, files);
    auto t2 = Clock::now();
    base_s.push_back(std::chrono::duration<double>(t1 - t0).count());
    lint_s.push_back(std::chrono::duration<double>(t2 - t1).count());
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  const double n = static_cast<double>(files.size());
  const double b = median(base_s);
  const double l = median(lint_s);
  std::printf("corpus: %zu guides, %.1f MB, %d runs each, medians (single thread)\n", files.size(), mb, runs);
  std::printf("%-34s %10.0f guides/s %8.1f MB/s\n", "baseline (read+pugixml+walk):", n / b, mb / b);
  std::printf("%-34s %10.0f guides/s %8.1f MB/s  (%.2fx the baseline's time)\n", "guidelint engine (read+lint):",
              n / l, mb / l, l / b);
  std::printf("engine build (national pack): %.1f ms\n", build_ms);
  std::printf("spread: baseline %.3f-%.3f s, guidelint %.3f-%.3f s (checksum %zu)\n",
              *std::min_element(base_s.begin(), base_s.end()), *std::max_element(base_s.begin(), base_s.end()),
              *std::min_element(lint_s.begin(), lint_s.end()), *std::max_element(lint_s.begin(), lint_s.end()),
              sink % 1000);
  return 0;
}
