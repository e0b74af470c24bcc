// Reading an input file whole: one open, one fstat, one read into a string of the right size.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace guidelint::source {

struct FileBytes {
  enum class Status { ok, not_found, directory, not_a_file, too_large, unreadable };
  Status status = Status::ok;
  std::string bytes;
  std::string error;  // the system's words for not_found and unreadable
};

// The path made absolute (against the working folder) and lexically normal, so that paths given
// in different ways compare equal; the path as given, normalised, when it cannot be made absolute.
std::filesystem::path absolute_normal(const std::filesystem::path& path);

// Reads the regular file at path. Folders, pipes and devices are refused without reading (a pipe
// might never end), and so is a file larger than max_bytes.
FileBytes read_file(const std::filesystem::path& path, std::uint64_t max_bytes);

}  // namespace guidelint::source
