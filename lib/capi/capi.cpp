// The C API over the C++ one. Every entry point catches everything: no exception crosses into C.
#include "guidelint/guidelint.h"

#include <map>
#include <mutex>
#include <sstream>
#include <string>

#include "guidelint/guidelint.hpp"
#include "source/file.hpp"

struct guidelint_engine {
  std::shared_ptr<const guidelint::Engine> engine;
};

struct guidelint_result {
  guidelint::FileResult result;
  // Strings handed out: the same for every locale, then per locale (rendered on first ask).
  struct Fixed {
    std::string item, decision, decision_title, decision_date, source;
  };
  std::vector<Fixed> fixed;
  mutable std::mutex mutex;
  mutable std::map<std::string, std::vector<std::string>, std::less<>> messages;
  mutable std::map<std::string, std::string, std::less<>> json;
};

namespace {

using guidelint::Severity;

thread_local std::string last_error;

guidelint_status fail(guidelint_status status, std::string message) {
  last_error = std::move(message);
  return status;
}

// Runs body, turning any exception into GUIDELINT_ERROR_INTERNAL with its message.
template <typename F>
guidelint_status guarded(F&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(GUIDELINT_ERROR_INTERNAL, "out of memory");
  } catch (const std::exception& e) {
    return fail(GUIDELINT_ERROR_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(GUIDELINT_ERROR_INTERNAL, "internal error");
  }
}

guidelint_string view(const std::string& s) {
  return {s.c_str(), s.size()};
}

// The locale a caller asked for (NULL: zh-Hans) into `out`; an error status for an unknown one.
guidelint_status read_locale(const char* locale, std::string_view& out) {
  out = locale == nullptr ? "zh-Hans" : locale;
  if (out == "zh-Hans" || out == "zh-Hant" || out == "en") return GUIDELINT_OK;
  return fail(GUIDELINT_ERROR_ARGUMENT,
              "unknown locale \"" + std::string(out) + "\" (zh-Hans, zh-Hant or en)");
}

std::string arg(const guidelint::Diagnostic& d, std::string_view name) {
  for (const guidelint::Arg& a : d.args) {
    if (a.name != name) continue;
    if (const auto* s = std::get_if<std::string>(&a.value)) return *s;
    return std::to_string(std::get<std::int64_t>(a.value));
  }
  return {};
}

// "name:line:column: message" for each problem of a config, one a line.
std::string problems_text(const std::vector<guidelint::FileResult>& problems) {
  std::string out;
  for (const guidelint::FileResult& r : problems) {
    for (const guidelint::Diagnostic& d : r.diagnostics) {
      if (!out.empty()) out += '\n';
      out += r.source->name();
      if (d.span) {
        const guidelint::Position p = r.source->position(d.span->begin);
        out += ':' + std::to_string(p.line) + ':' + std::to_string(p.column);
      }
      out += ": " + guidelint::render_message(d, "en");
    }
  }
  return out.empty() ? "the config could not be loaded" : out;
}

guidelint_status made(guidelint::EngineResult built, guidelint_engine** out) {
  if (!built.engine) return fail(GUIDELINT_ERROR_CONFIG, problems_text(built.problems));
  *out = new guidelint_engine{std::move(built.engine)};
  return GUIDELINT_OK;
}

// Checks and converts lint options; an error status when one is not understood.
guidelint_status lint_options(const guidelint_lint_options* in, guidelint::LintOptions& out) {
  if (in == nullptr) return GUIDELINT_OK;
  // Fields are read only as far as the caller's struct reaches (an older, shorter one).
  const auto has = [&](std::size_t end) { return in->struct_size >= end; };
  if (in->struct_size < sizeof(size_t)) {
    return fail(GUIDELINT_ERROR_ARGUMENT,
                "guidelint_lint_options.struct_size must be sizeof(guidelint_lint_options)");
  }
  if (has(offsetof(guidelint_lint_options, input_format) + sizeof(const char*)) &&
      in->input_format != nullptr && *in->input_format != '\0') {
    bool known = false;
    std::string names;
    for (const auto& [name, exts] : guidelint::Engine::input_formats()) {
      known = known || name == in->input_format;
      names += (names.empty() ? "" : ", ") + name;
    }
    if (!known) {
      return fail(GUIDELINT_ERROR_ARGUMENT, std::string("unknown input format \"") +
                                                in->input_format + "\" (known: " + names + ")");
    }
    out.input_format = in->input_format;
  }
  if (has(offsetof(guidelint_lint_options, as_of) + sizeof(const char*)) && in->as_of != nullptr &&
      *in->as_of != '\0') {
    const auto date = guidelint::Date::parse(in->as_of);
    if (!date) {
      return fail(GUIDELINT_ERROR_ARGUMENT,
                  std::string("as_of is not a date of the form YYYY-MM-DD: ") + in->as_of);
    }
    out.as_of = *date;
  }
  return GUIDELINT_OK;
}

guidelint_status finish(const guidelint_engine* engine,
                        std::shared_ptr<const guidelint::Source> source,
                        const guidelint::LintOptions& options, guidelint_result** out) {
  auto r = std::make_unique<guidelint_result>();
  r->result = engine->engine->lint(std::move(source), options);
  r->fixed.reserve(r->result.diagnostics.size());
  for (const guidelint::Diagnostic& d : r->result.diagnostics) {
    r->fixed.push_back({arg(d, "item"), arg(d, "decision"), arg(d, "decision_title"),
                        arg(d, "decision_date"), arg(d, "source")});
  }
  *out = r.release();
  return GUIDELINT_OK;
}

}  // namespace

