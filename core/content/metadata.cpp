// Book metadata defaults: what book.yaml leaves empty comes from the site config and the chosen posts.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "folio/content.hpp"

namespace folio {

void complete_metadata(BookConfig& config, const Collection& collection, const BookPlan& plan) {
  BookMetadata& m = config.meta;
  // The first site that says something wins; a book usually has one site.
  const SiteConfig* site = nullptr;
  for (const auto& root : collection.roots)
    if (root.site) {
      site = &*root.site;
      break;
    }

  if (m.title.empty() && site) m.title = site->title;
  if (m.title.empty() && plan.chapters.size() == 1) m.title = plan.chapters.front().post->title;
  // Then the name of the folder the posts come from (the site's, for a Hugo site).
  if (m.title.empty() && !collection.roots.empty()) {
    const ContentRoot& root = collection.roots.front();
    std::error_code ec;
    std::filesystem::path folder = root.site_root.empty() ? root.content_dir : root.site_root;
    folder = std::filesystem::weakly_canonical(std::filesystem::absolute(folder, ec), ec).lexically_normal();
    if (!folder.has_filename()) folder = folder.parent_path();
    m.title = folder.filename().string();
  }
  if (m.title.empty()) m.title = "Untitled";  // only a book made of single files from /

  if (m.authors.empty() && site && !site->author.empty()) m.authors.push_back(site->author);
  if (m.authors.empty())
    for (const auto& entry : plan.chapters)
      for (const auto& a : entry.post->authors)
        if (std::find(m.authors.begin(), m.authors.end(), a) == m.authors.end()) m.authors.push_back(a);

  // Without a languageCode the writers detect the language from the text.
  if (m.language.empty() && site) m.language = site->language_code;

  if (!m.date)
    for (const auto& entry : plan.chapters)
      if (entry.post->date && (!m.date || *entry.post->date > *m.date)) m.date = entry.post->date;

  if (m.base_url.empty() && site) m.base_url = site->base_url;
}

}  // namespace folio
