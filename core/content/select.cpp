// Choosing the chapters: selection conditions, an explicit list, the order, and grouping into parts.
#include <algorithm>
#include <climits>
#include <fstream>
#include <map>
#include <set>

#include "folio/content.hpp"
#include "post_reader.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {

std::set<std::string> normalized(const std::vector<std::string>& terms) {
  std::set<std::string> out;
  for (const auto& t : terms) out.insert(normalize_term(t));
  return out;
}

bool has_any(const std::vector<std::string>& terms, const std::set<std::string>& wanted) {
  for (const auto& t : terms)
    if (wanted.count(normalize_term(t))) return true;
  return false;
}

int64_t sort_date(const Post& p) { return p.date ? p.date->unix_seconds : INT64_MIN; }

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The conditions in words, for the "no posts selected" error.
std::string describe(const Selection& sel) {
  std::vector<std::string> parts;
  if (!sel.tags.empty()) parts.push_back("tags any of [" + join(sel.tags) + "]");
  if (!sel.all_tags.empty()) parts.push_back("all of tags [" + join(sel.all_tags) + "]");
  if (!sel.exclude_tags.empty()) parts.push_back("none of tags [" + join(sel.exclude_tags) + "]");
  if (!sel.categories.empty()) parts.push_back("categories [" + join(sel.categories) + "]");
  if (!sel.sections.empty()) parts.push_back("sections [" + join(sel.sections) + "]");
  if (sel.from) parts.push_back("from " + sel.from->ymd());
  if (sel.to) parts.push_back("to " + sel.to->ymd());
  if (!sel.drafts) parts.push_back("drafts left out");
  if (!sel.future) parts.push_back("future posts left out");
  if (!sel.expired) parts.push_back("expired posts left out");
  return join(parts);
}

bool in_section(const Post& p, const std::vector<std::string>& sections) {
  for (auto s : sections) {
    while (!s.empty() && s.back() == '/') s.pop_back();
    while (!s.empty() && s.front() == '/') s.erase(s.begin());
    if (s.empty() || p.rel_path.rfind(s + "/", 0) == 0) return true;
  }
  return false;
}

// The post an entry of `select.posts` names: a path below a content folder (with or
// without the extension, or a bundle folder), or a path relative to book.yaml.
const Post* find_listed(const Collection& c, const std::string& entry, const fs::path& base_dir) {
  std::string e = fs::path(entry).lexically_normal().generic_string();
  while (!e.empty() && e.back() == '/') e.pop_back();
  fs::path from_base = (base_dir / entry).lexically_normal();
  for (const auto& p : c.posts) {
    if (p.rel_path == e || p.file == from_base || p.file == fs::path(entry)) return &p;
    std::string no_ext = fs::path(p.rel_path).replace_extension().generic_string();
    if (no_ext == e) return &p;
    if (p.leaf_bundle && fs::path(p.rel_path).parent_path().generic_string() == e) return &p;
    if (p.leaf_bundle && p.file.parent_path() == from_base) return &p;
  }
  return nullptr;
}

// Where `entry` is written in book.yaml, so an unknown post is reported at its line.
SourceLocation locate_in_config(const BookConfig& config, const std::string& display, const std::string& entry) {
  SourceLocation where{display};
  if (config.file.empty()) return where;
  std::ifstream in(config.file);
  std::string line;
  for (uint32_t n = 1; std::getline(in, line); ++n)
    if (size_t col = line.find(entry); col != std::string::npos) {
      where.line = n;
      where.column = uint32_t(col) + 1;
      break;
    }
  return where;
}

void sort_chapters(std::vector<const Post*>& posts, Order order) {
  auto by_path = [](const Post* a, const Post* b) {
    if (a->rel_path != b->rel_path) return a->rel_path < b->rel_path;
    return a->file < b->file;
  };
  std::function<bool(const Post*, const Post*)> less;
  switch (order) {
    case Order::date:
      less = [&](const Post* a, const Post* b) {
        if (sort_date(*a) != sort_date(*b)) return sort_date(*a) < sort_date(*b);
        return by_path(a, b);
      };
      break;
    case Order::date_desc:
      less = [&](const Post* a, const Post* b) {
        if (sort_date(*a) != sort_date(*b)) return sort_date(*a) > sort_date(*b);
        return by_path(a, b);
      };
      break;
    case Order::weight:
      // Weight 0 is unset and sorts after every weighted post, as in Hugo.
      less = [&](const Post* a, const Post* b) {
        int64_t wa = a->weight == 0 ? INT64_MAX : a->weight, wb = b->weight == 0 ? INT64_MAX : b->weight;
        if (wa != wb) return wa < wb;
        if (sort_date(*a) != sort_date(*b)) return sort_date(*a) < sort_date(*b);
        return by_path(a, b);
      };
      break;
    case Order::title:
      less = [&](const Post* a, const Post* b) {
        if (a->title != b->title) return a->title < b->title;
        if (sort_date(*a) != sort_date(*b)) return sort_date(*a) < sort_date(*b);
        return by_path(a, b);
      };
      break;
    case Order::path: less = by_path; break;
  }
  std::stable_sort(posts.begin(), posts.end(), less);
}

