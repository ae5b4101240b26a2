// Benchmark (not a test): coverage and EPUB subsetting for a generated 200-post Chinese book
// (~1.5 MB of text, ~3,500 distinct Han, English and Go code), timed and sized.
//
//   bench_font_subset [POSTS] [DISTINCT_HAN]
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "base/utf8.hpp"
#include "book_text.hpp"
#include "font_face.hpp"
#include "folio/fonts.hpp"

using namespace folio;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

/// A seeded book: paragraphs of Han drawn with a Zipf-like skew from `pool`, English words,
/// CJK punctuation, headings and Go code blocks. The same arguments give the same book.
Book generate_book(int posts, const std::vector<char32_t>& pool) {
  std::mt19937 random(1);
  std::vector<double> weights;
  for (size_t i = 0; i < pool.size(); ++i) weights.push_back(1.0 / double(i + 10));
  std::discrete_distribution<size_t> pick_han(weights.begin(), weights.end());
  const char* words[] = {"Go", "goroutine", "channel", "Kubernetes", "HTTP/2", "gRPC", "context", "slice"};
  const char32_t punctuation[] = {U'，', U'。', U'、', U'：', U'；', U'“', U'”', U'（', U'）', U'！', U'？'};
  Book book;
  book.config.meta.title = "Go 夜读合集";
  book.config.meta.language = "zh-CN";
  for (int p = 0; p < posts; ++p) {
    Chapter chapter;
    chapter.document.source = "content/posts/p" + std::to_string(p) + ".md";
    chapter.post.title = "第" + std::to_string(p + 1) + "期：并发模式";
    uint32_t line = 1;
    for (int b = 0; b < 12; ++b) {
      std::string text;
      for (int s = 0; s < 8; ++s) {
        for (int k = 0; k < 24; ++k) utf8::append(text, pool[pick_han(random)]);
        if (s % 3 == 0) text += std::string(" ") + words[random() % 8] + " ";
        utf8::append(text, punctuation[random() % 11]);
      }
      if (b % 4 == 0) {
        Heading h;
        h.children.push_back(Inline{Text{text.substr(0, 30)}, {line, 4}});
        chapter.document.blocks.push_back(Block{h, {line++, 1}});
      }
      chapter.document.blocks.push_back(Block{Paragraph{{Inline{Text{text}, {line, 1}}}}, {line, 1}});
      line += 2;
      if (b % 5 == 0) {
        std::string code = "func worker(ch <-chan int) {\n\tfor v := range ch { // 处理";
        utf8::append(code, pool[pick_han(random)]);
        code += "\n\t\tfmt.Println(v)\n\t}\n}\n";
        chapter.document.blocks.push_back(Block{CodeBlock{"go", "go", code}, {line, 1}});
        line += 7;
      }
    }
    book.chapters.push_back(std::move(chapter));
  }
  return book;
}

}  // namespace

int main(int argc, char** argv) {
  int posts = argc > 1 ? std::atoi(argv[1]) : 200;
  size_t distinct = argc > 2 ? size_t(std::atoi(argv[2])) : 3500;
  Diagnostics diagnostics;
  auto t0 = std::chrono::steady_clock::now();
  FontSet fonts = resolve_fonts({}, "zh-CN", diagnostics);
  double resolve_s = seconds_since(t0);

  // The pool: Han the body font has, spread over the URO block (common and rare alike).
  auto face = fonts::FontFace::open(fonts.body.fonts.at(0).file, fonts.body.fonts.at(0).face_index);
  std::vector<char32_t> pool;
  for (char32_t c = 0x4E00; c < 0x9FA5 && pool.size() < distinct; c += 5)
    if (face->covers(c)) pool.push_back(c);
  Book book = generate_book(posts, pool);
  size_t bytes = 0;
  for (const auto& ch : book.chapters)
    for (const auto& b : ch.document.blocks) {
      if (auto* p = std::get_if<Paragraph>(&b.node)) bytes += std::get<Text>(p->children[0].node).text.size();
      if (auto* c = std::get_if<CodeBlock>(&b.node)) bytes += c->text.size();
    }

  t0 = std::chrono::steady_clock::now();
  check_coverage(book, fonts, diagnostics);
  double coverage_s = seconds_since(t0);

  t0 = std::chrono::steady_clock::now();
  std::clock_t cpu0 = std::clock();  // CPU time too: wall time on a shared machine varies with load
  auto embedded = fonts_for_epub(book, fonts, diagnostics);
  double subset_s = seconds_since(t0);
  double subset_cpu_s = double(std::clock() - cpu0) / CLOCKS_PER_SEC;

  std::printf("book: %d posts, %.2f MB of text, %zu Han in the pool\n", posts, double(bytes) / 1e6, pool.size());
  std::printf("resolve_fonts   %.3f s\ncheck_coverage  %.3f s\nfonts_for_epub  %.3f s (subset; %.3f s CPU)\n",
              resolve_s, coverage_s, subset_s, subset_cpu_s);
  for (const auto& f : embedded)
    std::printf("  %-20s %-16s %8.1f KB\n", f.family.c_str(), f.file_name.c_str(), double(f.bytes.size()) / 1024);
  auto text = fonts::collect_book_text(book);
  std::printf("distinct characters: body %zu, heading %zu, code %zu\n", text.of(FontRole::body).size(),
              text.of(FontRole::heading).size(), text.of(FontRole::code).size());
  std::printf("diagnostics: %zu\n", diagnostics.all().size());
  return 0;
}
