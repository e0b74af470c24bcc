// What the micro-benchmarks share: the test fixtures as inputs, the built-in national profile,
// and a stream that discards what formatters write (so that memory growth is not timed).
#pragma once

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <streambuf>
#include <string>

#include "config/builtin.hpp"
#include "config/profile.hpp"
#include "guidelint/guidelint.hpp"

namespace guidelint::micro {

// A fixture's bytes; a missing fixture ends the run, since a benchmark of nothing would mislead.
inline std::string fixture(const std::string& name) {
  const std::filesystem::path path = std::filesystem::path(GUIDELINT_MICRO_FIXTURES) / name;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  if (!in || s.str().empty()) {
    std::fprintf(stderr, "guidelint-micro: cannot read %s\n", path.c_str());
    std::exit(2);
  }
  return s.str();
}

inline std::shared_ptr<const Source> fixture_source(const std::string& name) {
  return std::make_shared<const Source>(name, fixture(name));
}

// The national profile, as the built-in pack loads it.
inline const config::Profile& national_profile() {
  static const config::Profile profile = [] {
    config::Problems problems;
    auto p = config::Profile::load(config::YamlFile{
        std::make_shared<const Source>("national.yaml",
                                       std::string(*builtin::find("profiles/national.yaml"))),
        &problems});
    if (!p || !problems.empty()) {
      std::fprintf(stderr, "guidelint-micro: the national profile does not load\n");
      std::exit(2);
    }
    return *p;
  }();
  return profile;
}

inline const Engine& national_engine() {
  static const EngineResult built = Engine::builtin();
  if (!built.engine) std::exit(2);
  return *built.engine;
}

// Counts what is written and keeps none of it.
class NullBuffer : public std::streambuf {
 public:
  std::size_t written = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    written += static_cast<std::size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    ++written;
    return traits_type::not_eof(c);
  }
};

}  // namespace guidelint::micro