// The part a chapter belongs to under `group`, as its title.
std::string part_of(const Post& p, const Collection& c, const BookConfig& config) {
  switch (config.group) {
    case Grouping::none: return {};
    case Grouping::tag: {
      for (const auto& wanted : config.select.tags)
        for (const auto& t : p.tags)
          if (normalize_term(t) == normalize_term(wanted)) return wanted;
      return p.tags.empty() ? "Other" : p.tags.front();
    }
    case Grouping::section: {
      if (p.section.empty()) return "Other";
      for (const auto& s : c.sections)
        if (s.rel_dir == p.section && !s.title.empty()) return s.title;
      return p.section;
    }
    case Grouping::year: return p.date ? p.date->ymd().substr(0, 4) : "Undated";
  }
  return {};
}

}  // namespace

BookPlan select_posts(const Collection& collection, const BookConfig& config, int64_t now_unix,
                      Diagnostics& diagnostics) {
  const Selection& sel = config.select;
  std::string config_file = config.file.empty() ? std::string() : content::display_path_of(config.file);
  std::vector<const Post*> chosen;

  if (!sel.posts.empty()) {
    // An explicit list: exactly these posts, in this order.
    std::set<const Post*> seen;
    for (const auto& entry : sel.posts) {
      const Post* p = find_listed(collection, entry, config.base_dir);
      if (!p) {
        diagnostics.error(locate_in_config(config, config_file, entry), "select.posts: no such post: " + entry);
        continue;
      }
      if (seen.insert(p).second) chosen.push_back(p);
    }
  } else {
    auto tags = normalized(sel.tags), all_tags = normalized(sel.all_tags), exclude = normalized(sel.exclude_tags);
    auto categories = normalized(sel.categories);
    // A bare `to` date means the whole of that day.
    std::optional<int64_t> to_limit;
    if (sel.to) to_limit = sel.to->has_time ? sel.to->unix_seconds : sel.to->unix_seconds + 86400 - 1;
    for (const auto& p : collection.posts) {
      if (p.draft && !sel.drafts) continue;
      if (p.publish_date && p.publish_date->unix_seconds > now_unix && !sel.future) continue;
      if (p.expiry_date && p.expiry_date->unix_seconds <= now_unix && !sel.expired) continue;
      if (!tags.empty() && !has_any(p.tags, tags)) continue;
      if (!all_tags.empty()) {
        auto have = normalized(p.tags);
        if (!std::includes(have.begin(), have.end(), all_tags.begin(), all_tags.end())) continue;
      }
      if (!exclude.empty() && has_any(p.tags, exclude)) continue;
      if (!categories.empty() && !has_any(p.categories, categories)) continue;
      if (!sel.sections.empty() && !in_section(p, sel.sections)) continue;
      if (sel.from && (!p.date || p.date->unix_seconds < sel.from->unix_seconds)) continue;
      if (to_limit && (!p.date || p.date->unix_seconds > *to_limit)) continue;
      chosen.push_back(&p);
    }
    sort_chapters(chosen, config.order);
  }

  BookPlan plan;
  if (chosen.empty()) {
    std::string conditions = sel.posts.empty() ? describe(sel) : "select.posts";
    diagnostics.error({config_file}, "no posts selected (" + conditions + ") among " +
                                         std::to_string(collection.posts.size()) + " posts");
    return plan;
  }

  std::vector<std::string> titles;
  for (const Post* p : chosen) titles.push_back(part_of(*p, collection, config));
  if (config.group != Grouping::none) {
    // Parts in the order of select.tags when grouping by tag, else as they first appear.
    if (config.group == Grouping::tag)
      for (const auto& t : sel.tags)
        if (std::find(titles.begin(), titles.end(), t) != titles.end() &&
            std::find(plan.parts.begin(), plan.parts.end(), t) == plan.parts.end())
          plan.parts.push_back(t);
    for (const auto& t : titles)
      if (std::find(plan.parts.begin(), plan.parts.end(), t) == plan.parts.end()) plan.parts.push_back(t);
  }
  for (size_t k = 0; k < chosen.size(); ++k) {
    int part = -1;
    if (config.group != Grouping::none)
      part = int(std::find(plan.parts.begin(), plan.parts.end(), titles[k]) - plan.parts.begin());
    plan.chapters.push_back({chosen[k], part});
  }
  // Chapters of one part stay together, in their order within the part.
  std::stable_sort(plan.chapters.begin(), plan.chapters.end(),
                   [](const BookPlan::Entry& a, const BookPlan::Entry& b) { return a.part < b.part; });
  return plan;
}

}  // namespace folio
