// The catalog loader: a catalog file's YAML, compiled into the name automaton and matched.
#include "config/catalog.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace guidelint;
  config::Problems problems;
  auto source = std::make_shared<const Source>(
      "catalog.yaml", std::string(reinterpret_cast<const char*>(data), size));
  config::Catalogs catalogs;
  catalogs.load(config::YamlFile{source, &problems});
  catalogs.build();
  for (const FileResult& problem : problems.take())
    fuzz::report(problem);
  return 0;
}
