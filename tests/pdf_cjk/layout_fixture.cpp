// Test fixture for the CJK passes: print-like Pango setup, sample text, line views.
#include "layout_fixture.hpp"

#include <cmath>

#include "base/utf8.hpp"

namespace folio::pdf::test {

LayoutMaker::LayoutMaker(cairo_surface_t* target) {
  if (target == nullptr) {
    own_surface_.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 8, 8));
    target = own_surface_.get();
  }
  cr_.reset(cairo_create(target));
  context_.reset(pango_cairo_create_context(cr_.get()));
  pango_cairo_context_set_resolution(context_.get(), 72);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_.get(), options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context_.get(), FALSE);
  PangoLanguage* zh = pango_language_from_string("zh-cn");
  pango_context_set_language(context_.get(), zh);
}

LayoutPtr LayoutMaker::make(const ParagraphSpec& spec) const {
  LayoutPtr layout(pango_layout_new(context_.get()));
  PangoFontDescription* font = pango_font_description_from_string(spec.family.c_str());
  pango_font_description_set_size(font, static_cast<int>(std::lround(spec.font_size_pt * PANGO_SCALE)));
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_text(layout.get(), spec.text.c_str(), static_cast<int>(spec.text.size()));
  if (spec.width_pt > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(std::lround(spec.width_pt * PANGO_SCALE)));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_indent(layout.get(), static_cast<int>(std::lround(spec.indent_em * spec.font_size_pt * PANGO_SCALE)));
  AttrListPtr attrs(pango_attr_list_new());
  auto emphasize = [&](const std::vector<std::string>& parts, auto make_attribute) {
    for (const std::string& part : parts) {
      for (size_t at = spec.text.find(part); !part.empty() && at != std::string::npos;
           at = spec.text.find(part, at + part.size())) {
        PangoAttribute* attr = make_attribute();
        attr->start_index = static_cast<guint>(at);
        attr->end_index = static_cast<guint>(at + part.size());
        pango_attr_list_insert(attrs.get(), attr);
      }
    }
  };
  emphasize(spec.italic, [] { return pango_attr_style_new(PANGO_STYLE_ITALIC); });
  emphasize(spec.bold, [] { return pango_attr_weight_new(PANGO_WEIGHT_BOLD); });
  emphasize(spec.code, [] { return pango_attr_family_new("Noto Sans Mono CJK SC, DejaVu Sans Mono"); });
  emphasize(spec.code, [] { return pango_attr_insert_hyphens_new(FALSE); });
  if (spec.cjk) apply_cjk_attributes(spec.text, attrs.get(), spec.font_size_pt, spec.settings);
  pango_layout_set_attributes(layout.get(), attrs.get());
  return layout;
}

std::vector<LineView> view_lines(PangoLayout* layout) {
  const std::string text = pango_layout_get_text(layout);
  std::vector<LineView> lines;
  for (GSList* l = pango_layout_get_lines_readonly(layout); l != nullptr; l = l->next) {
    auto* line = static_cast<PangoLayoutLine*>(l->data);
    LineView view;
    view.start_index = line->start_index;
    view.text = text.substr(static_cast<size_t>(line->start_index), static_cast<size_t>(line->length));
    view.paragraph_start = line->is_paragraph_start;
    PangoRectangle logical;
    pango_layout_line_get_extents(line, nullptr, &logical);
    view.logical_width_pt = logical.width / double(PANGO_SCALE);
    double pen = 0;
    for (GSList* r = line->runs; r != nullptr; r = r->next) {
      auto* run = static_cast<PangoGlyphItem*>(r->data);
      const PangoGlyphString* glyphs = run->glyphs;
      for (int g = 0; g < glyphs->num_glyphs; ++g) {
        const PangoGlyphGeometry& geometry = glyphs->glyphs[g].geometry;
        const double width = geometry.width / double(PANGO_SCALE);
        if (g > 0 && glyphs->log_clusters[g] == glyphs->log_clusters[g - 1]) {
          view.clusters.back().advance_pt += width;
        } else {
          size_t index = static_cast<size_t>(run->item->offset + glyphs->log_clusters[g]);
          const int start = static_cast<int>(index);
          const char32_t c = utf8::next(text, index);
          view.clusters.push_back({start, c, pen, pen + geometry.x_offset / double(PANGO_SCALE), width});
        }
        pen += width;
      }
    }
    lines.push_back(std::move(view));
  }
  return lines;
}

char32_t first_char(const std::string& s) {
  size_t i = 0;
  return s.empty() ? 0 : utf8::next(s, i);
}

char32_t last_char(const std::string& s) {
  char32_t last = 0;
  size_t i = 0;
  while (i < s.size()) {
    const char32_t c = utf8::next(s, i);
    if (c != U' ' && c != U'\n' && c != 0x2028) last = c;
  }
  return last;
}

const std::vector<std::string>& sample_paragraphs() {
  static const std::vector<std::string> paragraphs = {
      "Go 语言的并发模型建立在 goroutine 和 channel 之上。一个 goroutine 只占用大约 2KB 的栈空间，"
      "因此在一台普通的服务器上同时运行十万个也不成问题；但是，如果你忘记关闭 channel，或者在 select "
      "语句里漏掉了 default 分支，程序就可能悄无声息地阻塞——这正是很多初学者第一次写并发程序时踩到的坑。",
      "我们用Go写了一个HTTP服务器，它每秒能处理3万个请求。调用runtime.GOMAXPROCS(2)之后，CPU占用率从180%"
      "降到了95%左右……但延迟的P99却上升了约20ms，原因是GC的停顿时间变长了。后来我们把sync.Pool用在了"
      "JSON编码的缓冲区上，内存分配减少了七成，P99也回到了8ms以内。",
      "他说：“今天的分享到此结束。”然后又补充道：「如果大家还有问题，可以在《Go语言实战》的读者群里提问。」"
      "（会后我们整理了问答记录。）主讲人·张三、李四——两位都来自北京～上海的团队⸺他们讲了进程／线程的区别，"
      "还有“协程”与“线程”的差异……最后是抽奖环节！",
      "本次活动的嘉宾有：约翰·史密斯·琼斯、玛丽·安·埃文斯、让·保罗·萨特·德·拉·罗什；"
      "主持人·王五；记录·赵六·钱七·孙八。时间是14:00～17:30，地点在二楼会议室（A区）。",
      "第一步，安装依赖：apt-get install libpango1.0-dev libcairo2-dev；第二步，运行cmake -B build；"
      "第三步，执行ctest --output-on-failure。如果你在macOS上编译，请先用brew安装pkg-config。"
      "注意：Debian 12自带的Pango版本是1.50.12，cairo版本是1.16.0，HarfBuzz是6.0。",
      "中文排版里最常见的问题是标点挤压：“，“”和“。」”这样的组合如果各占一个全角，中间会留下很大的空白。"
      "《深入理解计算机系统》（第三版）、《算法导论》（第三版）都是经典；「引号」『书名』【方括号】〔六角括号〕"
      "〖白方头括号〗〈单书名号〉各有用途。",
      "在Kubernetes集群里，每个Pod都有自己的IP地址；Service通过label selector把流量转发给后端的Pod。"
      "如果使用Ingress，还需要部署一个Ingress Controller，比如nginx或者traefik。"
      "我们在测试环境里跑了72小时的压测，QPS稳定在12000左右，错误率低于0.01%。",
  };
  return paragraphs;
}

}  // namespace folio::pdf::test