extern "C" {

const char* guidelint_version(void) {
  return guidelint::version().data();
}

int guidelint_abi_version(void) {
  return GUIDELINT_ABI_VERSION;
}

const char* guidelint_last_error(void) {
  return last_error.c_str();
}

guidelint_status guidelint_engine_new_default(guidelint_engine** out) {
  return guarded([&] {
    if (out == nullptr) return fail(GUIDELINT_ERROR_ARGUMENT, "out is NULL");
    *out = nullptr;
    return made(guidelint::Engine::builtin(), out);
  });
}

guidelint_status guidelint_engine_new_yaml(const char* yaml, size_t length, const char* base_dir,
                                           guidelint_engine** out) {
  return guarded([&] {
    if (out == nullptr) return fail(GUIDELINT_ERROR_ARGUMENT, "out is NULL");
    *out = nullptr;
    if (yaml == nullptr && length > 0) return fail(GUIDELINT_ERROR_ARGUMENT, "yaml is NULL");
    std::error_code ec;
    const std::filesystem::path base =
        base_dir != nullptr ? std::filesystem::path(base_dir) : std::filesystem::current_path(ec);
    return made(guidelint::Engine::from_yaml(std::string_view(yaml == nullptr ? "" : yaml, length),
                                             "<config>", base),
                out);
  });
}

guidelint_status guidelint_engine_new_file(const char* path, guidelint_engine** out) {
  return guarded([&] {
    if (out == nullptr) return fail(GUIDELINT_ERROR_ARGUMENT, "out is NULL");
    *out = nullptr;
    if (path == nullptr) return fail(GUIDELINT_ERROR_ARGUMENT, "path is NULL");
    return made(guidelint::Engine::from_file(path), out);
  });
}

void guidelint_engine_free(guidelint_engine* engine) {
  delete engine;
}

guidelint_status guidelint_lint_buffer(const guidelint_engine* engine, const char* bytes,
                                       size_t length, const char* name,
                                       const guidelint_lint_options* options,
                                       guidelint_result** out) {
  return guarded([&] {
    if (out == nullptr) return fail(GUIDELINT_ERROR_ARGUMENT, "out is NULL");
    *out = nullptr;
    if (engine == nullptr) return fail(GUIDELINT_ERROR_ARGUMENT, "engine is NULL");
    if (bytes == nullptr && length > 0) return fail(GUIDELINT_ERROR_ARGUMENT, "bytes is NULL");
    guidelint::LintOptions lint;
    if (const auto s = lint_options(options, lint); s != GUIDELINT_OK) return s;
    auto source = std::make_shared<const guidelint::Source>(
        name != nullptr ? name : "<buffer>", std::string(bytes == nullptr ? "" : bytes, length));
    return finish(engine, std::move(source), lint, out);
  });
}

guidelint_status guidelint_lint_file(const guidelint_engine* engine, const char* path,
                                     const guidelint_lint_options* options,
                                     guidelint_result** out) {
  return guarded([&] {
    if (out == nullptr) return fail(GUIDELINT_ERROR_ARGUMENT, "out is NULL");
    *out = nullptr;
    if (engine == nullptr) return fail(GUIDELINT_ERROR_ARGUMENT, "engine is NULL");
    if (path == nullptr) return fail(GUIDELINT_ERROR_ARGUMENT, "path is NULL");
    guidelint::LintOptions lint;
    if (const auto s = lint_options(options, lint); s != GUIDELINT_OK) return s;
    const std::uint64_t max_bytes = engine->engine->max_input_bytes();
    guidelint::source::FileBytes file = guidelint::source::read_file(path, max_bytes);
    using Status = guidelint::source::FileBytes::Status;
    switch (file.status) {
      case Status::ok:
        break;
      case Status::too_large:
        return fail(GUIDELINT_ERROR_IO, std::string(path) + ": larger than " +
                                            std::to_string(max_bytes) +
                                            " bytes (limits: input_bytes); not checked");
      case Status::directory:
      case Status::not_a_file:
        return fail(GUIDELINT_ERROR_IO,
                    std::string(path) + ": not a regular file (a folder, pipe or device)");
      default:
        return fail(GUIDELINT_ERROR_IO, std::string(path) + ": " + file.error);
    }
    return finish(engine, std::make_shared<const guidelint::Source>(path, std::move(file.bytes)),
                  lint, out);
  });
}

void guidelint_result_free(guidelint_result* result) {
  delete result;
}

guidelint_status guidelint_result_summary(const guidelint_result* result, guidelint_summary* out) {
  return guarded([&] {
    if (result == nullptr || out == nullptr)
      return fail(GUIDELINT_ERROR_ARGUMENT, "result or out is NULL");
    const guidelint::FileResult& r = result->result;
    *out = guidelint_summary{r.guides.size(),
                             r.count(Severity::error),
                             r.count(Severity::warning),
                             r.count(Severity::info),
                             r.reviews(),
                             r.fatal() ? 1 : 0};
    return GUIDELINT_OK;
  });
}

size_t guidelint_result_count(const guidelint_result* result) {
  return result == nullptr ? 0 : result->result.diagnostics.size();
}

guidelint_status guidelint_result_diagnostic(const guidelint_result* result, size_t index,
                                             const char* locale, guidelint_diagnostic* out) {
  return guarded([&] {
    if (result == nullptr || out == nullptr)
      return fail(GUIDELINT_ERROR_ARGUMENT, "result or out is NULL");
    std::string_view loc;
    if (const auto s = read_locale(locale, loc); s != GUIDELINT_OK) return s;
    const guidelint::FileResult& r = result->result;
    if (index >= r.diagnostics.size()) {
      return fail(GUIDELINT_ERROR_RANGE, "index " + std::to_string(index) + " past the " +
                                             std::to_string(r.diagnostics.size()) + " diagnostics");
    }
    const guidelint::Diagnostic& d = r.diagnostics[index];
    const std::string* message = nullptr;
    {
      const std::lock_guard lock(result->mutex);
      auto it = result->messages.find(loc);
      if (it == result->messages.end()) {
        std::vector<std::string> rendered;
        rendered.reserve(r.diagnostics.size());
        for (const guidelint::Diagnostic& x : r.diagnostics)
          rendered.push_back(guidelint::render_message(x, loc));
        it = result->messages.emplace(std::string(loc), std::move(rendered)).first;
      }
      message = &it->second[index];
    }
    guidelint_diagnostic o{};
    o.rule_id = view(d.rule_id);
    o.message_id = view(d.message_id);
    o.message = view(*message);
    o.severity = static_cast<guidelint_severity>(d.severity);
    o.fatal = d.fatal ? 1 : 0;
    o.needs_review = d.needs_review ? 1 : 0;
    if (d.span) {
      const guidelint::Position b = r.source->position(d.span->begin);
      const guidelint::Position e = r.source->position(d.span->end);
      o.has_span = 1;
      o.line = b.line;
      o.column = b.column;
      o.column_utf16 = b.column_utf16;
      o.end_line = e.line;
      o.end_column = e.column;
      o.end_column_utf16 = e.column_utf16;
      o.offset = b.offset;
      o.end_offset = e.offset;
    }
    o.element_id = view(d.element_id);
    o.guide = d.guide;
    const guidelint_result::Fixed& f = result->fixed[index];
    o.item = view(f.item);
    o.decision = view(f.decision);
    o.decision_title = view(f.decision_title);
    o.decision_date = view(f.decision_date);
    o.source = view(f.source);
    *out = o;
    return GUIDELINT_OK;
  });
}

guidelint_status guidelint_result_json(const guidelint_result* result, const char* locale,
                                       guidelint_string* out) {
  return guarded([&] {
    if (result == nullptr || out == nullptr)
      return fail(GUIDELINT_ERROR_ARGUMENT, "result or out is NULL");
    std::string_view loc;
    if (const auto s = read_locale(locale, loc); s != GUIDELINT_OK) return s;
    const std::lock_guard lock(result->mutex);
    auto it = result->json.find(loc);
    if (it == result->json.end()) {
      std::ostringstream text;
      guidelint::FormatOptions options;
      options.locale = std::string(loc);
      auto formatter = guidelint::make_formatter("json", text, options);
      guidelint::Summary summary;
      summary.add(result->result);
      formatter->begin();
      formatter->file(result->result);
      formatter->end(summary);
      it = result->json.emplace(std::string(loc), std::move(text).str()).first;
    }
    *out = view(it->second);
    return GUIDELINT_OK;
  });
}

}  // extern "C"
