// guidelint catalog import: the annex tables of a State Council decision (a page saved from a
// government site, or a CSV export of the table) read into a catalog in the layout of
// rules/catalogs/*.yaml.
//
// The input becomes a list of units — rows of cells and lines of text, each with its place in the
// Source — and one pass over them finds the tables by their header rows (序号 and 项目名称), the
// annex title before each table (which may give its rows' action), and the rows. A row that
// cannot be read safely is reported at its position and left out: nothing is guessed.
// docs/catalog-import.md describes what is read and what is reported.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "config/catalog.hpp"
#include "config/config.hpp"
#include "guidelint/guidelint.hpp"
#include "parse/blocks.hpp"
#include "parse/html_blocks.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace guidelint {
namespace {

constexpr std::string_view kRule = "catalog-import";

// Offsets are 32-bit: larger inputs are refused, as the linter refuses them.
constexpr std::uintmax_t kMaxInputBytes = 0xFFFFFFFFu;

// ── Text ─────────────────────────────────────────────────────────────────────────────────────

bool space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0x85 || cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F;
}

bool invisible(char32_t cp) {
  return cp == 0x200B || cp == 0xFEFF;
}

// A cell's text as an entry keeps it: whitespace at the ends removed, and each run of whitespace
// inside (line breaks between paragraphs or <br>, source line wrapping, full-width spaces)
// joined: to nothing between two Chinese (non-ASCII) characters, since Chinese has no spaces
// between words and such a run is only where a line was wrapped; to one space otherwise
// ("ISO 9001", "资格, 职业资格"). `first` receives the offset in `s` of the first character kept.
std::string clean(std::string_view s, std::size_t* first = nullptr) {
  std::string out;
  bool gap = false;
  char32_t last = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t cp = utf8::next(s, i);
    if (invisible(cp)) continue;
    if (space(cp)) {
      gap = !out.empty();
      continue;
    }
    if (out.empty() && first != nullptr) *first = at;
    if (gap && (last < 0x80 || cp < 0x80)) out.push_back(' ');
    gap = false;
    out.append(s.substr(at, i - at));
    last = cp;
  }
  return out;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

// Folded forms of label and keyword literals, made once.
std::vector<std::string> folded(std::initializer_list<std::string_view> words) {
  std::vector<std::string> out;
  for (const std::string_view w : words)
    out.push_back(text::fold(w));
  return out;
}

bool one_of(const std::string& f, const std::vector<std::string>& set) {
  return std::find(set.begin(), set.end(), f) != set.end();
}

