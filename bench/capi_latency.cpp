// Latency of one guide through the C API with a warm engine: the CMS save-time case.
//
//   guidelint-capi-latency FILE [--runs N] [--tsv]
//
// Lints FILE N times (default 2000) after 50 untimed runs, reading every diagnostic with its
// message as a binding does, and prints the median and the 99th percentile (--tsv: one
// "key<TAB>value" line per figure, for bench/run).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "guidelint/guidelint.h"

namespace {

// One lint as a binding does it: lint, read the summary and every diagnostic, free.
std::size_t lint_once(const guidelint_engine* engine, const std::string& bytes, const char* name) {
  guidelint_result* result = nullptr;
  if (guidelint_lint_buffer(engine, bytes.data(), bytes.size(), name, nullptr, &result) !=
      GUIDELINT_OK) {
    std::fprintf(stderr, "guidelint-capi-latency: %s\n", guidelint_last_error());
    std::exit(2);
  }
  guidelint_summary summary;
  guidelint_result_summary(result, &summary);
  std::size_t sink = summary.errors;
  const std::size_t n = guidelint_result_count(result);
  for (std::size_t i = 0; i < n; ++i) {
    guidelint_diagnostic d;
    guidelint_result_diagnostic(result, i, "zh-Hans", &d);
    sink += d.message.length + d.line;
  }
  guidelint_result_free(result);
  return sink;
}

}  // namespace

int main(int argc, char** argv) {
  const char* file = nullptr;
  int runs = 2000;
  bool tsv = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--tsv") == 0) {
      tsv = true;
    } else if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (argv[i][0] != '-' && file == nullptr) {
      file = argv[i];
    } else {
      file = nullptr;
      break;
    }
  }
  if (file == nullptr) {
    std::fprintf(stderr, "usage: guidelint-capi-latency FILE [--runs N] [--tsv]\n");
    return 2;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string bytes = text.str();
  if (!in || bytes.empty()) {
    std::fprintf(stderr, "guidelint-capi-latency: cannot read %s\n", file);
    return 2;
  }
  guidelint_engine* engine = nullptr;
  const auto b0 = std::chrono::steady_clock::now();
  if (guidelint_engine_new_default(&engine) != GUIDELINT_OK) return 2;
  const double build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - b0).count();
  std::size_t sink = 0;
  for (int i = 0; i < 50; ++i)
    sink += lint_once(engine, bytes, file);
  std::vector<double> us;
  us.reserve(static_cast<std::size_t>(runs));
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    sink += lint_once(engine, bytes, file);
    us.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(us.begin(), us.end());
  const auto at = [&](double q) { return us[static_cast<std::size_t>(q * (us.size() - 1))]; };
  if (tsv) {
    std::printf(
        "bytes\t%zu\nbuild_ms\t%.3f\nruns\t%d\nmedian_us\t%.3f\np90_us\t%.3f\n"
        "p99_us\t%.3f\nmax_us\t%.3f\n",
        bytes.size(), build_ms, runs, at(0.5), at(0.9), at(0.99), us.back());
  } else {
    std::printf(
        "C API, %zu-byte guide, warm engine (built in %.1f ms), %d runs: median %.1f us, "
        "p90 %.1f us, p99 %.1f us, max %.1f us (checksum %zu)\n",
        bytes.size(), build_ms, runs, at(0.5), at(0.9), at(0.99), us.back(), sink % 1000);
  }
  guidelint_engine_free(engine);
  return 0;
}
