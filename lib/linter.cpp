// Linting files and folders: find the config that governs each file, build one Engine per config
// (once, shared), read the file, lint it. Unreadable paths and broken configs become diagnostics;
// they never stop the run.
#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <map>
#include <memory>
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

using source::absolute_normal;

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
  // Whether any path can be left out at all: when none can, a walk need not ask per entry.
  bool any() const { return !rules_.empty() || !excluded_.empty(); }

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

// The files to lint under some paths, in sorted order, one at a time: only the folders on the
// way down are held, never the whole tree. Ignore files and patterns leave paths out; symbolic
// links to folders are not followed (a link back up the tree would never end); a folder that
// cannot be listed is given as a path itself, so that linting it reports the problem.
class FileWalk {
 public:
  FileWalk(std::vector<fs::path> paths, const LinterOptions& options,
           std::vector<fs::path>* ignored)
      : paths_(std::move(paths)), ignores_(options), ignored_(ignored) {}

  std::optional<fs::path> next() {
    while (true) {
      if (!stack_.empty()) {
        Level& top = stack_.back();
        if (top.at == top.entries.size()) {
          stack_.pop_back();
          continue;
        }
        const Entry& e = top.entries[top.at++];
        const std::string_view name = top.name(e);
        // The folder's path as text and the name: what `top.dir / name` gives, without
        // copying the folder's parsed components into every file's path.
        std::string joined;
        joined.reserve(top.prefix.size() + name.size());
        joined.append(top.prefix).append(name);
        fs::path path(std::move(joined));
        if (!e.dir) return path;
        fs::path abs = top.abs / name;
        if (auto unreadable = enter(std::move(path), std::move(abs))) return unreadable;
        continue;
      }
      if (given_ == paths_.size()) return std::nullopt;
      const fs::path& p = paths_[given_++];
      std::error_code ec;
      const bool is_dir = fs::is_directory(p, ec);
      const fs::path abs = absolute_normal(p);
      ignores_.load_up_from(is_dir ? abs : abs.parent_path());
      if (ignores_.excluded(abs)) continue;
      // A path named on the command line is left out too, but said so: the user asked for it.
      if (ignores_.rules().ignored(abs, is_dir)) {
        if (ignored_) ignored_->push_back(p);
        continue;
      }
      if (!is_dir) return p;
      if (auto unreadable = enter(p, abs)) return unreadable;
    }
  }

 private:
  // Only the name, kept with the folder's other names: a folder of 100,000 guides is listed
  // whole, and a path per entry (a string and its parsed components) tripled the run's peak
  // memory; a string per entry made sorting them move strings.
  struct Entry {
    std::uint32_t offset = 0;  // of the name in Level::names
    std::uint32_t size = 0;
    bool dir = false;
  };
  struct Level {
    std::string prefix;  // the folder's path with a separator after it, if it needs one
    fs::path abs;
    std::string names;           // of the entries, one after another
    std::vector<Entry> entries;  // what is linted or entered, sorted by name
    std::size_t at = 0;

    std::string_view name(const Entry& e) const { return {names.data() + e.offset, e.size}; }
  };

  // Lists a folder onto the stack; the folder itself when it cannot be listed. Read with
  // readdir, whose entry types spare a std::filesystem::path and a stat for each plain file and
  // folder; links, and entries of a file system that gives no type, are looked at through
  // std::filesystem.
  std::optional<fs::path> enter(fs::path dir, fs::path abs) {
    Level level;
    ignores_.load(abs);
    const std::unique_ptr<DIR, int (*)(DIR*)> listing(::opendir(dir.c_str()), &::closedir);
    if (!listing) return dir;
    bool failed = false;
    while (true) {
      errno = 0;
      const dirent* d = ::readdir(listing.get());
      if (d == nullptr) {
        failed = errno != 0;
        break;
      }
      const std::string_view name = d->d_name;
      if (name.starts_with(".")) continue;  // ., .., .git, editors' files
      bool is_dir = d->d_type == DT_DIR;
      if (d->d_type == DT_LNK || d->d_type == DT_UNKNOWN) {
        std::error_code s;
        const fs::directory_entry e(dir / name, s);
        if (e.is_symlink(s) && e.is_directory(s)) continue;
        is_dir = e.is_directory(s);
        // Not FIFOs or devices: reading them might never end. A link to nowhere with a
        // guide's name is kept, so that linting it reports the broken link.
        const bool dangling = e.is_symlink(s) && !fs::exists(e.status(s));
        if (!is_dir &&
            !(parse::parser_for_extension(name) != nullptr && (e.is_regular_file(s) || dangling)))
          continue;
      } else if (!is_dir && !(d->d_type == DT_REG && parse::parser_for_extension(name))) {
        continue;
      }
      if (ignores_.any()) {
        const fs::path entry_abs = abs / name;
        if (ignores_.rules().ignored_here(entry_abs, is_dir) || ignores_.excluded(entry_abs))
          continue;
      }
      level.entries.push_back({static_cast<std::uint32_t>(level.names.size()),
                               static_cast<std::uint32_t>(name.size()), is_dir});
      level.names += name;
    }
    if (failed) return dir;
    std::sort(level.entries.begin(), level.entries.end(),
              [&](const Entry& a, const Entry& b) { return level.name(a) < level.name(b); });
    level.prefix = dir.native();
    if (!level.prefix.empty() && level.prefix.back() != fs::path::preferred_separator)
      level.prefix += fs::path::preferred_separator;
    level.abs = std::move(abs);
    stack_.push_back(std::move(level));
    return std::nullopt;
  }