// A serial number as the 序号 column has it: "12", "12.", "（12）"; folded, so only digits remain.
bool serial(std::string_view folded_text) {
  return !folded_text.empty() && folded_text.size() <= 6 &&
         std::all_of(folded_text.begin(), folded_text.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

// ── Actions ──────────────────────────────────────────────────────────────────────────────────

struct Action {
  std::string action;       // 取消, 下放, 改为后置审批, 保留
  std::string action_text;  // the cell's wording, when it says more than the action
};

// The action a 处理决定 cell states; nullopt when it states none of the four.
std::optional<Action> action_of_cell(const std::string& cell) {
  static const std::string post = text::fold("后置");
  static const std::string post_full = text::fold("改为后置审批");
  static const std::vector<std::pair<std::string, std::string>> starts = {
      {text::fold("下放"), "下放"}, {text::fold("取消"), "取消"}, {text::fold("保留"), "保留"}};
  const std::string f = text::fold(cell);
  if (contains(f, post)) return Action{"改为后置审批", f == post_full ? "" : cell};
  for (const auto& [word, action] : starts) {
    if (f.starts_with(word)) return Action{action, f == word ? "" : cell};
  }
  return std::nullopt;
}

// What a title or a sub-heading says about the action of the rows under it.
struct TitleAction {
  bool names_any = false;             // it names an action, or a change that is none of them
  std::optional<std::string> action;  // exactly one action and nothing else: the default
};

// "国务院决定取消的…目录" gives 取消; "国务院决定改为后置审批的…目录" 改为后置审批; a title naming
// two ("取消和下放…") or a change that is not one of the four ("取消和调整…") gives none.
TitleAction action_of_title(std::string_view folded_title) {
  static const std::vector<std::pair<std::string, std::string>> actions = {
      {text::fold("取消"), "取消"},
      {text::fold("下放"), "下放"},
      {text::fold("后置"), "改为后置审批"},
      {text::fold("保留"), "保留"}};
  static const std::vector<std::string> others =
      folded({"调整", "合并", "整合", "改由", "改为备案", "移交", "承接"});
  TitleAction out;
  std::size_t named = 0;
  for (const auto& [word, action] : actions) {
    if (contains(folded_title, word)) {
      ++named;
      out.action = action;
    }
  }
  bool other = false;
  for (const std::string& word : others)
    other = other || contains(folded_title, word);
  out.names_any = named > 0 || other;
  if (named != 1 || other) out.action.reset();
  return out;
}

// ── Units: what a page or a CSV file is made of ──────────────────────────────────────────────

struct Cell {
  std::string text;      // cleaned
  std::uint32_t at = 0;  // where the text starts in the Source, when there is text
};

struct Unit {
  enum class Kind { row, line };
  Kind kind = Kind::line;
  std::vector<Cell> cells;  // a line has one
  int table = -1;           // the innermost table the unit is in (a page); 0 in a CSV file
  std::uint32_t at = 0;     // where to report it
  std::string error;        // a CSV record that cannot be read: the message id
};

std::string joined_text(const Unit& u) {
  std::string out;
  for (const Cell& c : u.cells) {
    if (c.text.empty()) continue;
    if (!out.empty()) out.push_back(' ');
    out += c.text;
  }
  return out;
}

// The Source offset of text offset `offset` of `t`.
std::uint32_t source_offset(const parse::TextBuilder& t, std::size_t offset) {
  if (t.pieces.empty()) return 0;
  auto it = std::upper_bound(t.pieces.begin(), t.pieces.end(), offset,
                             [](std::size_t o, const TextPiece& p) { return o < p.text; });
  if (it == t.pieces.begin()) return t.pieces.front().source;
  --it;
  if (!it->exact) return it->source;
  return std::min(it->source + static_cast<std::uint32_t>(offset - it->text), it->source_end);
}

Cell cell_of(const parse::TextBuilder& t) {
  Cell c;
  std::size_t first = 0;
  c.text = clean(t.text, &first);
  if (!c.text.empty()) c.at = source_offset(t, first);
  return c;
}

// ── Pages ────────────────────────────────────────────────────────────────────────────────────

// Where places of a page are in its tables. The block reader gives a row whose cells hold
// headings or paragraphs (the usual header row of <p><strong>序号</strong></p> cells) as separate
// blocks, one per paragraph; the tags between those blocks tell which row and cell each came
// from, and how many cells (with their colspans) the row has. Offsets asked for must not
// decrease.
class TableScan {
 public:
  struct Place {
    int table = -1;   // innermost open table; -1 outside tables
    int row = -1;     // the row (numbered across the page); -1 outside rows
    int column = -1;  // the cell's first column; -1 outside cells
  };

  explicit TableScan(std::string_view html) : html_(html) {}

  Place at(std::size_t offset) {
    advance(offset);
    if (stack_.empty()) return {};
    const Open& t = stack_.back();
    return {t.id, t.row, t.row < 0 ? -1 : t.column};
  }

  // True when a table holds other tables: a page's layout, whose cells are not a row of data.
  bool holds_tables(int table) const {
    return std::find(holders_.begin(), holders_.end(), table) != holders_.end();
  }

  // The columns of a row, once the scan has passed its end (finish() passes every end).
  int columns(int row) const {
    const auto it = columns_.find(row);
    return it == columns_.end() ? 0 : it->second;
  }

  // The columns of a row taken by cells of rows above (rowspan).
  const std::vector<int>& covered(int row) const {
    static const std::vector<int> none;
    const auto it = covered_.find(row);
    return it == covered_.end() ? none : it->second;
  }

  void finish() {
    advance(html_.size());
    while (!stack_.empty()) {
      close_row(stack_.back());
      stack_.pop_back();
    }
  }

 private:
  struct Open {
    int id = 0;
    int row = -1;
    int column = -1;
    int next_column = 0;
    std::vector<int> above;  // per column: rows below still taken by a cell spanning rows
  };

  static char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
  static bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

  std::size_t find_ci(std::string_view needle, std::size_t from) const {
    for (std::size_t i = from; i + needle.size() <= html_.size(); ++i) {
      std::size_t k = 0;
      while (k < needle.size() && lower(html_[i + k]) == needle[k])
        ++k;
      if (k == needle.size()) return i;
    }
    return html_.size();
  }

  void advance(std::size_t to) {
    to = std::min(to, html_.size());
    while (pos_ < to) {
      const std::size_t lt = html_.find('<', pos_);
      if (lt == std::string_view::npos || lt >= to) {
        pos_ = to;
        return;
      }
      pos_ = tag(lt);
    }
  }

  // Reads the markup at html_[lt] ('<'); returns where the scan goes on.
  std::size_t tag(std::size_t lt) {
    const std::string_view rest = html_.substr(lt);
    if (rest.starts_with("<!--")) {
      const std::size_t end = html_.find("-->", lt + 4);
      return end == std::string_view::npos ? html_.size() : end + 3;
    }
    std::size_t i = lt + 1;
    const bool end_tag = i < html_.size() && html_[i] == '/';
    if (end_tag) ++i;
    if (i >= html_.size() || !alpha(html_[i])) {
      if (rest.size() > 1 && (rest[1] == '!' || rest[1] == '?')) {
        const std::size_t end = html_.find('>', lt);
        return end == std::string_view::npos ? html_.size() : end + 1;
      }
      return lt + 1;  // a '<' in text
    }
    std::string name;
    while (i < html_.size() && (alpha(html_[i]) || (html_[i] >= '0' && html_[i] <= '9')))
      name.push_back(lower(html_[i++]));
    // The tag ends at the first '>' outside quoted attribute values.
    const std::size_t attributes = i;
    char quote = 0;
    for (; i < html_.size(); ++i) {
      const char c = html_[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    const std::string_view attrs = html_.substr(attributes, i - attributes);
    const std::size_t after = std::min(i + 1, html_.size());
    if (!end_tag &&
        (name == "script" || name == "style" || name == "textarea" || name == "title")) {
      const std::size_t close = find_ci("</" + name, after);
      return close;  // the end tag is read next
    }
    element(name, end_tag, attrs);
    return after;
  }

  void open_row(Open& t) {
    t.row = next_row_++;
    t.column = -1;
    t.next_column = 0;
  }

  // Columns from `t.next_column` on that cells of rows above take, up to `until`.
  void skip_covered(Open& t, std::size_t until) {
    while (static_cast<std::size_t>(t.next_column) < std::min(until, t.above.size()) &&
           t.above[static_cast<std::size_t>(t.next_column)] > 0)
      covered_[t.row].push_back(t.next_column++);
  }

  void close_row(Open& t) {
    if (t.row < 0) return;
    // Cells spanning into this row after its own cells.
    for (auto k = static_cast<std::size_t>(t.next_column); k < t.above.size(); ++k) {
      if (t.above[k] > 0) {
        covered_[t.row].push_back(static_cast<int>(k));
        t.next_column = static_cast<int>(k) + 1;
      }
    }
    columns_[t.row] = t.next_column;
    for (const int k : covered(t.row))
      --t.above[static_cast<std::size_t>(k)];
    t.row = -1;
    t.column = -1;
    t.next_column = 0;
  }

  void element(const std::string& name, bool end_tag, std::string_view attrs) {
    if (name == "table") {
      if (!end_tag) {
        if (!stack_.empty() && !holds_tables(stack_.back().id))
          holders_.push_back(stack_.back().id);
        Open table;
        table.id = next_table_++;
        stack_.push_back(std::move(table));
      } else if (!stack_.empty()) {
        close_row(stack_.back());
        stack_.pop_back();
      }
      return;
    }
    if (stack_.empty()) return;
    Open& t = stack_.back();
    if (name == "tr" || name == "tbody" || name == "thead" || name == "tfoot") {
      close_row(t);
      if (name == "tr" && !end_tag) open_row(t);
    } else if (name == "td" || name == "th") {
      if (end_tag) {
        t.column = -1;
        return;
      }
      if (t.row < 0) open_row(t);  // a cell without <tr>: HTML opens the row
      skip_covered(t, SIZE_MAX);
      t.column = t.next_column;
      const int columns = span(attrs, "colspan", 64);  // as the block reader expands them
      const int rows = span(attrs, "rowspan", 64);
      if (rows > 1) {
        const auto end = static_cast<std::size_t>(std::min(t.column + columns, 64));
        if (t.above.size() < end) t.above.resize(end);
        for (auto k = static_cast<std::size_t>(t.column); k < end; ++k)
          t.above[k] = rows - 1;
      }
      t.next_column += columns;
    }
  }

  // The value of a colspan or rowspan attribute, 1 when there is none.
  static int span(std::string_view attrs, std::string_view name, int max) {
    std::string lowered(attrs);
    for (char& c : lowered)
      c = lower(c);
    const std::size_t at = lowered.find(name);
    if (at == std::string::npos) return 1;
    std::size_t i = at + name.size();
    while (i < lowered.size() &&
           (lowered[i] == ' ' || lowered[i] == '=' || lowered[i] == '"' || lowered[i] == '\''))
      ++i;
    int n = 0;
    while (i < lowered.size() && lowered[i] >= '0' && lowered[i] <= '9' && n < 1000)
      n = n * 10 + (lowered[i++] - '0');
    return std::clamp(n, 1, max);
  }

  std::string_view html_;
  std::size_t pos_ = 0;
  std::vector<Open> stack_;
  int next_table_ = 0;
  int next_row_ = 0;
  std::unordered_map<int, int> columns_;
  std::unordered_map<int, std::vector<int>> covered_;
  std::vector<int> holders_;  // tables that hold tables
};

std::vector<Unit> page_units(std::string_view html, const std::vector<parse::Block>& blocks) {
  struct Placed {
    const parse::Block* block;
    TableScan::Place place;
    std::uint32_t begin;  // where its own text starts (cells repeated from rows above aside)
  };
  TableScan scan(html);
  std::vector<Placed> placed;
  std::uint32_t seen = 0;  // the end of the blocks so far
  for (const parse::Block& b : blocks) {
    std::uint32_t begin = UINT32_MAX;
    std::uint32_t end = 0;
    const auto take = [&](const parse::TextBuilder& t) {
      if (t.pieces.empty() || parse::blank(t.text)) return;
      const Span s = parse::source_span(t);
      if (s.begin >= seen) begin = std::min(begin, s.begin);
      end = std::max(end, s.end);
    };
    if (b.kind == parse::Block::Kind::row) {
      for (const parse::TextBuilder& c : b.cells)
        take(c);
    } else {
      take(b.text);
    }
    if (end == 0) continue;  // blank
    if (begin == UINT32_MAX) begin = seen;
    seen = std::max(seen, end);
    placed.push_back({&b, scan.at(begin), begin});
  }
  scan.finish();

  std::vector<Unit> units;
  const auto line = [&](const Placed& p) {
    Unit u;
    u.cells.push_back(cell_of(p.block->text));
    if (u.cells.front().text.empty()) return;
    u.table = p.place.table;
    u.at = u.cells.front().at;
    units.push_back(std::move(u));
  };
  for (std::size_t i = 0; i < placed.size();) {
    const Placed& p = placed[i];
    if (p.block->kind == parse::Block::Kind::row) {
      Unit u;
      u.kind = Unit::Kind::row;
      u.table = p.place.table;
      u.at = p.begin;
      bool own = false;
      for (const parse::TextBuilder& t : p.block->cells) {
        u.cells.push_back(cell_of(t));
        const Cell& c = u.cells.back();
        if (!own && !c.text.empty() && c.at >= p.begin) {
          u.at = c.at;
          own = true;
        }
      }
      units.push_back(std::move(u));
      ++i;
      continue;
    }
    // Blocks from cells of one row: a row again when they come from two cells or more (of a
    // table of data: the cells of a layout table holding the page's tables are not one).
    std::size_t j = i;
    int widest = -1;
    const int first_column = p.place.column;
    bool several = false;
    const bool data = p.place.column >= 0 && !scan.holds_tables(p.place.table);
    while (j < placed.size() && data && placed[j].block->kind != parse::Block::Kind::row &&
           placed[j].place.column >= 0 && placed[j].place.table == p.place.table &&
           placed[j].place.row == p.place.row) {
      several = several || placed[j].place.column != first_column;
      widest = std::max(widest, placed[j].place.column);
      ++j;
    }
    if (!several) {
      line(p);
      ++i;
      continue;
    }
    Unit u;
    u.kind = Unit::Kind::row;
    u.table = p.place.table;
    const int columns = std::max(scan.columns(p.place.row), widest + 1);
    std::vector<parse::TextBuilder> texts(static_cast<std::size_t>(columns));
    for (std::size_t k = i; k < j; ++k) {
      parse::TextBuilder& t = texts[static_cast<std::size_t>(placed[k].place.column)];
      if (!t.text.empty()) t.block_break(placed[k].begin);
      parse::append(t, placed[k].block->text);
    }
    for (const parse::TextBuilder& t : texts)
      u.cells.push_back(cell_of(t));
    // A short cell spanning into this row from the row above is repeated, as the block reader
    // repeats it in the rows it reads (the first column's is not: it heads a group of rows).
    const Unit* above = units.empty() ? nullptr : &units.back();
    if (above != nullptr && above->kind == Unit::Kind::row && above->table == u.table) {
      for (const int k : scan.covered(p.place.row)) {
        const auto c = static_cast<std::size_t>(k);
        if (k > 0 && c < u.cells.size() && c < above->cells.size() && u.cells[c].text.empty() &&
            above->cells[c].text.size() <= 512)
          u.cells[c] = above->cells[c];
      }
    }
    u.at = p.begin;
    for (const Cell& c : u.cells) {
      if (!c.text.empty()) {
        u.at = c.at;
        break;
      }
    }
    units.push_back(std::move(u));
    i = j;
  }
  return units;
}

// ── CSV ──────────────────────────────────────────────────────────────────────────────────────

// RFC 4180 records: fields separated by commas, records by CRLF (or LF, or CR); a field in double
// quotes may hold commas, line breaks and doubled quotes. A quote inside an unquoted field is
// text. A quoted field followed by more than a separator, or not closed, makes its record
// unreadable; an unclosed quote takes the rest of the file with it.
std::vector<Unit> csv_units(std::string_view s) {
  std::vector<Unit> units;
  std::size_t i = 0;
  const std::size_t n = s.size();
  const auto line_end = [&](std::size_t k) { return k < n && (s[k] == '\n' || s[k] == '\r'); };
  const auto skip_line_end = [&](std::size_t k) {
    if (k < n && s[k] == '\r') ++k;
    if (k < n && s[k] == '\n') ++k;
    return k;
  };
  while (i < n) {
    Unit u;
    u.kind = Unit::Kind::row;
    u.table = 0;
    u.at = static_cast<std::uint32_t>(i);
    bool more = true;
    while (more) {
      std::string raw;
      std::size_t begin = i;
      if (i < n && s[i] == '"') {
        const std::size_t open = i;
        begin = ++i;
        bool closed = false;
        while (i < n) {
          if (s[i] != '"') {
            raw.push_back(s[i++]);
          } else if (i + 1 < n && s[i + 1] == '"') {
            raw.push_back('"');
            i += 2;
          } else {
            closed = true;
            ++i;
            break;
          }
        }
        if (!closed) {
          u.error = "catalog-import.csv-unclosed";
          u.at = static_cast<std::uint32_t>(open);
          i = n;
          break;
        }
        if (i < n && s[i] != ',' && !line_end(i)) {
          u.error = "catalog-import.csv-after-quote";
          u.at = static_cast<std::uint32_t>(i);
          // The record ends at the next line break outside quotes.
          bool inside = false;
          while (i < n && (inside || !line_end(i))) {
            if (s[i] == '"') inside = !inside;
            ++i;
          }
          i = skip_line_end(i);
          break;
        }
      } else {
        while (i < n && s[i] != ',' && !line_end(i))
          raw.push_back(s[i++]);
      }
      std::size_t first = 0;
      Cell c;
      c.text = clean(raw, &first);
      c.at = static_cast<std::uint32_t>(begin + first);  // no quote comes before `first`
      u.cells.push_back(std::move(c));
      if (i < n && s[i] == ',') {
        ++i;
      } else {
        i = skip_line_end(i);
        more = false;
      }
    }
    if (!u.error.empty()) {
      u.cells.clear();
      units.push_back(std::move(u));
      continue;
    }
    std::size_t filled = 0;
    const Cell* only = nullptr;
    for (const Cell& c : u.cells) {
      if (c.text.empty()) continue;
      ++filled;
      only = &c;
    }
    if (filled == 0) continue;  // a blank record
    if (filled == 1) {
      Unit l;
      l.cells.push_back(*only);
      l.table = 0;
      l.at = only->at;
      units.push_back(std::move(l));
      continue;
    }
    for (const Cell& c : u.cells) {
      if (!c.text.empty()) {
        u.at = c.at;
        break;
      }
    }
    units.push_back(std::move(u));
  }
  return units;
}

// ── Tables ───────────────────────────────────────────────────────────────────────────────────

// The columns of an annex table, from its header row.
struct Columns {
  std::size_t count = 0;
  int serial = -1;
  int name = -1;
  int agency = -1;
  int basis = -1;
  int action = -1;
  int note = -1;
  std::string name_label;           // as the header writes it
  std::vector<std::string> folded;  // every label, folded: a header repeated is the same
};

bool name_label(const std::string& f) {
  static const std::vector<std::string> exact =
      folded({"项目名称", "事项名称", "审批项目名称", "审批事项名称", "行政审批项目名称",
              "行政审批事项名称", "项目", "事项", "审批项目", "审批事项", "名称", "许可事项名称",
              "行政许可事项名称", "职业资格名称", "资格名称", "证明事项名称"});
  static const std::string name = text::fold("名称");
  static const std::string item = text::fold("项目");
  static const std::string matter = text::fold("事项");
  return one_of(f, exact) || (f.ends_with(name) && (contains(f, item) || contains(f, matter)));
}

std::optional<Columns> header_of(const Unit& u) {
  static const std::vector<std::string> serials = folded({"序号"});
  static const std::vector<std::string> agencies =
      folded({"审批部门", "实施机关", "实施部门", "审批机关", "实施单位", "实施主体", "主管部门",
              "部门", "审批实施机关", "原审批部门", "原实施机关", "原审批机关"});
  static const std::vector<std::string> bases =
      folded({"设定依据", "依据", "实施依据", "法律依据", "设定和实施依据"});
  static const std::vector<std::string> actions = folded({"处理决定", "处理意见", "决定"});
  static const std::vector<std::string> notes = folded({"备注", "说明"});
  if (u.kind != Unit::Kind::row) return std::nullopt;
  Columns c;
  c.count = u.cells.size();
  for (std::size_t k = 0; k < u.cells.size(); ++k) {
    const std::string f = text::fold(u.cells[k].text);
    c.folded.push_back(f);
    const int i = static_cast<int>(k);
    if (c.serial < 0 && one_of(f, serials)) {
      c.serial = i;
    } else if (c.name < 0 && name_label(f)) {
      c.name = i;
      c.name_label = u.cells[k].text;
    } else if (c.agency < 0 && one_of(f, agencies)) {
      c.agency = i;
    } else if (c.basis < 0 && one_of(f, bases)) {
      c.basis = i;
    } else if (c.action < 0 && one_of(f, actions)) {
      c.action = i;
    } else if (c.note < 0 && one_of(f, notes)) {
      c.note = i;
    }
  }
  if (c.serial < 0 || c.name < 0) return std::nullopt;
  return c;
}

// "附件1", "附件一", "附件：1．…": the label an annex starts with (folded text).
bool annex_label(std::string_view f) {
  static const std::string annex = text::fold("附件");
  return f.starts_with(annex);
}

// The text of an annex title after its label: "附件1：国务院决定…" → "国务院决定…".
std::string after_label(const std::string& line) {
  const std::size_t at = line.find("附件");
  if (at == std::string::npos) return line;
  std::size_t i = at + std::string_view("附件").size();
  static const std::u32string skipped =
      U"0123456789０１２３４５６７８９一二三四五六七八九十"
      U"：:、.．,，-－—（）() ";
  while (i < line.size()) {
    std::size_t k = i;
    const char32_t cp = utf8::next(line, k);
    if (skipped.find(cp) == std::u32string::npos && !space(cp)) break;
    i = k;
  }
  return line.substr(i);
}

struct Entry {
  std::string item;
  std::string agency;
  std::string basis;
  std::string action;
  std::string action_text;
  std::string note;
};

struct Table {
  Columns columns;
  int unit_table = -1;  // the unit table its rows are in (changes when it continues elsewhere)
  std::string title;    // the annex title; empty when there is none
  std::optional<std::string> action;  // the default for rows without a 处理决定
  std::uint32_t at = 0;               // its header row
  std::size_t rows = 0;
};

class Importer {
 public:
  Importer(const Source& source, std::vector<Diagnostic>& out) : source_(source), out_(out) {}

  std::vector<Entry> entries;
  std::vector<std::string> titles;  // distinct annex titles, in order
  std::size_t left_out = 0;

  void report(Severity severity, std::uint32_t at, std::string message_id, std::vector<Arg> args,
              bool fatal = false) {
    Diagnostic d;
    d.rule_id = std::string(kRule);
    d.severity = severity;
    d.message_id = std::move(message_id);
    d.args = std::move(args);
    std::size_t end = at;
    const std::string_view text = source_.text();
    if (end < text.size()) utf8::next(text, end);
    d.span = Span{at, static_cast<std::uint32_t>(end)};
    d.fatal = fatal;
    out_.push_back(std::move(d));
  }

  void run(const std::vector<Unit>& units) {
    for (const Unit& u : units)
      unit(u);
    finish_table();
    if (tables_.empty() && left_out == 0) {
      Diagnostic d;
      d.rule_id = std::string(kRule);
      d.message_id = "catalog-import.no-table";
      d.fatal = true;
      out_.push_back(std::move(d));
      return;
    }
    std::size_t rows = 0;
    for (const Table& t : tables_)
      rows += t.rows;
    for (const Table& t : tables_) {
      if (t.rows > 0) continue;
      const bool none = rows == 0 && left_out == 0;
      report(none ? Severity::error : Severity::warning, t.at, "catalog-import.empty-table", {},
             none);
    }
  }

 private:
  void unit(const Unit& u) {
    if (!u.error.empty()) {
      report(Severity::error, u.at, u.error, {});
      ++left_out;
      return;
    }
    if (u.kind == Unit::Kind::line) {
      if (current_ && u.table == current_->unit_table && serial(text::fold(u.cells[0].text))) {
        // A row of the table with nothing but its number: the rest of its cells are empty.
        ++current_->rows;
        reject(u, "catalog-import.empty-name", {{"label", current_->columns.name_label}});
        return;
      }
      pending_.push_back(&u);
      return;
    }
    // A row whose first cell is an annex label is a title row: "附件2, 国务院决定…".
    for (const Cell& c : u.cells) {
      if (c.text.empty()) continue;
      if (annex_label(text::fold(c.text))) {
        title_rows_.push_back(u);
        title_rows_.back().cells = {Cell{joined_text(u), c.at}};
        title_rows_.back().kind = Unit::Kind::line;
        pending_.push_back(&title_rows_.back());
        return;
      }
      break;
    }
    if (std::optional<Columns> columns = header_of(u)) {
      header(u, std::move(*columns));
      return;
    }
    if (!current_) {
      pending_.clear();  // a row of some other table
      return;
    }
    if (u.table != current_->unit_table) {
      // A table split in two without a repeated header row continues when nothing titles the
      // part after the split and its rows look like the table's own; anything else ends it.
      const bool continues =
          !annex_title(pending_).found && u.cells.size() == current_->columns.count &&
          serial(text::fold(u.cells[static_cast<std::size_t>(current_->columns.serial)].text));
      if (!continues) {
        finish_table();
        pending_.clear();
        return;
      }
      current_->unit_table = u.table;
    }
    for (const Unit* line : pending_) {
      if (line->table != current_->unit_table) continue;
      // A line inside the table: a row with a single cell, read as a sub-heading.
      report(Severity::info, line->at, "catalog-import.subheading",
             {{"value", line->cells[0].text}});
      const TitleAction a = action_of_title(text::fold(line->cells[0].text));
      if (a.names_any) current_->action = a.action;
    }
    pending_.clear();
    row(u);
  }

  struct AnnexTitle {
    bool found = false;
    std::string text;
  };

  // The title of the annex whose table starts after `lines`: the lines after the last annex
  // label ("附件1"; at most three), else the last line when it reads as a catalog's title.
  static AnnexTitle annex_title(const std::vector<const Unit*>& lines) {
    static const std::vector<std::string> catalog_words =
        folded({"目录", "清单", "名单", "项目", "事项"});
    AnnexTitle out;
    std::vector<std::string> parts;
    std::size_t label = lines.size();
    for (std::size_t k = lines.size(); k-- > 0;) {
      if (annex_label(text::fold(lines[k]->cells[0].text))) {
        label = k;
        break;
      }
    }
    if (label < lines.size()) {
      out.found = true;
      std::string rest = clean(after_label(lines[label]->cells[0].text));
      if (!rest.empty()) parts.push_back(rest);
      for (std::size_t k = label + 1; k < lines.size(); ++k)
        parts.push_back(lines[k]->cells[0].text);
      if (parts.size() > 3) parts.clear();  // not a title: a passage of text
    }
    if (parts.empty() && !lines.empty()) {
      const std::string& last = lines.back()->cells[0].text;
      const std::string f = text::fold(last);
      const bool titled = code_points(last) <= 80 && !contains(last, "。") &&
                          std::any_of(catalog_words.begin(), catalog_words.end(),
                                      [&](const std::string& w) { return contains(f, w); });
      if (titled) {
        out.found = true;
        parts.push_back(last);
      }
    }
    std::string joined;
    for (const std::string& p : parts)
      joined += p + "\n";
    out.text = clean(joined);
    return out;
  }

  void header(const Unit& u, Columns columns) {
    const AnnexTitle title = annex_title(pending_);
    pending_.clear();
    if (!title.found && current_ && current_->columns.folded == columns.folded) {
      current_->unit_table = u.table;  // the header repeated where the table goes on
      return;
    }
    finish_table();
    Table t;
    t.columns = std::move(columns);
    t.unit_table = u.table;
    t.title = title.text;
    t.action = action_of_title(text::fold(title.text)).action;
    t.at = u.at;
    if (!t.title.empty() && std::find(titles.begin(), titles.end(), t.title) == titles.end())
      titles.push_back(t.title);
    current_ = std::move(t);
  }

  void finish_table() {
    if (!current_) return;
    tables_.push_back(std::move(*current_));
    current_.reset();
  }

  void reject(const Unit& u, std::string message_id, std::vector<Arg> args) {
    report(Severity::error, u.at, std::move(message_id), std::move(args));
    ++left_out;
  }

  void row(const Unit& u) {
    Table& t = *current_;
    const Columns& c = t.columns;
    ++t.rows;
    const bool extra = std::any_of(
        u.cells.begin() + static_cast<std::ptrdiff_t>(std::min(c.count, u.cells.size())),
        u.cells.end(), [](const Cell& x) { return !x.text.empty(); });
    if (u.cells.size() < c.count || extra) {
      reject(u, "catalog-import.cell-count",
             {{"value", static_cast<std::int64_t>(u.cells.size())},
              {"limit", static_cast<std::int64_t>(c.count)}});
      return;
    }
    const auto cell = [&](int k) -> const std::string& {
      static const std::string none;
      return k < 0 ? none : u.cells[static_cast<std::size_t>(k)].text;
    };
    Entry e;
    e.item = cell(c.name);
    if (!e.item.empty() && text::fold(e.item) == c.folded[static_cast<std::size_t>(c.name)]) {
      --t.rows;  // the second row of a two-row header, the name label spanning both
      return;
    }
    if (e.item.empty()) {
      reject(u, "catalog-import.empty-name", {{"label", c.name_label}});
      return;
    }
    if (!cell(c.action).empty()) {
      const std::optional<Action> a = action_of_cell(cell(c.action));
      if (!a) {
        reject(u, "catalog-import.action-cell", {{"value", e.item}, {"detail", cell(c.action)}});
        return;
      }
      e.action = a->action;
      e.action_text = a->action_text;
    } else if (t.action) {
      e.action = *t.action;
    } else {
      reject(u, "catalog-import.action-unknown", {{"value", e.item}});
      return;
    }
    e.agency = cell(c.agency);
    e.basis = cell(c.basis);
    e.note = cell(c.note);
    entries.push_back(std::move(e));
  }

  const Source& source_;
  std::vector<Diagnostic>& out_;
  std::optional<Table> current_;
  std::vector<Table> tables_;
  std::vector<const Unit*> pending_;  // lines since the last row
  std::deque<Unit> title_rows_;       // rows read as title lines (pending_ points at them)
};

// ── Output ───────────────────────────────────────────────────────────────────────────────────

// A double-quoted YAML scalar written as JSON writes strings (as scripts/gen-catalogs does), with
// everything YAML could read differently escaped: control characters, and the characters YAML
// 1.1 counts as line breaks (NEL, LS, PS) or that readers drop (BOM).
std::string quote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t cp = utf8::next(s, i);
    switch (cp) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '\t':
        out += "\\t";
        continue;
      default:
        break;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
        cp == 0xFEFF) {
      static constexpr char hex[] = "0123456789ABCDEF";
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4)
        out.push_back(hex[(cp >> shift) & 0xF]);
    } else if (cp == utf8::kReplacement && i - at == 1) {
      out += "\xEF\xBF\xBD";  // a byte that is not UTF-8 (only options can have one)
    } else {
      out.append(s.substr(at, i - at));
    }
  }
  out += '"';
  return out;
}

