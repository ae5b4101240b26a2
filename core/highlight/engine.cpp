// The KSyntaxHighlighting engine: one Repository per process, definitions looked up
// under a lock, highlighting with one highlighter per call (so per thread).
#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QString>

#include <cctype>
#include <map>
#include <mutex>

#include "engine.hpp"
#include "highlight.hpp"

// folio's own definitions (syntax/folio_syntax.qrc), compiled into libfolio. Registered by
// hand: in a static libfolio nothing else would pull the resource's object in. Outside
// any namespace, as Q_INIT_RESOURCE requires.
static void add_folio_definitions() { Q_INIT_RESOURCE(folio_syntax); }

namespace folio::highlight {

namespace ksh = KSyntaxHighlighting;

namespace {

// Collects a line's formats as token runs in UTF-16 units.
class TokenCollector : public ksh::AbstractHighlighter {
 public:
  struct Run {
    int offset, length;
    TokenStyle style;
  };
  std::vector<Run> runs;
  ksh::State line(QStringView text, const ksh::State& state) {
    runs.clear();
    return highlightLine(text, state);
  }

 protected:
  void applyFormat(int offset, int length, const ksh::Format& format) override {
    if (length <= 0) return;
    auto style = static_cast<TokenStyle>(format.textStyle());
    if (style == TokenStyle::normal) return;
    runs.push_back({offset, length, style});
  }
};

}  // namespace

Engine& Engine::instance() {
  // Built once per process and never destroyed: Qt objects must not outlive Qt at exit.
  static Engine* engine = new Engine;
  return *engine;
}

Engine::Engine() : repository_(std::make_unique<ksh::Repository>()) {
  // Definitions Debian's KSyntaxHighlighting lacks (nginx); its own come first by name.
  add_folio_definitions();
  repository_->addCustomSearchPath(QStringLiteral(":/folio"));
  for (const ksh::Definition& d : repository_->definitions()) {
    if (d.isHidden()) continue;
    by_lower_name_.emplace(lower_ascii(d.name().toStdString()), d.name().toStdString());
  }
}

Engine::~Engine() = default;

std::optional<std::string> Engine::definition(std::string_view name) {
  std::lock_guard lock(mutex_);
  if (auto it = by_lower_name_.find(lower_ascii(name)); it != by_lower_name_.end()) return it->second;
  // A file extension names a language often enough: "rs", "kt", "tf".
  ksh::Definition d = repository_->definitionForFileName(QStringLiteral("x.") + QString::fromUtf8(name.data(), int(name.size())));
  if (d.isValid() && !d.isHidden()) return d.name().toStdString();
  return std::nullopt;
}

void Engine::prepare(const std::string& name) {
  std::lock_guard lock(mutex_);
  if (prepared_.count(name)) return;
  ksh::Definition d = repository_->definitionForName(QString::fromStdString(name));
  // includedDefinitions() loads the definition and, recursively, all it includes: after
  // this, highlighting only reads the definitions' data.
  (void)d.includedDefinitions();
  (void)d.formats();
  prepared_.emplace(name, d);
}

ksh::Definition Engine::prepared(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto it = prepared_.find(name);
  return it == prepared_.end() ? ksh::Definition() : it->second;
}

ksh::Repository& Engine::repository() { return *repository_; }

std::optional<std::string> engine_definition(std::string_view name) { return Engine::instance().definition(name); }

void prepare_definition(const std::string& definition) { Engine::instance().prepare(definition); }

std::vector<CodeToken> highlight_code(const std::string& definition, std::string_view text) {
  std::vector<CodeToken> tokens;
  ksh::Definition d = Engine::instance().prepared(definition);
  if (!d.isValid()) return tokens;
  TokenCollector collector;
  collector.setDefinition(d);
  ksh::State state;
  std::vector<uint32_t> byte_of;  // UTF-16 index -> byte offset within the line
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    QString q = QString::fromUtf8(line.data(), int(line.size()));
    // Map UTF-16 units back to UTF-8 bytes: walk the line's code points once.
    byte_of.assign(size_t(q.size()) + 1, uint32_t(line.size()));
    {
      size_t b = 0;
      int u = 0;
      while (b < line.size() && u < q.size()) {
        byte_of[size_t(u)] = uint32_t(b);
        unsigned char c = static_cast<unsigned char>(line[b]);
        size_t len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        if (len == 4 && u + 1 < q.size()) byte_of[size_t(u) + 1] = uint32_t(b);
        u += len == 4 ? 2 : 1;
        b += len;
      }
    }
    state = collector.line(QStringView(q), state);
    for (const auto& run : collector.runs) {
      if (run.offset < 0 || run.offset + run.length > q.size()) continue;
      uint32_t begin = byte_of[size_t(run.offset)];
      uint32_t end = byte_of[size_t(run.offset + run.length)];
      if (end <= begin) continue;
      uint32_t offset = uint32_t(line_begin) + begin;
      if (!tokens.empty() && tokens.back().style == run.style &&
          tokens.back().offset + tokens.back().length == offset)
        tokens.back().length += end - begin;  // one span for a run of the same style
      else
        tokens.push_back({offset, end - begin, run.style});
    }
    line_begin = line_end + 1;
  }
  return tokens;
}

}  // namespace folio::highlight

namespace folio::highlight {

std::optional<CodePalette> engine_theme(const std::string& name) {
  Engine& engine = Engine::instance();
  std::lock_guard lock(engine.lock());
  ksh::Theme theme = engine.repository().theme(QString::fromStdString(name));
  if (!theme.isValid()) return std::nullopt;
  auto rgb = [](QRgb c) { return Rgb(c & 0xffffff); };
  CodePalette p;
  p.theme = theme.name().toStdString();
  p.background = rgb(theme.editorColor(ksh::Theme::BackgroundColor));
  p.foreground = rgb(theme.textColor(ksh::Theme::Normal));
  p.band = rgb(theme.editorColor(ksh::Theme::CurrentLine));
  p.line_number = rgb(theme.editorColor(ksh::Theme::LineNumbers));
  for (size_t i = 0; i < token_style_count; ++i) {
    auto style = static_cast<ksh::Theme::TextStyle>(i);
    TokenLook& look = p.tokens[i];
    QRgb color = theme.textColor(style);
    look.color = qAlpha(color) ? rgb(color) : p.foreground;  // alpha 0: the theme leaves it unset
    look.bold = theme.isBold(style);
    look.italic = theme.isItalic(style);
  }
  return p;
}

std::vector<std::string> engine_themes() {
  Engine& engine = Engine::instance();
  std::lock_guard lock(engine.lock());
  std::vector<std::string> out;
  for (const ksh::Theme& t : engine.repository().themes()) out.push_back(t.name().toStdString());
  return out;
}

}  // namespace folio::highlight

namespace folio {
bool highlighting_available() { return true; }
}  // namespace folio