  std::vector<fs::path> paths_;
  std::size_t given_ = 0;
  Ignores ignores_;
  std::vector<fs::path>* ignored_;
  std::vector<Level> stack_;
};

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
    // An engine's problems are set when it is built and never change.
    if (entry == nullptr || entry->built.problems.empty()) return {};
    const std::lock_guard lock(mutex);
    if (entry->problems_reported) return {};
    entry->problems_reported = true;
    return entry->built.problems;
  }

  // The source's result under the config of `entry`, without its problems; `used` tells which
  // config governed it.
  FileResult lint(std::shared_ptr<const Source> source, Entry* entry, Entry** used) {
    *used = entry;
    if (!entry->built.engine) {
      return io_problem(source->name(), "config-error", "io.config-broken",
                        {{"config", entry->name}});
    }
    return entry->built.engine->lint(std::move(source), options.lint);
  }

  // The engine a thread used last and its folder: files come folder by folder, so most files
  // find theirs here without taking the lock.
  struct LastEngine {
    std::string dir;  // a file's path up to and with its last separator, as written
    Entry* entry = nullptr;
  };

  // Reads and lints a file; `used` is null when it could not be read. `last`, when given, is
  // the calling thread's own.
  FileResult lint_path(const fs::path& file, Entry** used, LastEngine* last = nullptr);

  // Lints the files next_file gives on options.jobs threads; see Linter::lint_files.
  void run(const std::function<std::optional<fs::path>()>& next_file,
           const std::function<void(std::vector<FileResult>&&)>& emit);

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
  FileWalk walk(paths, impl_->options, ignored);
  while (auto file = walk.next())
    out.push_back(std::move(*file));
  return out;
}

std::vector<FileResult> Linter::lint_file(const fs::path& file) const {
  Impl::Entry* used = nullptr;
  FileResult result = impl_->lint_path(file, &used);
  return impl_->with_problems(std::move(result), used);
}

FileResult Linter::Impl::lint_path(const fs::path& file, Entry** used, LastEngine* last) {
  *used = nullptr;
  std::string name = file.string();
  // Read no more than the governing config allows (limits: input_bytes); offsets are 32-bit, so
  // a larger input could not be reported on exactly whatever the config says.
  // The same text up to the last separator is the same folder: no path is made for that.
  const std::size_t slash = name.rfind('/');
  const std::string_view dir =
      std::string_view(name).substr(0, slash == std::string::npos ? 0 : slash + 1);
  Entry* entry = nullptr;
  if (last != nullptr && last->entry != nullptr && last->dir == dir) {
    entry = last->entry;
  } else {
    entry = engine_for(file.parent_path());
    if (last != nullptr) *last = {std::string(dir), entry};
  }
  const std::uint64_t max_bytes =
      entry->built.engine ? entry->built.engine->max_input_bytes() : kMaxInputBytes;
  source::FileBytes read = source::read_file(file, max_bytes);
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
                        {{"limit", static_cast<std::int64_t>(max_bytes)}});
    case source::FileBytes::Status::unreadable:
      return io_problem(name, "io-error", "io.unreadable", {{"detail", read.error}});
  }
  return lint(std::make_shared<const Source>(std::move(name), std::move(read.bytes)), entry, used);
}

EngineResult Linter::engine_for(const fs::path& file) const {
  const fs::path dir = file.parent_path();
  const Impl::Entry* entry = impl_->engine_for(dir.empty() ? fs::path(".") : dir);
  return entry->built;
}

std::vector<FileResult> Linter::lint_source(std::shared_ptr<const Source> source) const {
  const fs::path dir = fs::path(source->name()).parent_path();
  Impl::Entry* used = nullptr;
  FileResult result =
      impl_->lint(std::move(source), impl_->engine_for(dir.empty() ? fs::path(".") : dir), &used);
  return impl_->with_problems(std::move(result), used);
}

void Linter::lint_files(const std::vector<fs::path>& files,
                        const std::function<void(std::vector<FileResult>&&)>& emit) const {
  std::size_t k = 0;
  impl_->run(
      [&]() -> std::optional<fs::path> {
        if (k == files.size()) return std::nullopt;
        return files[k++];
      },
      emit);
}

void Linter::lint_paths(const std::vector<fs::path>& paths,
                        const std::function<void(std::vector<FileResult>&&)>& emit,
                        std::vector<fs::path>* ignored) const {
  FileWalk walk(paths, impl_->options, ignored);
  impl_->run([&] { return walk.next(); }, emit);
}

