// Linting files and folders: find the config that governs each file, build one Engine per config
// (once, shared), read the file, lint it. Unreadable paths and broken configs become diagnostics;
// they never stop the run.
#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "config/config.hpp"
#include "config/ignore.hpp"
#include "parse/parser.hpp"
#include "source/file.hpp"

namespace guidelint {
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kMaxInputBytes = 0xFFFFFFFFll;

FileResult io_problem(const std::string& name, std::string rule, std::string message_id,
                      std::vector<Arg> args = {}) {
  FileResult r{std::make_shared<const Source>(name, ""), {}, {}};
  Diagnostic d;
  d.rule_id = std::move(rule);
  d.message_id = std::move(message_id);
  d.args = std::move(args);
  d.fatal = true;
  r.diagnostics.push_back(std::move(d));
  return r;
}

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal();
}

// The ignore files that apply to a run, read as the walk reaches their folders.
class Ignores {
 public:
  explicit Ignores(const LinterOptions& options) : enabled_(options.ignore_files) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    for (const std::string& p : options.ignore_patterns)
      rules_.add_pattern(p, cwd);
    for (const fs::path& p : options.exclude_files)
      excluded_.insert(absolute_normal(p).generic_string());
  }

  bool excluded(const fs::path& abs) const { return excluded_.count(abs.generic_string()) > 0; }

  // Reads the .guidelintignore of `dir` and of every folder above it, once each.
  void load_up_from(const fs::path& dir) {
    if (!enabled_) return;
    std::vector<fs::path> chain;
    for (fs::path d = dir;; d = d.parent_path()) {
      chain.push_back(d);
      if (!d.has_relative_path()) break;
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      load(*it);
  }

  void load(const fs::path& dir) {
    if (!enabled_ || !read_.insert(dir.generic_string()).second) return;
    const fs::path file = dir / ".guidelintignore";
    source::FileBytes bytes = source::read_file(file, 1 << 20);
    if (bytes.status == source::FileBytes::Status::ok) rules_.add(bytes.bytes, dir);
  }

  const config::IgnoreRules& rules() const { return rules_; }

 private:
  bool enabled_;
  config::IgnoreRules rules_;
  std::set<std::string> read_;
  std::set<std::string> excluded_;
};

// Appends the lintable files under dir in sorted order, leaving out what the ignore files say.
// Symbolic links to folders are not followed (a link back up the tree would never end);
// unreadable folders are kept as entries so that linting them reports the problem.
void walk(const fs::path& dir, const fs::path& abs_dir, Ignores& ignores,
          std::vector<fs::path>& out) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) {
    out.push_back(dir);
    return;
  }
  ignores.load(abs_dir);
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const fs::directory_entry& e : entries) {
    const std::string name = e.path().filename().string();
    if (name.starts_with(".")) continue;  // .git, editors' files
    std::error_code s;
    if (e.is_symlink(s) && e.is_directory(s)) continue;
    const bool is_dir = e.is_directory(s);
    const fs::path abs = abs_dir / name;
    if (ignores.rules().ignored_here(abs, is_dir) || ignores.excluded(abs)) continue;
    if (is_dir) {
      walk(e.path(), abs, ignores, out);
    } else if (e.is_regular_file(s) && parse::parser_for_extension(e.path()) != nullptr) {
      out.push_back(e.path());  // not FIFOs or devices: reading them might never end
    }
  }
}

}  // namespace

struct Linter::Impl {
  LinterOptions options;

  struct Entry {
    EngineResult built;
    bool problems_reported = false;
    std::string name;
  };
  std::mutex mutex;
  std::map<std::string, Entry> engines;                      // by config path ("" = built-in)
  std::map<std::string, std::optional<fs::path>> config_of;  // by folder

