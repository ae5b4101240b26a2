// Pagination of one chapter's flow (see distribute.hpp for the rules it keeps).
#include "flow/distribute.hpp"

#include <algorithm>
#include <deque>

namespace folio::pdf {

namespace {

constexpr double kEpsilon = 0.01;

/// A body placement and what it brought to the page, so that it can be taken back.
struct Placed {
  Placement at;
  std::vector<int> notes;   ///< footnotes it put at the foot of this page
  bool repeated_header = false;
  bool deferred_figure = false;
};

/// The work that is left to do and the page being filled.
class Distributor {
 public:
  Distributor(const ChapterFlow& flow, const DistributeSettings& settings) : flow_(flow), s_(settings) {
    for (size_t i = 0; i < flow.items.size(); ++i) {
      queue_.push_back(static_cast<int>(i));
      const FlowItem& item = flow.items[i];
      if (item.table >= 0 && item.table_header && headers_.size() <= size_t(item.table)) {
        headers_.resize(item.table + 1, -1);
        headers_[item.table] = static_cast<int>(i);
      } else if (item.table >= 0 && item.table_header) {
        headers_[item.table] = static_cast<int>(i);
      }
    }
  }

  std::vector<PageLayout> run() {
    while (!queue_.empty()) {
      int i = queue_.front();
      queue_.pop_front();
      place_or_break(i);
    }
    // Figures still waiting open the next pages (each page takes at least one, so one
    // taller than a whole page still goes somewhere); none is stacked past a page's foot.
    while (!deferred_.empty()) new_page();
    place_endnotes();
    finish_page();
    return std::move(pages_);
  }

 private:
  const FlowItem& item(int i) const { return flow_.items[i]; }
  bool page_empty() const { return placed_.empty(); }

  double note_cost(const std::vector<int>& notes, std::vector<int>* fitting) const {
    double h = 0;
    bool foot_empty = foot_notes_.empty();
    for (int n : notes) {
      if (n < 0 || size_t(n) >= flow_.notes.size()) continue;
      if (std::find(foot_notes_.begin(), foot_notes_.end(), n) != foot_notes_.end()) continue;
      double nh = flow_.notes[n].height();
      if (nh > s_.max_note_share * s_.page_height) continue;  // goes to the chapter end
      if (foot_empty) {
        h += s_.note_separator;
        foot_empty = false;
      }
      h += nh;
      if (fitting) fitting->push_back(n);
    }
    return h;
  }

  double foot_height() const {
    if (foot_notes_.empty()) return 0;
    double h = s_.note_separator;
    for (int n : foot_notes_) h += flow_.notes[n].height();
    return h;
  }

  bool fits(int i) const {
    const FlowItem& it = item(i);
    double space = page_empty() ? 0 : it.space_before;
    double notes = note_cost(it.notes, nullptr);
    return y_ + space + it.height + notes <= s_.page_height - foot_height() + kEpsilon;
  }

  void place(int i, bool repeated_header = false, bool deferred_figure = false) {
    const FlowItem& it = item(i);
    Placed p;
    p.repeated_header = repeated_header;
    p.deferred_figure = deferred_figure;
    if (!page_empty()) y_ += it.space_before;
    p.at.item = i;
    p.at.y = y_;
    y_ += it.height;
    std::vector<int> fitting;
    note_cost(it.notes, &fitting);
    for (int n : it.notes) {
      if (n < 0 || size_t(n) >= flow_.notes.size()) continue;
      bool fits_foot = std::find(fitting.begin(), fitting.end(), n) != fitting.end();
      bool already = std::find(foot_notes_.begin(), foot_notes_.end(), n) != foot_notes_.end();
      if (already) continue;
      if (fits_foot && y_ + note_cost({n}, nullptr) <= s_.page_height - foot_height() + kEpsilon) {
        foot_notes_.push_back(n);
        p.notes.push_back(n);
      } else if (std::find(endnotes_.begin(), endnotes_.end(), n) == endnotes_.end()) {
        endnotes_.push_back(n);
      }
    }
    placed_.push_back(std::move(p));
  }

  /// Whether the page may end between placed_[pos - 1] and what follows (placed_[pos], or
  /// item `next` when pos is the end).
  bool may_break_at(size_t pos, int next) const {
    if (pos == 0) return false;
    const Placed& prev = placed_[pos - 1];
    if (prev.at.item < 0) return true;
    int following = pos < placed_.size() ? placed_[pos].at.item : next;
    if (following < 0) return true;
    if (item(prev.at.item).keep_with_next) return false;
    const FlowItem& f = item(following);
    const FlowItem& p = item(prev.at.item);
    if (f.group >= 0 && f.group == p.group) {
      int w = s_.widow_orphan_lines;
      if (f.line < w) return false;            // orphan: too few lines left at the foot
      if (f.lines - f.line < w) return false;  // widow: too few lines carried to the head
    }
    return true;
  }

  /// Whether the last item on the page must stay with what follows it (a heading).
  bool last_keeps_with_next() const {
    return !placed_.empty() && placed_.back().at.item >= 0 && item(placed_.back().at.item).keep_with_next;
  }

