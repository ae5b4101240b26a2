// book.yaml: every BookConfig field, relative paths taken from the file's folder, problems located.
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstdlib>
#include <functional>
#include <initializer_list>

#include "base/option_ranges.hpp"
#include "folio/config.hpp"
#include "frontmatter.hpp"
#include "post_reader.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {

// Reads typed values out of the YAML tree, reporting each problem at its node.
class BookYamlReader {
 public:
  BookYamlReader(std::string file, fs::path base, Diagnostics& diagnostics)
      : file_(std::move(file)), base_(std::move(base)), diagnostics_(diagnostics) {}

  SourceLocation at(const YAML::Node& n) const {
    auto m = n.Mark();
    if (m.is_null()) return {file_};
    return {file_, uint32_t(m.line) + 1, uint32_t(m.column) + 1};
  }

  void wrong(const YAML::Node& n, const std::string& key, const char* expected) {
    std::string got = n.IsScalar() ? "`" + n.Scalar() + "`" : n.IsSequence() ? "a list" : n.IsMap() ? "a map" : "nothing";
    diagnostics_.error(at(n), key + ": expected " + expected + ", got " + got);
  }

  using Handler = std::function<void(const YAML::Node& value, const std::string& path)>;
  struct Field {
    const char* name;
    Handler handle;
  };

  // Walks a map: known keys go to their handler, unknown keys are warnings at their line.
  void fields(const YAML::Node& map, const std::string& prefix, std::initializer_list<Field> known) {
    if (!map.IsMap()) {
      if (!map.IsNull()) wrong(map, prefix.empty() ? "book.yaml" : prefix, "a map");
      return;
    }
    for (const auto& kv : map) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      std::string path = prefix.empty() ? key : prefix + "." + key;
      const Field* field = nullptr;
      for (const auto& f : known)
        if (key == f.name) field = &f;
      if (!field) {
        diagnostics_.warning(at(kv.first), "unknown key `" + path + "` (ignored)");
        continue;
      }
      if (kv.second.IsNull()) continue;  // `key:` with nothing keeps the default
      field->handle(kv.second, path);
    }
  }

  Handler text(std::string& out) {
    return [this, &out](const YAML::Node& n, const std::string& key) {
      if (n.IsScalar()) out = n.Scalar();
      else wrong(n, key, "text");
    };
  }
  Handler path(fs::path& out) {
    return [this, &out](const YAML::Node& n, const std::string& key) {
      if (n.IsScalar()) out = resolve(n.Scalar());
      else wrong(n, key, "a path");
    };
  }
  Handler boolean(bool& out) {
    return [this, &out](const YAML::Node& n, const std::string& key) {
      if (auto b = as_bool(n)) out = *b;
      else wrong(n, key, "true or false");
    };
  }
  Handler optional_boolean(std::optional<bool>& out) {
    return [this, &out](const YAML::Node& n, const std::string& key) {
      if (auto b = as_bool(n)) out = *b;
      else wrong(n, key, "true or false");
    };
  }
  template <typename Int>
  Handler integer(Int& out, ranges::Range<int64_t> range) {
    return [this, &out, range](const YAML::Node& n, const std::string& key) {
      int64_t v = 0;
      if (as_int(n, v) && range.contains(v)) out = Int(v);
      else wrong(n, key, ("a whole number from " + std::to_string(range.min) + " to " + std::to_string(range.max)).c_str());
    };
  }
  Handler number(double& out, ranges::Range<double> range) {
    return [this, &out, range](const YAML::Node& n, const std::string& key) {
      double v = 0;
      if (as_double(n, v) && range.contains(v)) out = v;
      else wrong(n, key, ("a number from " + number_text(range.min) + " to " + number_text(range.max)).c_str());
    };
  }
  static std::string number_text(double d) {
    std::string s = std::to_string(d);
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
  }
  // A list of text, or one text as a list of one.
  Handler texts(std::vector<std::string>& out) {
    return [this, &out](const YAML::Node& n, const std::string& key) {
      out.clear();
      if (n.IsScalar()) {
        out.push_back(n.Scalar());
        return;
      }
      if (!n.IsSequence()) return wrong(n, key, "a list");
      for (const auto& item : n) {
        if (item.IsScalar()) out.push_back(item.Scalar());
        else wrong(item, key, "text");
      }
    };
  }
  Handler paths(std::vector<fs::path>& out) {
    return [this, &out](const YAML::Node& n, const std::string& key) {
      std::vector<std::string> list;
      texts(list)(n, key);
      out.clear();
      for (const auto& s : list) out.push_back(resolve(s));
    };
  }
  Handler date(std::optional<Date>& out) {
    return [this, &out](const YAML::Node& n, const std::string& key) {
      if (n.IsScalar())
        if (auto d = parse_date(n.Scalar())) {
          out = d;
          return;
        }
      wrong(n, key, "a date (2024-01-31 or RFC 3339)");
    };
  }
  // One of `choices`; `set` maps the index.
  Handler choice(std::initializer_list<const char*> choices, std::function<void(size_t)> set) {
    std::vector<std::string> names(choices.begin(), choices.end());
    return [this, names, set](const YAML::Node& n, const std::string& key) {
      if (n.IsScalar())
        for (size_t k = 0; k < names.size(); ++k)
          if (n.Scalar() == names[k]) return set(k);
      std::string expected = "one of";
      for (const auto& c : names) expected += " " + c;
      wrong(n, key, expected.c_str());
    };
  }

  fs::path resolve(const std::string& p) const {
    fs::path path(p);
    fs::path out = path.is_absolute() ? path.lexically_normal() : (base_ / path).lexically_normal();
    // `.` and `dir/` normalize with a trailing separator; a folder is named without it.
    if (!out.has_filename() && out.has_parent_path() && out != out.root_path()) out = out.parent_path();
    return out;
  }

 private:
  static std::optional<bool> as_bool(const YAML::Node& n) {
    if (!n.IsScalar()) return std::nullopt;
    const std::string& s = n.Scalar();
    if (s == "true" || s == "True" || s == "TRUE" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "False" || s == "FALSE" || s == "no" || s == "off") return false;
    return std::nullopt;
  }
  static bool as_int(const YAML::Node& n, int64_t& out) {
    if (!n.IsScalar() || n.Scalar().empty()) return false;
    errno = 0;
    char* end = nullptr;
    long long v = std::strtoll(n.Scalar().c_str(), &end, 10);
    if (errno || *end) return false;
    out = v;
    return true;
  }
  static bool as_double(const YAML::Node& n, double& out) {
    if (!n.IsScalar() || n.Scalar().empty()) return false;
    char* end = nullptr;
    double v = std::strtod(n.Scalar().c_str(), &end);
    if (*end) return false;
    out = v;
    return true;
  }

  std::string file_;
  fs::path base_;
  Diagnostics& diagnostics_;
};