  // The engine (and config) for files in `dir`, built the first time it is asked for.
  Entry* engine_for(const fs::path& dir) {
    const std::lock_guard lock(mutex);
    std::optional<fs::path> config = options.config;
    if (!config) {
      const std::string key = dir.string();
      auto it = config_of.find(key);
      if (it == config_of.end())
        it = config_of.emplace(key, find_config(dir.empty() ? fs::path(".") : dir)).first;
      config = it->second;
    }
    const std::string key = config ? config->string() : std::string();
    auto it = engines.find(key);
    if (it == engines.end()) {
      Entry e;
      e.built = config ? Engine::from_file(*config, options.rule_flags)
                       : Engine::builtin("national", options.rule_flags);
      e.name = config ? config->string() : "national";
      it = engines.emplace(key, std::move(e)).first;
    }
    return &it->second;  // std::map: the address stays
  }

  // The config's problems, the first time they are asked for; nothing after.
  std::vector<FileResult> take_problems(Entry* entry) {
    if (entry == nullptr) return {};
    const std::lock_guard lock(mutex);
    if (entry->problems_reported) return {};
    entry->problems_reported = true;
    return entry->built.problems;
  }

  // The source's result, without its config's problems; `used` tells which config governed it.
  FileResult lint(std::shared_ptr<const Source> source, const fs::path& dir, Entry** used) {
    Entry* entry = engine_for(dir);
    *used = entry;
    if (!entry->built.engine) {
      return io_problem(source->name(), "config-error", "io.config-broken",
                        {{"config", entry->name}});
    }
    return entry->built.engine->lint(std::move(source), options.lint);
  }

  // Reads and lints a file; `used` is null when it could not be read.
  FileResult lint_path(const fs::path& file, Entry** used);

  // A result with its config's problems before it, if they were not yet reported: config
  // problems come out once, before the first file they concern, in the order files are emitted.
  std::vector<FileResult> with_problems(FileResult result, Entry* used) {
    std::vector<FileResult> out = take_problems(used);
    out.push_back(std::move(result));
    return out;
  }
};

Linter::Linter(LinterOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  // One date for the whole run, not a clock reading per file (and the same on both sides of
  // midnight).
  if (!impl_->options.lint.as_of) impl_->options.lint.as_of = Date::today();
}
Linter::~Linter() = default;

std::vector<fs::path> Linter::collect(const std::vector<fs::path>& paths,
                                      std::vector<fs::path>* ignored) const {
  std::vector<fs::path> out;
  Ignores ignores(impl_->options);
  for (const fs::path& p : paths) {
    std::error_code ec;
    const bool is_dir = fs::is_directory(p, ec);
    const fs::path abs = absolute_normal(p);
    ignores.load_up_from(is_dir ? abs : abs.parent_path());
    // A path named on the command line is left out too, but said so: the user asked for it.
    if (ignores.excluded(abs)) continue;
    if (ignores.rules().ignored(abs, is_dir)) {
      if (ignored) ignored->push_back(p);
      continue;
    }
    if (is_dir) {
      walk(p, abs, ignores, out);
    } else {
      out.push_back(p);
    }
  }
  return out;
}

std::vector<FileResult> Linter::lint_file(const fs::path& file) const {
  Impl::Entry* used = nullptr;
  FileResult result = impl_->lint_path(file, &used);
  return impl_->with_problems(std::move(result), used);
}