std::string trimmed(std::string_view s) {
  std::uint32_t b = 0;
  auto e = static_cast<std::uint32_t>(s.size());
  parse::trim_range(s, b, e);
  return std::string(s.substr(b, e - b));
}

std::string render(const Importer& im, const CatalogImportOptions& o, const Source& source) {
  const std::string decision = trimmed(o.decision);
  const std::string date = trimmed(o.date);
  const std::string decision_title = trimmed(o.title);
  const std::string url = trimmed(o.source);
  const std::string file = std::filesystem::path(source.name()).filename().string();

  std::string title = decision_title;
  if (title.empty()) {
    for (const std::string& t : im.titles)
      title += (title.empty() ? "" : "；") + t;
  }
  if (title.empty()) title = decision.empty() ? "从 " + file + " 导入的目录" : decision + "附件表";
  std::string note = "由 guidelint catalog import 从 " + file + " 导入";
  if (!decision.empty()) note += "（" + decision + "的附件表）";
  note += "，共 " + std::to_string(im.entries.size()) + " 条。";
  if (im.left_out > 0)
    note += "另有 " + std::to_string(im.left_out) + " 行无法读取，未导入（见导入时的报告）。";

  std::string y;
  y += "# Written by guidelint catalog import from an official annex table; see the note.\n";
  y += "title: " + quote(title) + "\n";
  y += std::string("partial: ") + (im.left_out > 0 ? "true" : "false") + "\n";
  y += "note: " + quote(note) + "\n";
  if (im.entries.empty()) {
    y += "entries: []\n";
    return y;
  }
  y += "entries:\n";
  for (const Entry& e : im.entries) {
    const auto field = [&](std::string_view key, const std::string& value) {
      if (value.empty()) return;
      y += "    ";
      y += key;
      y += ": " + quote(value) + "\n";
    };
    y += "  - item: " + quote(e.item) + "\n";
    field("agency", e.agency);
    field("basis", e.basis);
    field("decision", decision);
    field("decision_title", decision_title);
    field("date", date);
    field("action", e.action);
    field("action_text", e.action_text);
    field("source", url);
    field("note", e.note);
  }
  return y;
}