// `250k`, `1M` or a number of bytes.
bool parse_size(const std::string& text, size_t& out) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || v < 0) return false;
  std::string unit(end);
  for (char& c : unit) c = char(std::tolower(static_cast<unsigned char>(c)));
  double scale = unit.empty() || unit == "b" ? 1 : unit == "k" || unit == "kb" || unit == "kib" ? 1024
               : unit == "m" || unit == "mb" || unit == "mib" ? 1024 * 1024 : 0;
  if (scale == 0) return false;
  out = size_t(v * scale);
  return true;
}

}  // namespace

const char* to_string(HanEmphasis emphasis) { return ranges::kHanEmphasisNames[size_t(emphasis)]; }

std::optional<BookConfig> load_book_config(const fs::path& file, Diagnostics& diagnostics) {
  std::string display = content::display_path_of(file);
  auto bytes = content::read_file_bytes(file, display, diagnostics);
  if (!bytes) return std::nullopt;
  std::string text = content::normalize_newlines(*bytes);
  content::ParseReport report{display, Severity::error, "book.yaml"};
  auto parsed = content::parse_yaml(text, 1, false, report, diagnostics);
  if (!parsed) return std::nullopt;
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    // Only reachable when parse_yaml read it after turning tab indentation into spaces.
    diagnostics.error({display, uint32_t(e.mark.line) + 1, uint32_t(e.mark.column) + 1}, "book.yaml: " + e.msg);
    return std::nullopt;
  }

  BookConfig config;
  config.file = fs::absolute(file).lexically_normal();
  config.base_dir = config.file.parent_path();
  config.raw = std::move(parsed->value);
  BookYamlReader r(display, config.base_dir, diagnostics);
  auto& m = config.meta;
  auto& sel = config.select;
  auto& fig = config.figures;
  auto& pdf = config.pdf;
  auto& epub = config.epub;

  using Field = BookYamlReader::Field;
  auto author = [&](const YAML::Node& n, const std::string& key) {
    r.texts(m.authors)(n, key);
  };
  auto content_paths = [&](const YAML::Node& n, const std::string& key) {
    std::vector<std::string> list;
    r.texts(list)(n, key);
    config.content.clear();
    for (const auto& p : list) config.content.push_back(r.resolve(p).string());
  };
  auto max_post_bytes = [&](const YAML::Node& n, const std::string& key) {
    size_t bytes = 0;
    if (!n.IsScalar() || !parse_size(n.Scalar(), bytes) || bytes < 1024 || bytes > (size_t(1) << 30))
      r.wrong(n, key, "a size from 1k to 1G (8M, 500k, bytes)");
    else config.max_post_bytes = bytes;
  };
  // `content:` is the list of paths, or a map of them and the post budget.
  auto content = [&](const YAML::Node& n, const std::string& key) {
    if (!n.IsMap()) return content_paths(n, key);
    r.fields(n, key, {Field{"paths", content_paths}, Field{"max_post_bytes", max_post_bytes}});
  };
  auto select = [&](const YAML::Node& n, const std::string& key) {
    r.fields(n, key,
             {Field{"tags", r.texts(sel.tags)}, Field{"all_tags", r.texts(sel.all_tags)},
              Field{"exclude_tags", r.texts(sel.exclude_tags)}, Field{"categories", r.texts(sel.categories)},
              Field{"sections", r.texts(sel.sections)}, Field{"from", r.date(sel.from)}, Field{"to", r.date(sel.to)},
              Field{"drafts", r.boolean(sel.drafts)}, Field{"future", r.boolean(sel.future)},
              Field{"expired", r.boolean(sel.expired)}, Field{"posts", r.texts(sel.posts)}});
  };
  auto order = r.choice({"date", "date_desc", "date-desc", "weight", "title", "path"}, [&](size_t k) {
    static constexpr Order orders[] = {Order::date, Order::date_desc, Order::date_desc, Order::weight, Order::title,
                                       Order::path};
    config.order = orders[k];
  });
  auto group = r.choice({"none", "tag", "section", "year"}, [&](size_t k) {
    static constexpr Grouping groups[] = {Grouping::none, Grouping::tag, Grouping::section, Grouping::year};
    config.group = groups[k];
  });
  auto shortcodes = [&](const YAML::Node& n, const std::string& key) {
    if (!n.IsMap()) return r.wrong(n, key, "a map of shortcode names");
    for (const auto& kv : n) {
      if (kv.second.IsScalar()) config.markdown.shortcode_map[kv.first.Scalar()] = kv.second.Scalar();
      else r.wrong(kv.second, key + "." + kv.first.Scalar(), "a shortcode name");
    }
  };
  auto markdown = [&](const YAML::Node& n, const std::string& key) {
    r.fields(n, key,
             {Field{"typographer", r.boolean(config.markdown.typographer)},
              Field{"emoji", r.optional_boolean(config.markdown.emoji)}, Field{"math", r.boolean(config.markdown.math)},
              Field{"auto_id_type", r.choice({"github", "github-ascii", "blackfriday"},
                                             [&](size_t k) {
                                               static const char* ids[] = {"github", "github-ascii", "blackfriday"};
                                               config.markdown.auto_id_type = ids[k];
                                             })},
              Field{"shortcodes", shortcodes}, Field{"shortcode_map", shortcodes}});
  };
  auto rewrite = [&](const YAML::Node& n, const std::string& key) {
    if (!n.IsSequence()) return r.wrong(n, key, "a list of {from, to}");
    for (const auto& item : n) {
      FigureOptions::Rewrite rw;
      r.fields(item, key, {Field{"from", r.text(rw.from)}, Field{"to", r.text(rw.to)}});
      if (rw.from.empty() || rw.to.empty()) r.wrong(item, key, "both `from` and `to`");
      else fig.rewrite.push_back(std::move(rw));
    }
  };
  auto headers = [&](const YAML::Node& n, const std::string& key) {
    if (!n.IsSequence()) return r.wrong(n, key, "a list of {host, set}");
    for (const auto& item : n) {
      FigureOptions::HostHeaders h;
      auto set = [&](const YAML::Node& s, const std::string& k) {
        if (!s.IsMap()) return r.wrong(s, k, "a map of header names to values");
        for (const auto& kv : s) {
          if (kv.second.IsScalar()) h.set.emplace_back(kv.first.Scalar(), kv.second.Scalar());
          else r.wrong(kv.second, k + "." + kv.first.Scalar(), "text");
        }
      };
      r.fields(item, key, {Field{"host", r.text(h.host)}, Field{"set", set}});
      if (h.host.empty()) r.wrong(item, key, "a `host`");
      else fig.headers.push_back(std::move(h));
    }
  };
  auto figures = [&](const YAML::Node& n, const std::string& key) {
    r.fields(n, key,
             {Field{"rewrite", rewrite}, Field{"headers", headers}, Field{"static_dirs", r.paths(fig.static_dirs)},
              Field{"cache", r.path(fig.cache_dir)}, Field{"cache_dir", r.path(fig.cache_dir)},
              Field{"refresh", r.boolean(fig.refresh)}, Field{"offline", r.boolean(fig.offline)},
              Field{"parallel", r.integer(fig.parallel, ranges::kParallel)}, Field{"max_redirects", r.integer(fig.max_redirects, ranges::kMaxRedirects)},
              Field{"connect_timeout_s", r.integer(fig.connect_timeout_s, ranges::kTimeoutS)}, Field{"timeout_s", r.integer(fig.timeout_s, ranges::kTimeoutS)},
              Field{"stall_timeout_s", r.integer(fig.stall_timeout_s, ranges::kTimeoutS)}, Field{"retries", r.integer(fig.retries, ranges::kRetries)},
              Field{"max_bytes", r.integer(fig.max_bytes, ranges::kMaxBytes)}, Field{"max_pixels", r.integer(fig.max_pixels, ranges::kMaxPixels)},
              Field{"user_agent", r.text(fig.user_agent)}, Field{"downscale_pixels", r.integer(fig.downscale_pixels, ranges::kDownscalePixels)},
              Field{"jpeg_quality", r.integer(fig.jpeg_quality, ranges::kJpegQuality)}});
  };
  // A font role is a family name, or a font file (resolved against book.yaml's folder).
  auto font = [&](std::string& out) {
    return [&](const YAML::Node& n, const std::string& key) {
      r.text(out)(n, key);
      fs::path p(out);
      std::string ext = p.extension().string();
      if (ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc" || out.find('/') != std::string::npos)
        out = r.resolve(out).string();
    };
  };
  auto fonts = [&](const YAML::Node& n, const std::string& key) {
    r.fields(n, key,
             {Field{"body", font(config.fonts.body)}, Field{"heading", font(config.fonts.heading)},
              Field{"code", font(config.fonts.code)},
              Field{"emphasis", r.choice({ranges::kHanEmphasisNames[0], ranges::kHanEmphasisNames[1],
                                          ranges::kHanEmphasisNames[2]},
                                         [&](size_t k) { config.fonts.emphasis = HanEmphasis(k); })}});
  };
  auto split_size = [&](const YAML::Node& n, const std::string& key) {
    if (!n.IsScalar() || !parse_size(n.Scalar(), epub.split_bytes)) r.wrong(n, key, "a size (250k, 1M, bytes)");
  };
  auto epub_section = [&](const YAML::Node& n, const std::string& key) {
    r.fields(n, key,
             {Field{"embed_fonts", r.choice({"subset", "full", "none"},
                                            [&](size_t k) { epub.embed_fonts = EpubOptions::EmbedFonts(k); })},
              Field{"stylesheets", r.paths(epub.stylesheets)}, Field{"paragraph_indent", r.number(epub.paragraph_indent_em, ranges::kParagraphIndentEm)},
              Field{"split_size", split_size}, Field{"max_image_pixels", r.integer(epub.max_image_pixels, ranges::kDownscalePixels)},
              Field{"size_budget_mb", r.integer(epub.size_budget_mb, ranges::kSizeBudgetMb)}});
  };
  auto margins = [&](const YAML::Node& n, const std::string& key) {
    if (n.IsScalar()) {  // one number for all four sides
      double all = -1;
      r.number(all, ranges::kMarginMm)(n, key);
      if (all >= 0) pdf.margin_top_mm = pdf.margin_bottom_mm = pdf.margin_inner_mm = pdf.margin_outer_mm = all;
      return;
    }
    r.fields(n, key,
             {Field{"top", r.number(pdf.margin_top_mm, ranges::kMarginMm)}, Field{"bottom", r.number(pdf.margin_bottom_mm, ranges::kMarginMm)},
              Field{"inner", r.number(pdf.margin_inner_mm, ranges::kMarginMm)}, Field{"outer", r.number(pdf.margin_outer_mm, ranges::kMarginMm)}});
  };
  auto pdf_section = [&](const YAML::Node& n, const std::string& key) {
    r.fields(n, key,
             {Field{"page", r.choice({"A4", "A5", "B5", "JIS-B5", "Letter", "6x9"},
                                     [&](size_t k) {
                                       static const char* pages[] = {"A4", "A5", "B5", "JIS-B5", "Letter", "6x9"};
                                       pdf.page = pages[k];
                                     })},
              Field{"margins", margins}, Field{"two_sided", r.boolean(pdf.two_sided)},
              Field{"font_size", r.number(pdf.font_size_pt, ranges::kFontSizePt)}, Field{"line_height", r.number(pdf.line_height, ranges::kLineHeight)},
              Field{"paragraph_indent", r.number(pdf.paragraph_indent_em, ranges::kParagraphIndentEm)},
              Field{"cjk_latin_space", r.number(pdf.cjk_latin_space_em, ranges::kCjkLatinSpaceEm)}, Field{"code_scale", r.number(pdf.code_scale, ranges::kCodeScale)},
              Field{"image_dpi", r.integer(pdf.image_dpi, ranges::kImageDpi)}, Field{"handout", r.optional_boolean(pdf.handout)},
              Field{"toc", r.boolean(pdf.toc)},
              Field{"toc_depth", r.choice({"1", "2", "3"}, [&](size_t k) { pdf.toc_depth = static_cast<int>(k) + 1; })}});
  };
  auto code_section = [&](const YAML::Node& n, const std::string& key) {
    auto& code = config.code;
    r.fields(n, key,
             {Field{"theme", r.text(code.theme)}, Field{"line_numbers", r.optional_boolean(code.line_numbers)},
              Field{"guess", r.optional_boolean(code.guess)}, Field{"tab_width", r.integer(code.tab_width, ranges::kTabWidth)},
              Field{"wrap", r.boolean(code.wrap)}, Field{"highlight", r.boolean(code.highlight)}});
  };

  r.fields(root, "",
           {Field{"title", r.text(m.title)}, Field{"subtitle", r.text(m.subtitle)}, Field{"authors", author},
            Field{"author", author}, Field{"language", r.text(m.language)}, Field{"identifier", r.text(m.identifier)},
            Field{"description", r.text(m.description)}, Field{"cover", r.path(m.cover)}, Field{"date", r.date(m.date)},
            Field{"base_url", r.text(m.base_url)}, Field{"publisher", r.text(m.publisher)},
            Field{"rights", r.text(m.rights)}, Field{"content", content}, Field{"select", select},
            Field{"order", order}, Field{"group", group}, Field{"markdown", markdown}, Field{"figures", figures},
            Field{"fonts", fonts}, Field{"epub", epub_section}, Field{"pdf", pdf_section},
            Field{"code", code_section}, Field{"strict", r.boolean(config.strict)}});
  return config;
}

}  // namespace folio
