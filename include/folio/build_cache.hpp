// Build cache: what a finished build read, so that the next build with the same inputs and
// options keeps its output instead of redoing it (a no-change rebuild costs a few stat calls).
#pragma once

#include <cstdint>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "folio/export.hpp"
#include "folio/config.hpp"
#include "folio/content.hpp"
#include "folio/diagnostics.hpp"

namespace folio {
FOLIO_API_BEGIN

/// A fingerprint of everything a build may read.
struct BuildInputs {
  std::string key;   ///< hex SHA-256 over the options, the folio version and every input file's path, size and mtime
  size_t files = 0;  ///< input files looked at
};

/// The files and folders a build of `config` may read (folders are read recursively): the
/// content PATHS (for a folder inside a Hugo site, the whole site), book.yaml, static
/// folders, stylesheets, cover and font files. Absolute, without duplicates.
std::vector<std::filesystem::path> input_roots(const BookConfig& config);

/// True for folders no build reads inside an input root: hidden ones, public/, resources/,
/// node_modules/.
bool skipped_input_folder(const std::string& name);

/// Fingerprints the book's inputs (input_roots): every file under the content PATHS (for a folder inside a
/// Hugo site, the whole site: content, static, config), book.yaml, static folders,
/// stylesheets, cover and font files; plus `options`, the caller's canonical spelling of
/// the settings that are not in those files (format, flags, SOURCE_DATE_EPOCH). Hidden
/// folders, public/, resources/, node_modules/, temporary files and the paths in `ignore`
/// (the output, the cache) are left out.
BuildInputs fingerprint_inputs(const BookConfig& config, std::string_view options,
                               const std::vector<std::filesystem::path>& ignore);

/// The first moment after `now_unix` at which a post of the collection becomes due
/// (publishDate) or expires: a kept output is valid until then. INT64_MAX when none.
int64_t selection_valid_until(const Collection& collection, int64_t now_unix);

/// What was recorded for one output file.
struct BuildRecord {
  std::string key;                                    ///< BuildInputs::key it was built from
  std::filesystem::path output;                       ///< the file written
  int64_t valid_until = std::numeric_limits<int64_t>::max();
  uint64_t output_size = 0;                           ///< the output as written, to notice it was replaced
  int64_t output_mtime_ns = 0;
  std::vector<Diagnostic> diagnostics;                ///< what the build reported, replayed when it is kept
  std::map<std::string, std::string> facts;           ///< the caller's summary values ("chapters": "200")
};

/// Records of finished builds, one small file per build name under `<cache_dir>/builds/`.
/// The name is the output path, or for a build whose output is named after the book
/// (no -o) any stable spelling of the request: the record says which file was written.
class BuildCache {
 public:
  explicit BuildCache(std::filesystem::path cache_dir);

  /// The record of `name` when it was built from `inputs`, is still valid at `now_unix`,
  /// and the file it wrote is still the one written then (same size and mtime).
  std::optional<BuildRecord> find(const std::string& name, const BuildInputs& inputs, int64_t now_unix) const;
  /// Records a finished build (the size and mtime of record.output are read now). False if
  /// the record cannot be written (the build itself is not affected).
  bool store(const std::string& name, BuildRecord record) const;
  /// Forgets `name` (after a failed build).
  void forget(const std::string& name) const;

 private:
  std::filesystem::path record_path(const std::string& name) const;
  std::filesystem::path dir_;
};

FOLIO_API_END
}  // namespace folio
