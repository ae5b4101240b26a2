// The sample books the PDF tests lay out and check.
#include "sample_book.hpp"

#include <cstdio>

namespace folio::pdf_test {

namespace {

const std::string kImages = std::string(FOLIO_SOURCE_DIR) + "/examples/meetup/";

Inline text(std::string s) { return Inline{Text{std::move(s)}, {}}; }
Inline code(std::string s) { return Inline{Code{std::move(s)}, {}}; }
Inline strong(std::string s) { return Inline{Strong{{text(std::move(s))}}, {}}; }
Block para(Inlines in) { return Block{Paragraph{std::move(in)}, {}}; }
Block heading(int level, std::string id, std::string title) {
  Heading h;
  h.level = level;
  h.id = id;
  h.post_id = id;
  h.children = {text(std::move(title))};
  return Block{h, {}};
}

// Sentences with every kind of punctuation clreq cares about, so that line ends fall on
// commas, stops, quotes and brackets somewhere in the book.
const char* const kSentences[] = {
    "Go 语言的调度器采用 GMP 模型，其中 G 表示 goroutine，M 表示操作系统线程，P 表示处理器。",
    "在实际项目中，我们经常需要分析“为什么这个服务的延迟突然变高了”这样的问题。",
    "张伟在分享中提到（这一点很多人都忽略了）：内存分配本身并不慢，慢的是随之而来的垃圾回收。",
    "《Go 程序设计语言》一书对接口的讲解非常清楚，建议大家在读完本期内容后再翻一翻第七章。",
    "使用 pprof 采集 30 秒的 CPU profile，然后用火焰图找出最宽的平顶，这是最常用的方法。",
    "有人问：泛型会不会让编译变慢？答案是会慢一点，但在大多数项目里几乎感觉不到！",
    "云原生应用通常部署在 Kubernetes 上，配置、日志、监控、告警缺一不可；每一项都值得单独讲一期。",
    "错误处理是 Go 社区讨论最多的话题之一，errors.Is 和 errors.As 从 1.13 版本开始提供。",
    "大家在会后继续讨论到很晚……直到场地管理员来关灯，才依依不舍地离开。",
    "WebAssembly 让 Go 代码可以运行在浏览器里，不过生成的文件体积仍然偏大——通常在 2 MB 以上。",
};

std::string sentence_run(int seed, int count) {
  std::string s;
  for (int i = 0; i < count; ++i) s += kSentences[(seed * 7 + i * 3) % 10];
  return s;
}

void add_figure(Book& book, Blocks& blocks, const std::string& rel, ImageFormat format, uint32_t w, uint32_t h,
                const std::string& caption, int* index) {
  if (*index < 0) {
    FigureAsset a;
    a.source = rel;
    a.ok = true;
    a.format = format;
    a.width = w;
    a.height = h;
    a.file = kImages + rel;
    a.digest = "digest-" + rel;
    a.first_use = {"sample.md", 1, 1};
    book.figures.push_back(a);
    *index = static_cast<int>(book.figures.size()) - 1;
  }
  Figure f;
  f.src = rel;
  f.alt = caption;
  f.caption = {text(caption)};
  f.figure = *index;
  blocks.push_back(Block{f, {}});
}

}  // namespace

Book sample_book(int chapters, int paragraphs_per_section, SampleText* out) {
  Book book;
  book.config.meta.title = "Go 夜读：活动回顾合集";
  book.config.meta.authors = {"Go 夜读社区"};
  book.config.meta.language = "zh-CN";
  book.config.meta.description = "一年的 meetup 回顾";
  book.config.figures.cache_dir = std::filesystem::temp_directory_path() / "folio-pdf-test-cache";
  int venue = -1, logo = -1;
  if (out) out->paragraphs.assign(chapters, {});
  for (int c = 0; c < chapters; ++c) {
    Chapter ch;
    ch.post.title = "第 " + std::to_string(c + 1) + " 期：" + std::string(c % 2 ? "泛型与接口" : "调度器与性能");
    ch.post.tags = {"meetup", c % 2 ? "泛型" : "性能优化"};
    ch.post.authors = {"张伟"};
    ch.document.source = "content/posts/meetup-" + std::to_string(c + 1) + ".md";
    Blocks& b = ch.document.blocks;
    auto body = [&](int seed, Inlines extra = {}) {
      std::string s = sentence_run(seed, 3 + seed % 3);
      Inlines in{text(s)};
      for (Inline& e : extra) in.push_back(std::move(e));
      if (out) out->paragraphs[c].push_back(s);
      b.push_back(para(std::move(in)));
    };
    body(c * 13 + 1, {strong("重点"), text("是先测量，再优化。"), code("go test -bench=."), text("。")});
    if (c == 0) add_figure(book, b, "static/images/venue.jpg", ImageFormat::jpeg, 640, 400, "活动现场", &venue);
    for (int s = 0; s < 3; ++s) {
      b.push_back(heading(2, "sec-" + std::to_string(c) + "-" + std::to_string(s),
                          "第 " + std::to_string(s + 1) + " 节：" + kSentences[(c + s) % 10] + std::string().substr(0, 0)));
      for (int p = 0; p < paragraphs_per_section; ++p) body(c * 31 + s * 7 + p);
      if (s == 1) {
        CodeBlock code_block;
        code_block.language = "go";
        code_block.text =
            "func main() {\n\tfor i := 0; i < 10; i++ {\n\t\tfmt.Println(\"hello, 世界\", i, "
            "strings.Repeat(\"a very long argument that does not fit on one line\", 2))\n\t}\n}\n";
        b.push_back(Block{code_block, {}});
        List list;
        for (int i = 0; i < 3; ++i) {
          ListItem item;
          if (i == 2) item.task = true;
          item.children.push_back(para({text(kSentences[i])}));
          if (out) out->paragraphs[c].push_back(kSentences[i]);
          list.items.push_back(std::move(item));
        }
        b.push_back(Block{list, {}});
        Table t;
        t.align = {Align::left, Align::left, Align::right};
        t.header = {TableCell{{text("类型")}, {}}, TableCell{{text("路径")}, {}}, TableCell{{text("次数")}, {}}};
        for (int r = 0; r < 4; ++r)
          t.rows.push_back({TableCell{{text("heap")}, {}}, TableCell{{code("/debug/pprof/heap")}, {}},
                            TableCell{{text(std::to_string(r * 17))}, {}}});
        b.push_back(Block{t, {}});
      }
    }
    // A footnote, an internal link to the next chapter and an external link.
    Inlines with_refs{text("更多细节见附注"), Inline{FootnoteRef{"1", 1}, {}}, text("，也可以阅读")};
    Link internal;
    internal.children = {text("下一期的回顾")};
    internal.target.chapter = (c + 1) % chapters;
    with_refs.push_back(Inline{internal, {}});
    with_refs.push_back(text("或者"));
    Link external;
    external.children = {text("官方文档")};
    external.href = external.target.url = "https://go.dev/doc/";
    with_refs.push_back(Inline{external, {}});
    with_refs.push_back(text("。"));
    b.push_back(para(with_refs));
    Footnote note;
    note.label = "1";
    note.number = 1;
    note.children.push_back(para({text("这是第 " + std::to_string(c + 1) + " 期的脚注，记录了演讲者的补充说明。")}));
    ch.document.footnotes.push_back(note);
    if (c == 1) add_figure(book, b, "static/images/logo.png", ImageFormat::png, 240, 160, "社区标志", &logo);
    if (c == 2) add_figure(book, b, "static/images/venue.jpg", ImageFormat::jpeg, 640, 400, "同一张现场照片", &venue);
    book.chapters.push_back(std::move(ch));
  }
  return book;
}

Book sample_handout(SampleText* out) {
  Book book = sample_book(1, 3, out);
  book.config.meta.title.clear();
  Chapter& ch = book.chapters[0];
  ch.post.title = "Go 夜读第 3 期：pprof 性能分析实战";
  ch.post.date = Date{1774092600, 480, true, true};
  Link link;
  link.children = {text("pprof 文档")};
  link.href = link.target.url = "https://pkg.go.dev/net/http/pprof";
  ch.document.blocks.push_back(para({text("参考资料："), Inline{link, {}}, text("。")}));
  return book;
}

std::string run(const std::string& command, int* status) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) {
    if (status) *status = -1;
    return out;
  }
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = pclose(p);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

}  // namespace folio::pdf_test
