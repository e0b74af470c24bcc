// Baselines: findings accepted as they are, keyed by what they are about rather than where.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "guidelint/guidelint.hpp"
#include "report/json_writer.hpp"
#include "source/file.hpp"

namespace guidelint {
namespace fs = std::filesystem;

namespace {

constexpr int kVersion = 1;

// FNV-1a over the text with blank runs made one space and the ends trimmed: re-indenting or
// re-wrapping a guide does not change what a finding is about.
std::string hash_of(std::string_view message_id, std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  const auto mix = [&](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ull;
  };
  for (const char c : message_id)
    mix(static_cast<unsigned char>(c));
  mix(0);
  bool blank = false;
  bool any = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = any;
      continue;
    }
    if (blank) mix(' ');
    blank = false;
    any = true;
    mix(static_cast<unsigned char>(c));
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

}  // namespace

Baseline::Baseline(fs::path base_dir) : base_dir_(guidelint::source::absolute_normal(base_dir)) {}

std::string Baseline::key(const FileResult& result, const Diagnostic& d) const {
  const Source& source = *result.source;
  std::string file = guidelint::source::absolute_normal(source.name())
                         .lexically_relative(base_dir_)
                         .generic_string();
  if (file.empty()) file = source.name();
  std::string guide;
  if (d.guide >= 0 && static_cast<std::size_t>(d.guide) < result.guides.size()) {
    const Guide& g = result.guides[static_cast<std::size_t>(d.guide)];
    guide = !g.code.empty()   ? "code:" + g.code
            : !g.name.empty() ? "file:" + file + "#" + g.name
                              : "file:" + file + "#" + std::to_string(d.guide + 1);
  } else {
    guide = "file:" + file;
  }
  std::string text;
  if (d.span && d.span->end <= source.text().size() && d.span->begin <= d.span->end) {
    text = source.text().substr(d.span->begin, d.span->end - d.span->begin);
  } else {
    // No place to point at: what the message says stands for it.
    for (const Arg& a : d.args) {
      text += a.name + '=';
      if (const auto* s = std::get_if<std::string>(&a.value)) {
        text += *s;
      } else {
        text += std::to_string(std::get<std::int64_t>(a.value));
      }
      text += '\n';
    }
  }
  return guide + '\0' + d.rule_id + '\0' + hash_of(d.message_id, text);
}

void Baseline::record(const FileResult& result) {
  for (const Diagnostic& d : result.diagnostics) {
    if (!d.fatal) ++entries_[key(result, d)].accepted;
  }
}

std::size_t Baseline::filter(FileResult& result) {
  std::size_t removed = 0;
  std::vector<Diagnostic> kept;
  kept.reserve(result.diagnostics.size());
  for (Diagnostic& d : result.diagnostics) {
    if (!d.fatal) {
      const auto it = entries_.find(key(result, d));
      if (it != entries_.end() && it->second.used < it->second.accepted) {
        ++it->second.used;
        ++removed;
        continue;
      }
    }
    kept.push_back(std::move(d));
  }
  result.diagnostics = std::move(kept);
  return removed;
}

void Baseline::prune() {
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second.used == 0) {
      it = entries_.erase(it);
    } else {
      it->second.accepted = it->second.used;
      ++it;
    }
  }
}

bool Baseline::save(const fs::path& file, std::string* error) const {
  std::ostringstream out;
  out << "{\n  \"version\": " << kVersion << ",\n  \"entries\": [";
  bool first = true;
  for (const auto& [k, count] : entries_) {
    const std::size_t a = k.find('\0');
    const std::size_t b = k.find('\0', a + 1);
    out << (first ? "\n" : ",\n") << "    {\"guide\": ";
    report::write_json_string(out, std::string_view(k).substr(0, a));
    out << ", \"rule\": ";
    report::write_json_string(out, std::string_view(k).substr(a + 1, b - a - 1));
    out << ", \"hash\": ";
    report::write_json_string(out, std::string_view(k).substr(b + 1));
    out << ", \"count\": " << count.accepted << '}';
    first = false;
  }
  out << (first ? "]\n}\n" : "\n  ]\n}\n");
  std::ofstream f(file, std::ios::binary | std::ios::trunc);
  f << out.str();
  f.flush();
  if (!f) {
    if (error) {
      *error = file.string() + ": " + std::error_code(errno, std::generic_category()).message();
    }
    return false;
  }
  return true;
}

std::optional<Baseline> Baseline::load(const fs::path& file, std::string* error) {
  source::FileBytes bytes = source::read_file(file, 1u << 30);
  const auto fail = [&](std::string what, std::optional<std::uint32_t> at,
                        const Source* src) -> std::optional<Baseline> {
    if (error) {
      std::string where = file.string();
      if (at && src) {
        const Position p = src->position(*at);
        where += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
      }
      *error = where + ": " + what;
    }
    return std::nullopt;
  };
  if (bytes.status != source::FileBytes::Status::ok) {
    return fail(bytes.error.empty() ? "not a readable baseline file" : bytes.error, std::nullopt,
                nullptr);
  }
  const Source src(file.string(), std::move(bytes.bytes));
  const std::string text(src.text());
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  if (doc.HasParseError()) {
    return fail(std::string("not JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()),
                static_cast<std::uint32_t>(doc.GetErrorOffset()), &src);
  }
  if (!doc.IsObject() || !doc.HasMember("version") || !doc["version"].IsInt()) {
    return fail("not a guidelint baseline (no \"version\")", std::nullopt, nullptr);
  }
  if (doc["version"].GetInt() != kVersion) {
    return fail("baseline version " + std::to_string(doc["version"].GetInt()) +
                    " is not one this guidelint reads (" + std::to_string(kVersion) + ")",
                std::nullopt, nullptr);
  }
  if (!doc.HasMember("entries") || !doc["entries"].IsArray()) {
    return fail("\"entries\" must be a list", std::nullopt, nullptr);
  }
  Baseline out(file.parent_path().empty() ? fs::path(".") : file.parent_path());
  std::size_t n = 0;
  for (const auto& e : doc["entries"].GetArray()) {
    ++n;
    const auto string_of = [&](const char* name) -> const rapidjson::Value* {
      if (!e.IsObject() || !e.HasMember(name) || !e[name].IsString()) return nullptr;
      return &e[name];
    };
    const rapidjson::Value* guide = string_of("guide");
    const rapidjson::Value* rule = string_of("rule");
    const rapidjson::Value* hash = string_of("hash");
    if (!guide || !rule || !hash || !e.HasMember("count") || !e["count"].IsUint64() ||
        e["count"].GetUint64() == 0) {
      return fail("entry " + std::to_string(n) +
                      " needs \"guide\", \"rule\" and \"hash\" strings and a positive \"count\"",
                  std::nullopt, nullptr);
    }
    std::string k(guide->GetString(), guide->GetStringLength());
    k += '\0';
    k.append(rule->GetString(), rule->GetStringLength());
    k += '\0';
    k.append(hash->GetString(), hash->GetStringLength());
    out.entries_[std::move(k)].accepted += e["count"].GetUint64();
  }
  return out;
}

}  // namespace guidelint