FileResult Linter::Impl::lint_path(const fs::path& file, Entry** used) {
  *used = nullptr;
  const std::string name = file.string();
  // Offsets are 32-bit: a larger input cannot be reported on exactly, so it is refused.
  source::FileBytes read = source::read_file(file, kMaxInputBytes);
  switch (read.status) {
    case source::FileBytes::Status::ok:
      break;
    case source::FileBytes::Status::not_found:
      return io_problem(name, "io-error", "io.not-found");
    case source::FileBytes::Status::directory: {
      // Only a folder that could not be listed gets here (see walk).
      std::error_code ec;
      fs::directory_iterator probe(file, ec);
      return io_problem(name, "io-error", "io.unreadable",
                        {{"detail", ec ? ec.message() : "directory"}});
    }
    case source::FileBytes::Status::not_a_file:
      return io_problem(name, "io-error", "io.not-a-file");
    case source::FileBytes::Status::too_large:
      return io_problem(name, "io-error", "io.too-large",
                        {{"limit", std::int64_t{kMaxInputBytes}}});
    case source::FileBytes::Status::unreadable:
      return io_problem(name, "io-error", "io.unreadable", {{"detail", read.error}});
  }
  return lint(std::make_shared<const Source>(name, std::move(read.bytes)), file.parent_path(),
              used);
}

EngineResult Linter::engine_for(const fs::path& file) const {
  const fs::path dir = file.parent_path();
  const Impl::Entry* entry = impl_->engine_for(dir.empty() ? fs::path(".") : dir);
  return entry->built;
}

std::vector<FileResult> Linter::lint_source(std::shared_ptr<const Source> source) const {
  const fs::path dir = fs::path(source->name()).parent_path();
  Impl::Entry* used = nullptr;
  FileResult result = impl_->lint(std::move(source), dir.empty() ? fs::path(".") : dir, &used);
  return impl_->with_problems(std::move(result), used);
}

void Linter::lint_files(const std::vector<fs::path>& files,
                        const std::function<void(std::vector<FileResult>&&)>& emit) const {
  unsigned jobs = impl_->options.jobs;
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, files.size()));
  if (jobs <= 1) {
    for (const fs::path& f : files)
      emit(lint_file(f));
    return;
  }
  // Workers take files in order; a file's results wait in a ring of `window` slots until every
  // file before it has been emitted. A worker that runs ahead by a whole window waits, so at
  // most `window` files' results are held whatever the number of files.
  const std::size_t window = std::size_t{jobs} * 8;
  struct Done {
    FileResult result;
    Impl::Entry* used = nullptr;
  };
  std::vector<std::optional<Done>> ring(window);
  std::mutex mutex;
  std::condition_variable ready;  // a slot was filled
  std::condition_variable room;   // a slot was emptied
  std::size_t next = 0;           // the next file a worker takes
  std::size_t emitted = 0;        // files handed to emit
  bool stop = false;              // emit threw: the workers end
  const auto work = [&] {
    while (true) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return stop || next >= files.size() || next < emitted + window; });
        if (stop || next >= files.size()) return;
        i = next++;
      }
      Done done;
      try {
        done.result = impl_->lint_path(files[i], &done.used);
      } catch (const std::exception& e) {
        // Nothing below is meant to throw; if something does, this file says so and the run
        // goes on.
        done.result = io_problem(files[i].string(), "io-error", "io.unreadable",
                                 {{"detail", std::string(e.what())}});
      }
      {
        const std::lock_guard lock(mutex);
        ring[i % window] = std::move(done);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t)
    threads.emplace_back(work);
  const auto join = [&] {
    for (std::thread& t : threads)
      t.join();
  };
  try {
    for (std::size_t k = 0; k < files.size(); ++k) {
      Done done;
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return ring[k % window].has_value(); });
        done = std::move(*ring[k % window]);
        ring[k % window].reset();
        emitted = k + 1;
      }
      room.notify_all();
      emit(impl_->with_problems(std::move(done.result), done.used));
    }
  } catch (...) {
    {
      const std::lock_guard lock(mutex);
      stop = true;
    }
    room.notify_all();
    join();
    throw;
  }
  join();
}

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  while (true) {
    for (const char* name : {".guidelint.yaml", ".guidelint.yml"}) {
      const fs::path candidate = dir / name;
      // Relative to the working folder when inside it, so messages name it the way users do.
      if (fs::is_regular_file(candidate, ec)) return fs::proximate(candidate, ec);
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

}  // namespace guidelint