void Linter::Impl::run(const std::function<std::optional<fs::path>()>& next_file,
                       const std::function<void(std::vector<FileResult>&&)>& emit) {
  unsigned jobs = options.jobs;
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  if (jobs <= 1) {
    LastEngine last;
    while (auto file = next_file()) {
      Entry* used = nullptr;
      FileResult result = lint_path(*file, &used, &last);
      emit(with_problems(std::move(result), used));
    }
    return;
  }
  // Files are taken in order; a file's results wait in a ring of `window` slots until every
  // file before it has been emitted. Nobody takes a file more than a whole window ahead of the
  // emitted ones, so at most `window` files' results are held whatever the number of files.
  // Files are taken from next_file as they are needed, so a walk of the tree goes on as the
  // files are linted. The calling thread is one of the `jobs` workers: between emits it lints
  // files itself, so `jobs` threads share `jobs` cores instead of an emitting thread competing
  // with them, and it emits whenever the next result is ready.
  //
  // A result goes back to the thread that made it to be freed: freeing memory another thread
  // allocated takes the lock of that thread's malloc arena, which the thread is using, and the
  // two threads then spent much of the run waiting for each other.
  const std::size_t window = std::size_t{jobs} * 64;
  struct Done {
    FileResult result;
    Entry* used = nullptr;
    unsigned maker = 0;  // the worker that linted it; 0 the calling thread
  };
  std::vector<std::vector<std::vector<FileResult>>> freed_by(jobs);  // emitted, per maker
  std::vector<std::optional<Done>> ring(window);
  std::mutex mutex;
  std::condition_variable ready;  // a slot was filled, or the files ran out
  std::condition_variable room;   // a slot was emptied
  std::size_t taken = 0;          // files handed to workers
  bool exhausted = false;         // next_file has no more
  std::size_t emitted = 0;        // files handed to emit
  bool stop = false;              // emit threw: the workers end

  // The next file and its index, or nullopt when there is none (or no room for one). Taken
  // without holding `mutex`: the walk (a folder read, a stat) runs under a lock of its own, so a
  // thread storing a result or emitting does not wait for it. Files get their indexes in the
  // order the walk gives them.
  std::mutex walk_mutex;
  const auto take = [&]() -> std::optional<std::pair<std::size_t, fs::path>> {
    const std::lock_guard walking(walk_mutex);
    {
      const std::lock_guard lock(mutex);
      if (stop || exhausted || taken >= emitted + window) return std::nullopt;
    }
    std::optional<fs::path> f;
    try {
      f = next_file();
    } catch (...) {
      f.reset();
    }
    const std::lock_guard lock(mutex);
    if (!f) {
      exhausted = true;
      ready.notify_all();
      room.notify_all();
      return std::nullopt;
    }
    return std::pair{taken++, std::move(*f)};
  };
  // Without the lock: lints file i and puts its results in the ring.
  const auto lint_one = [&](std::size_t i, const fs::path& file, LastEngine& last, unsigned maker) {
    Done done;
    done.maker = maker;
    try {
      done.result = lint_path(file, &done.used, &last);
    } catch (const std::exception& e) {
      // Nothing below is meant to throw; if something does, this file says so and the run
      // goes on.
      done.result = io_problem(file.string(), "io-error", "io.unreadable",
                               {{"detail", std::string(e.what())}});
    }
    bool wanted = false;
    {
      const std::lock_guard lock(mutex);
      ring[i % window] = std::move(done);
      wanted = i == emitted;  // the one emit waits for; the others it finds ready
    }
    if (wanted) ready.notify_all();
  };
  const auto work = [&](unsigned maker) {
    LastEngine last;
    while (true) {
      std::vector<std::vector<FileResult>> to_free;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return stop || exhausted || taken < emitted + window; });
        to_free.swap(freed_by[maker]);
        if (stop || exhausted) return;
      }
      to_free.clear();
      // Nothing when another thread took the last room or the last file: the loop says which.
      if (auto next = take()) lint_one(next->first, next->second, last, maker);
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs - 1);
  for (unsigned t = 1; t < jobs; ++t)
    threads.emplace_back(work, t);
  const auto join = [&] {
    for (std::thread& t : threads)
      t.join();
  };
  try {
    LastEngine last;
    for (std::size_t k = 0;;) {
      Done done;
      {
        std::unique_lock lock(mutex);
        if (!ring[k % window].has_value()) {
          if (exhausted && k >= taken) break;  // every file taken has been emitted
          if (!stop && !exhausted && taken < emitted + window) {
            lock.unlock();
            if (auto next = take()) lint_one(next->first, next->second, last, 0);
            continue;
          }
          ready.wait(lock,
                     [&] { return ring[k % window].has_value() || (exhausted && k >= taken); });
          continue;
        }
        done = std::move(*ring[k % window]);
        ring[k % window].reset();
        emitted = ++k;
      }
      room.notify_all();
      std::vector<FileResult> results = with_problems(std::move(done.result), done.used);
      emit(std::move(results));
      if (done.maker != 0) {
        const std::lock_guard lock(mutex);
        freed_by[done.maker].push_back(std::move(results));
      }
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
