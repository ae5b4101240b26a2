// Splitting chapters into XHTML files, and the map from every id to the file holding it.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "folio/book.hpp"

namespace folio::epub {

/// One XHTML file of a chapter: a run of its top-level blocks, and the footnotes whose
/// first reference is in that run (so a note pops up from the file it is read in).
struct ChapterFile {
  std::string name;                 ///< "ch001.xhtml", "ch001-2.xhtml", ...
  size_t block_begin = 0;           ///< first top-level block
  size_t block_end = 0;             ///< one past the last
  std::vector<size_t> footnotes;    ///< indexes into Document::footnotes, in order
};

/// A heading of the chapter's body, for the table of contents (every level).
struct SectionEntry {
  std::string title;
  std::string href;  ///< "ch001-2.xhtml#id"
  int level = 2;     ///< 2 for the chapter's sections, 3 below them, ...
};

/// How one chapter is laid out in files.
struct ChapterLayout {
  std::vector<ChapterFile> files;
  std::vector<SectionEntry> sections;
  /// The id each heading gets (unique in its file, never empty, no spaces).
  std::map<const Heading*, std::string> heading_ids;
};

/// Where every id of the book is: (chapter, id) → file. Links are only written
/// through it, so no link can point at a fragment that is not in its file.
class LinkMap {
 public:
  /// Records that `id` of `chapter` is in `file`; `key` is how links name it (the
  /// book-unique id or the post's own id). The first record of a key wins.
  void add(int chapter, std::string_view key, std::string_view file, std::string_view id);
  void set_chapter_start(int chapter, std::string file);

  /// The href to use from `from_file` for `fragment` of `chapter` ("#id" within the same
  /// file, "ch002.xhtml#id" otherwise, "ch002.xhtml" for an empty fragment); nullopt
  /// when the chapter or the fragment does not exist.
  std::optional<std::string> href(int chapter, std::string_view fragment, std::string_view from_file) const;
  /// The first file of a chapter ("" if unknown).
  const std::string& chapter_start(int chapter) const;

 private:
  struct Place {
    std::string file;
    std::string id;
  };
  std::unordered_map<std::string, Place> places_;
  std::vector<std::string> starts_;
};

/// The layout of every chapter and the link map.
struct BookLayout {
  std::vector<ChapterLayout> chapters;
  LinkMap links;
};

/// Estimated XHTML bytes of one top-level block (the renderer supplies it).
using BlockSizer = std::function<size_t(const Block&)>;

/// `ch001` for chapter 0: the stem every file of a chapter shares.
std::string chapter_stem(size_t chapter);

/// Lays out every chapter: one file each, or, when its blocks come to more than
/// `split_bytes`, several files that each start at a level-2 heading (a section bigger
/// than the limit stays whole). Gives every heading a usable id and fills the link map,
/// including the footnote ids `fn-N` and `fnref-N` (`fnref-N-K` for the K-th reference).
BookLayout layout_book(const Book& book, size_t split_bytes, const BlockSizer& sizer);

/// An id as the fragment of an href: percent-encoded where it is not ASCII.
std::string fragment_ref(std::string_view id);

/// The id of the K-th (1-based) reference to footnote `number`.
std::string footnote_ref_id(int number, int k);
std::string footnote_id(int number);

}  // namespace folio::epub