bool html_name(const std::string& name) {
  std::string ext = std::filesystem::path(name).extension().string();
  for (char& c : ext)
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == ".html" || ext == ".htm" || ext == ".shtml" || ext == ".xhtml";
}

bool csv_name(const std::string& name) {
  std::string ext = std::filesystem::path(name).extension().string();
  for (char& c : ext)
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == ".csv";
}

CatalogImportResult fatal(std::shared_ptr<const Source> source, std::optional<Span> span,
                          std::string message_id, std::vector<Arg> args = {}) {
  CatalogImportResult r;
  r.report.source = std::move(source);
  Diagnostic d;
  d.rule_id = std::string(kRule);
  d.message_id = std::move(message_id);
  d.args = std::move(args);
  d.span = span;
  d.fatal = true;
  r.report.diagnostics.push_back(std::move(d));
  return r;
}

}  // namespace

bool valid_catalog_date(std::string_view text) {
  return config::PartialDate::parse(text).has_value();  // what catalogs accept when loaded
}

CatalogImportResult import_catalog(std::shared_ptr<const Source> source,
                                   const CatalogImportOptions& options) {
  if (!source) source = std::make_shared<const Source>("", "");
  const std::string& format = options.input_format;
  if (!format.empty() && format != "html" && format != "csv")
    return fatal(source, std::nullopt, "catalog-import.unknown-format", {{"value", format}});
  if (const std::string date = trimmed(options.date); !date.empty() && !valid_catalog_date(date))
    return fatal(source, std::nullopt, "catalog-import.invalid-date", {{"value", date}});
  if (const auto& bad = source->decode_error()) {
    return fatal(source, Span{bad->offset, bad->offset + 1}, bad->message_id,
                 {{"detail", bad->detail}, {"encoding", bad->encoding}});
  }
  if (source->encoding() == "zip") return fatal(source, std::nullopt, "catalog-import.zip");

  const std::string_view text = source->text();
  bool html = format == "html";
  if (format.empty()) {
    if (html_name(source->name())) {
      html = true;
    } else if (!csv_name(source->name())) {
      const std::size_t first = text.find_first_not_of(" \t\r\n");
      html = first != std::string_view::npos && text[first] == '<';
    }
  }

  CatalogImportResult result;
  result.report.source = source;
  std::vector<Diagnostic>& diagnostics = result.report.diagnostics;
  std::vector<Unit> units;
  if (html) {
    std::vector<Diagnostic> problems;
    const parse::HtmlDocument doc = parse::read_html(text, &problems);
    if (!problems.empty()) {
      for (Diagnostic& d : problems) {
        d.rule_id = std::string(kRule);
        diagnostics.push_back(std::move(d));
      }
      return result;
    }
    units = page_units(text, doc.blocks);
  } else {
    units = csv_units(text);
  }

  Importer im(*source, diagnostics);
  im.run(units);
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.span.has_value() != b.span.has_value()) return !a.span.has_value();
                     return a.span && a.span->begin < b.span->begin;
                   });
  result.entries = im.entries.size();
  result.left_out = im.left_out;
  if (!result.report.fatal()) result.yaml = render(im, options, *source);
  return result;
}

CatalogImportResult import_catalog(const std::filesystem::path& file,
                                   const CatalogImportOptions& options) {
  namespace fs = std::filesystem;
  const std::string name = file.string();
  const auto placeholder = std::make_shared<const Source>(name, "");
  std::error_code ec;
  const fs::file_status status = fs::status(file, ec);
  if (ec || !fs::exists(status)) return fatal(placeholder, std::nullopt, "io.not-found");
  if (!fs::is_regular_file(status)) return fatal(placeholder, std::nullopt, "io.not-a-file");
  if (const std::uintmax_t size = fs::file_size(file, ec); !ec && size > kMaxInputBytes) {
    return fatal(placeholder, std::nullopt, "io.too-large",
                 {{"limit", static_cast<std::int64_t>(kMaxInputBytes)}});
  }
  std::string error;
  std::shared_ptr<const Source> source = config::read_source(file, &error);
  if (!source) return fatal(placeholder, std::nullopt, "io.unreadable", {{"detail", error}});
  return import_catalog(std::move(source), options);
}

}  // namespace guidelint