  void place_or_break(int i) {
    const FlowItem& it = item(i);
    // A figure never moves past a heading: the waiting figures open the next page, and
    // the heading follows them.
    if (it.kind == FlowKind::heading && !deferred_.empty()) new_page();
    if (it.kind == FlowKind::figure && !deferred_.empty() && !fits_one_page_with_deferred(i)) {
      // The waiting figures and this one do not fit on one page, so this one could not open
      // the next page: the fill stops, and the text before this figure (its anchor) goes to
      // the next page too, keeping the figure at most one page from it.
      size_t pos = placed_.size();
      if (pos > fill_start_) {
        --pos;  // at least the line before the figure moves
        while (pos > fill_start_ && !may_break_at(pos, i)) --pos;
      }
      break_page_at(pos, i);
      return;
    }
    if (it.kind == FlowKind::figure && !page_empty() && (!deferred_.empty() || !fits(i)) &&
        !(deferred_.empty() && last_keeps_with_next())) {
      // The figure opens the next page; the text after it fills this one. A figure right
      // after a heading is not deferred: the heading goes to the next page with it.
      fill_start_ = placed_.size();
      deferred_.push_back(i);
      return;
    }
    if (page_empty() || fits(i)) {
      if (page_empty() && it.table >= 0 && !it.table_header && size_t(it.table) < headers_.size() &&
          headers_[it.table] >= 0) {
        place(headers_[it.table], true);  // the row continues a table from an earlier page
      }
      place(i);
      return;
    }
    // Page break before item i; find the latest place the rules allow. While figures wait,
    // the text placed before the latest of them stays: it anchors them to this page.
    size_t anchored = deferred_.empty() ? 0 : fill_start_;
    size_t pos = placed_.size();
    while (pos > anchored && !may_break_at(pos, i)) --pos;
    if (!may_break_at(pos, i)) pos = placed_.size();  // no good place: break where the page is full
    break_page_at(pos, i);
  }

  /// Whether the waiting figures and figure i, stacked from the top of a page, fit on it.
  bool fits_one_page_with_deferred(int i) const {
    double h = 0;
    for (int f : deferred_) h += (h > 0 ? item(f).space_before : 0) + item(f).height;
    h += item(i).space_before + item(i).height;
    return h <= s_.page_height + kEpsilon;
  }

  /// Ends the page before placed_[pos]: what follows it goes back to the queue, before item
  /// i, and the waiting figures open the new page.
  void break_page_at(size_t pos, int i) {
    std::vector<int> moved;
    while (placed_.size() > pos) {
      Placed p = std::move(placed_.back());
      placed_.pop_back();
      for (int n : p.notes) foot_notes_.erase(std::find(foot_notes_.begin(), foot_notes_.end(), n));
      if (!p.repeated_header) moved.insert(moved.begin(), p.at.item);
    }
    y_ = placed_.empty() ? 0 : placed_.back().at.y + item(placed_.back().at.item).height;
    queue_.push_front(i);
    for (auto m = moved.rbegin(); m != moved.rend(); ++m) queue_.push_front(*m);
    new_page();
  }

  void new_page() {
    finish_page();
    // Figures that waited open the new page.
    while (!deferred_.empty()) {
      int f = deferred_.front();
      if (!page_empty() && !fits(f)) break;
      deferred_.pop_front();
      place(f, false, true);
    }
    fill_start_ = placed_.size();  // text filling in for figures still waiting starts here
  }

  void finish_page() {
    if (placed_.empty() && foot_notes_.empty()) return;
    PageLayout page;
    for (const Placed& p : placed_) page.body.push_back(p.at);
    page.foot_height = foot_height();
    double fy = 0;
    for (int n : foot_notes_) {
      const FootnoteFlow& note = flow_.notes[n];
      for (size_t l = 0; l < note.lines.size(); ++l) {
        page.foot.push_back({-1, n, static_cast<int>(l), fy});
        fy += note.lines[l].height;
      }
    }
    pages_.push_back(std::move(page));
    placed_.clear();
    foot_notes_.clear();
    y_ = 0;
  }

  void place_endnotes() {
    for (int n : endnotes_) {
      const FootnoteFlow& note = flow_.notes[n];
      for (size_t l = 0; l < note.lines.size(); ++l) {
        double h = note.lines[l].height;
        if (!page_empty() && y_ + h > s_.page_height - foot_height() + kEpsilon) finish_page();
        Placed p;
        p.at = {-1, n, static_cast<int>(l), y_};
        y_ += h;
        placed_.push_back(std::move(p));
      }
    }
  }

  const ChapterFlow& flow_;
  const DistributeSettings& s_;
  std::deque<int> queue_;      ///< items still to place, in order
  std::deque<int> deferred_;   ///< figures waiting for the next page
  size_t fill_start_ = 0;      ///< placed_ index of the first item after the latest waiting figure
  std::vector<int> headers_;   ///< table id → header row item
  std::vector<int> endnotes_;  ///< footnotes that go to the chapter end
  std::vector<Placed> placed_; ///< the page being filled
  std::vector<int> foot_notes_;
  double y_ = 0;
  std::vector<PageLayout> pages_;
};

}  // namespace

std::vector<PageLayout> distribute(const ChapterFlow& flow, const DistributeSettings& settings) {
  return Distributor(flow, settings).run();
}

}  // namespace folio::pdf
