// BookConfig: everything book.yaml and the command line can set, with documented defaults.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "folio/export.hpp"
#include "folio/diagnostics.hpp"
#include "folio/post.hpp"
#include "folio/value.hpp"

namespace folio {
FOLIO_API_BEGIN

/// The book's own metadata (book.yaml top level). Empty fields are filled in
/// from the site config and the posts when the book is assembled.
struct BookMetadata {
  std::string title;                 ///< default: site title, else the single post's title, else "Untitled"
  std::string subtitle;
  std::vector<std::string> authors;  ///< default: site author
  std::string language;              ///< BCP 47; default: site languageCode, else detected from the text
  std::string identifier;            ///< default: urn:uuid derived from the content; may be an ISBN ("urn:isbn:...")
  std::string description;
  std::filesystem::path cover;       ///< cover image; empty: generated
  std::optional<Date> date;          ///< publication date; default: the newest post date
  std::string base_url;              ///< site base URL, for links to posts that are not in the book
  std::string publisher;
  std::string rights;
};

/// Which posts become chapters (book.yaml `select:`, flags `--tag` ...).
/// Terms are compared after normalize_term().
struct Selection {
  std::vector<std::string> tags;          ///< any of these tags (empty: no tag condition)
  std::vector<std::string> all_tags;      ///< all of these tags
  std::vector<std::string> exclude_tags;  ///< none of these tags
  std::vector<std::string> categories;    ///< any of these categories
  std::vector<std::string> sections;      ///< only posts under these content folders ("posts")
  std::optional<Date> from;               ///< only posts dated on or after
  std::optional<Date> to;                 ///< only posts dated on or before (a bare date includes that whole day)
  bool drafts = false;                    ///< include `draft: true`
  bool future = false;                    ///< include posts whose publishDate is in the future
  bool expired = false;                   ///< include posts whose expiryDate has passed
  /// An explicit ordered list of posts (paths relative to a content folder or to book.yaml).
  /// When set, it replaces the tag conditions and the order.
  std::vector<std::string> posts;
};

/// Chapter order (book.yaml `order:`, flag `--order`).
enum class Order {
  date,       ///< oldest first (default: a book reads forward)
  date_desc,  ///< newest first (Hugo's list order)
  weight,     ///< weight ascending (0 = unset, last), then date
  title,      ///< title, then date
  path,       ///< content path
};

/// Grouping of chapters into parts (book.yaml `group:`, flag `--group`).
enum class Grouping { none, tag, section, year };

/// Markdown reading (book.yaml `markdown:`).
struct MarkdownOptions {
  bool typographer = true;               ///< curly quotes, dashes, ellipsis (on by default, as in Hugo)
  std::optional<bool> emoji;             ///< `:smile:` codes; default: the site's enableEmoji
  bool math = true;                      ///< `$...$` and `$$...$$` as math nodes
  std::string auto_id_type;              ///< "github" (default), "github-ascii" or "blackfriday"; default: site's
  /// Theme shortcodes mapped to built-in ones: {"image": "figure", "admonition": "details"}.
  std::map<std::string, std::string> shortcode_map;
};

/// Figure resolving and fetching (book.yaml `figures:`).
struct FigureOptions {
  struct Rewrite {
    std::string from;  ///< URL prefix
    std::string to;    ///< replacement URL prefix or local folder
  };
  struct HostHeaders {
    std::string host;
    std::vector<std::pair<std::string, std::string>> set;  ///< header name, value
  };
  std::vector<Rewrite> rewrite;
  std::vector<HostHeaders> headers;
  std::vector<std::filesystem::path> static_dirs;  ///< extra static folders (default: `static/` beside each content folder)
  std::filesystem::path cache_dir;      ///< relative: beside book.yaml; default: default_cache_dir()
  bool refresh = false;                 ///< revalidate cached figures with conditional requests
  bool offline = false;                 ///< use only the cache
  int parallel = 8;                     ///< transfers at once
  int max_redirects = 5;
  int connect_timeout_s = 10;
  int timeout_s = 60;                   ///< whole transfer
  int stall_timeout_s = 15;             ///< abort when under 1 byte/s for this long
  int retries = 3;                      ///< on timeouts, 5xx and 429
  uint64_t max_bytes = 32ull << 20;     ///< size cap per figure
  uint64_t max_pixels = 50'000'000;     ///< decompression bomb limit
  std::string user_agent;               ///< default: folio/<version>
  uint64_t downscale_pixels = 0;        ///< `max_pixels` for output: downscale larger figures (0: never)
  int jpeg_quality = 85;                ///< for figures saved as JPEG that were not JPEG (WebP); a
                                        ///< downscaled JPEG is saved again at its own quality
};

/// Emphasis on Han text (book.yaml `fonts.emphasis`). Chinese typography does not slant
/// Han: it sets emphasis in a Kai face (楷体) or marks each character with a dot (着重号).
enum class HanEmphasis {
  kai,    ///< a Kai face; where none is installed, dots (a slanted Song is not Chinese typography)
  dots,   ///< a dot under each Han character (CSS text-emphasis in the EPUB, drawn in the PDF)
  slant,  ///< the body face slanted, as Latin italic
};

/// "kai", "dots", "slant": the book.yaml spelling.
const char* to_string(HanEmphasis emphasis);

/// Font roles (book.yaml `fonts:`): a family name or a font file path each.
/// Empty: the defaults for the book's language (Noto Serif CJK SC / Noto Sans CJK SC /
/// DejaVu Sans Mono with Noto Sans Mono CJK SC).
struct FontOptions {
  std::string body;
  std::string heading;
  std::string code;
  /// How `*emphasis*` on Han text is set (book.yaml `fonts.emphasis`); Latin text in it
  /// keeps a true italic whatever this says.
  HanEmphasis emphasis = HanEmphasis::kai;
};

/// EPUB writer (book.yaml `epub:`). Passed per call to write_epub; the defaults suit a
/// Chinese book read on phones and e-ink readers. Numeric values outside the range given
/// are refused by name (an error, nothing written), from book.yaml as from the flags.
struct EpubOptions {
  enum class EmbedFonts {
    subset,  ///< only the glyphs the book uses: small, and the book looks the same everywhere
    full,    ///< whole font files: 20-60 MB for a CJK family; only for readers that re-flow
             ///< text a subset lacks (user annotations with new characters)
    none,    ///< no fonts: the smallest book; readers without CJK fonts show boxes
  };
  /// Default: subset. Subsetting costs a few hundred ms per font on the first build
  /// (cached after).
  EmbedFonts embed_fonts = EmbedFonts::subset;
  /// Default: none. CSS files added after the default stylesheet, so their rules win.
  std::vector<std::filesystem::path> stylesheets;
  /// Default: 2 (em), range 0-10. First-line indent of body paragraphs; 0 gives block
  /// paragraphs with space between them instead.
  double paragraph_indent_em = 2.0;
  /// Default: 250 KiB, range 0-2 GiB (0: never split). Chapters larger than this are split
  /// at level-2 headings into several files: some readers (older Kindle, Kobo) page slowly
  /// or run out of memory on big files; smaller files mean more page breaks between
  /// sections.
  size_t split_bytes = 250 * 1024;
  /// Default: 4,000,000, range 0-2^32 (0: never). Photos with more pixels are downscaled
  /// to this many: Apple Books shows at most 5.6 MP, and a 12 MP phone photo is several MB
  /// on a 600x900 screen. Larger keeps zoomable detail; smaller makes a lighter book.
  uint64_t max_image_pixels = 4'000'000;
  /// Default: 100 (MB), range 0-1,048,576 (0: no budget). A book larger than this gets a
  /// warning that says what takes the space (many stores charge by the megabyte or cap
  /// uploads). Only a warning: nothing is left out.
  uint64_t size_budget_mb = 100;
};

/// PDF writer (book.yaml `pdf:`). Passed per call to write_pdf, so one Book can give an A4
/// handout and an A5 book. Defaults follow Chinese book typography (clreq): a 10.5 pt
/// body (五号) on a 1.65 pitch. Numeric values outside the range given are refused by
/// name (an error, nothing written), from book.yaml as from the flags.
struct PdfOptions {
  /// A4, A5, B5 (ISO), JIS-B5, Letter, 6x9 (case-insensitive). Empty (the default): A5
  /// for a book, A4 for a handout. Smaller pages mean more pages and more breaks inside
  /// tables and code.
  std::string page;
  /// Defaults: 18, 20, 18 (inner, the binding side) and 16 mm; range 0-100 each. Narrow
  /// margins fit more per page but leave no room to hold a printed book.
  double margin_top_mm = 18, margin_bottom_mm = 20, margin_inner_mm = 18, margin_outer_mm = 16;
  /// Default: true. Mirrored margins, and chapters open on a right-hand page (a blank
  /// left page where needed): for printing both sides. False for a PDF read on screen.
  bool two_sided = true;
  /// Default: 10.5 (pt), range 5-30. The body size; headings, notes and code scale with it.
  double font_size_pt = 10.5;
  /// Default: 1.65, range 1-3. Baseline pitch as a multiple of font_size_pt. Han text
  /// needs more than Latin (no ascenders to separate lines); below 1.4 lines crowd.
  double line_height = 1.65;
  /// Default: 2 (em), range 0-10. First-line indent of body paragraphs.
  double paragraph_indent_em = 2.0;
  /// Default: 0.25 (em), range 0-1. Gap between Han and Latin letters or digits (clreq
  /// asks for a quarter em); 0 sets them tight. Justification may stretch it a little.
  double cjk_latin_space_em = 0.25;
  /// Default: 0.85, range 0.5-2. Code size relative to the body: smaller keeps more of a
  /// long line on one line, larger is easier to read in print.
  double code_scale = 0.85;
  /// Default: 220, range 72-1200. Figures are downsampled to this resolution at their
  /// placed size: 300 for offset print, 150 for screen; higher keeps detail and makes a
  /// bigger file and a slower build.
  int image_dpi = 220;
  /// Default (unset): true for a single post, false for several. A handout has a title
  /// block with the tags instead of a title page, no contents, and URLs as footnotes.
  std::optional<bool> handout;
  /// Default: true. A table of contents in book mode (never in a handout); costs a layout
  /// pass to learn how many pages it takes.
  bool toc = true;
  /// Default: 2, range 1-3. Contents depth: 1 chapters (and parts), 2 with ## headings,
  /// 3 with ###. Deeper contents are longer to print and to scan.
  int toc_depth = 2;
};

/// Code blocks (book.yaml `code:`, flags `--code-theme`, `--line-numbers`). Unset fields
/// take the site config's `markup.highlight`, then these defaults.
struct CodeOptions {
  std::string theme;                        ///< a Chroma style or KSyntaxHighlighting theme name; empty: GitHub (EPUB), Printing (PDF)
  std::optional<bool> line_numbers;         ///< number every block's lines (default: off, as Hugo)
  std::optional<bool> guess;                ///< guess the language of unlabelled blocks (default: on)
  int tab_width = 0;                        ///< spaces a tab stands for (0: the site's tabWidth, else 4)
  bool wrap = true;                         ///< wrap long lines (false: the EPUB scrolls them)
  bool highlight = true;                    ///< false: every block monochrome (`--no-highlight`)
};

/// Everything a build needs to know. Loaded from book.yaml (load_book_config),
/// then overridden by flags.
struct BookConfig {
  std::filesystem::path file;          ///< the book.yaml it came from (empty if none)
  std::filesystem::path base_dir;      ///< where relative paths are taken from (book.yaml's folder, else cwd)
  BookMetadata meta;
  std::vector<std::string> content;    ///< site roots, content folders or Markdown files (default: ".")
  /// book.yaml `content: {max_post_bytes: 16M}`: a post file bigger than this is left out
  /// with a warning (a budget for untrusted content; at most 1 GiB).
  size_t max_post_bytes = size_t(8) << 20;
  Selection select;
  Order order = Order::date;
  Grouping group = Grouping::none;
  MarkdownOptions markdown;
  FigureOptions figures;
  FontOptions fonts;
  EpubOptions epub;
  PdfOptions pdf;
  CodeOptions code;
  bool strict = false;                 ///< warnings are errors
  /// Take the work earlier builds kept in figures.cache_dir (when it is absolute, as
  /// resolve_figures and `folio build` make it): posts read from the same bytes and
  /// options, deflated EPUB entries, font subsets, the drawn cover. false: make all of it
  /// anew and keep none (`folio build --no-cache`). The output is the same either way.
  bool reuse_cache = true;
  Value raw;                           ///< the whole book.yaml as read
};

/// Reads book.yaml. Unknown keys are warnings (with their line), malformed values
/// errors; on a file that cannot be parsed at all, returns nullopt after an error.
std::optional<BookConfig> load_book_config(const std::filesystem::path& file, Diagnostics& diagnostics);

FOLIO_API_END
}  // namespace folio
