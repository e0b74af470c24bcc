// Word documents (.docx): a zip archive whose word/document.xml holds the text. The body is read
// in order into blocks — paragraphs, headings, table rows — for the recogniser, the way the text
// and HTML parsers read theirs.
//
// A .docx has no lines to point at, so the parser writes a text of its own, the "derived" text:
// one line per paragraph and per table row (cells joined by " | "), and every position refers
// to it. "Line 12, column 5" is the twelfth paragraph or row in reading order, fifth character.
#include <zip.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>

#include <pugixml.hpp>

#include "parse/blocks.hpp"
#include "text/utf8.hpp"

namespace guidelint::parse {
namespace {

// Against zip bombs, limits docx_entry_bytes and docx_ratio: a guide's document.xml is a few
// hundred KiB and compresses about tenfold; beyond them an entry is refused before it is
// unpacked. Up to this size the ratio is not checked: nothing this small can exhaust memory, and a
// short document of empty table rows can compress very well.
constexpr std::uint64_t kRatioFloor = 1ull << 20;
constexpr std::string_view kDocument = "word/document.xml";
// Between the lines of one paragraph (w:br) and the paragraphs of one cell in the derived text:
// a line break that does not end the derived line.
constexpr std::string_view kLineSeparator = "\u2028";
constexpr std::string_view kCellSeparator = " | ";

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// word/document.xml, or nullopt after reporting why it cannot be had.
std::optional<std::string> read_document(std::string_view bytes, const config::Limits& limits,
                                         Output& out) {
  const auto corrupt = [&](std::string detail) {
    out.error(std::nullopt, "parse-error.docx-corrupt", {{"detail", std::move(detail)}});
    return std::nullopt;
  };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  std::unique_ptr<zip_t, ZipDiscard> archive;
  if (source != nullptr) {
    archive.reset(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!archive) zip_source_free(source);
  }
  if (!archive) {
    std::string detail = zip_error_strerror(&error);
    zip_error_fini(&error);
    return corrupt(std::move(detail));
  }
  zip_error_fini(&error);

  const zip_int64_t index = zip_name_locate(archive.get(), kDocument.data(), ZIP_FL_NOCASE);
  if (index < 0) {
    out.error(std::nullopt, "parse-error.docx-no-document");
    return std::nullopt;
  }
  const auto at = static_cast<zip_uint64_t>(index);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive.get(), at, 0, &st) != 0 ||
      (st.valid & (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) != (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) {
    return corrupt(zip_strerror(archive.get()));
  }
  const auto too_large = [&](std::uint64_t limit, bool ratio) {
    out.error(std::nullopt, "parse-error.docx-too-large",
              {{"limit", static_cast<std::int64_t>(limit)},
               {"cause", ratio ? "ratio" : "size"},
               {"ratio", static_cast<std::int64_t>(limits.docx_ratio)}});
    return std::nullopt;
  };
  if (st.size > limits.docx_entry_bytes) return too_large(limits.docx_entry_bytes, false);
  if (st.size > kRatioFloor && st.comp_size < st.size / limits.docx_ratio) {
    return too_large(st.comp_size * limits.docx_ratio, true);
  }

  std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(archive.get(), at, 0));
  if (!file) return corrupt(zip_strerror(archive.get()));
  // The header's size bounds the reading: one byte more tells that it lied.
  std::string xml(static_cast<std::size_t>(st.size) + 1, '\0');
  std::size_t got = 0;
  while (got < xml.size()) {
    const zip_int64_t n = zip_fread(file.get(), xml.data() + got, xml.size() - got);
    if (n < 0) return corrupt(zip_file_strerror(file.get()));
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  if (got > st.size) {  // more data than the header says: a damaged or crafted archive
    zip_error_t inconsistent;
    zip_error_init_with_code(&inconsistent, ZIP_ER_INCONS);
    std::string detail = zip_error_strerror(&inconsistent);
    zip_error_fini(&inconsistent);
    return corrupt(std::move(detail));
  }
  xml.resize(got);
  return xml;
}

// Where paragraph text goes. A paragraph of the body becomes blocks of its own, split at its
// line breaks; in a table cell everything (paragraphs, breaks, nested tables) joins the cell.
struct Sink {
  enum class Pending { none, cell, line };
  bool split = false;  // a body paragraph: a line break starts a new block
  std::vector<TextBuilder> lines = std::vector<TextBuilder>(1);
  // A separator due before the next text, written only when text follows, so that empty
  // paragraphs and cells leave no separators behind.
  Pending pending = Pending::none;

  void want(Pending p) { pending = std::max(pending, p); }
};

struct ParagraphStyle {
  int level = 0;  // heading level 1-9; 0: body text
  bool title = false;
};

class Walker {
 public:
  Walker(const Context& context, std::string_view prefix) : context_(context), w_(prefix) {}

  std::string derived;
  std::vector<Block> blocks;
  TextBuilder title;
  bool too_deep = false;

  void body(pugi::xml_node node) { block_content(node, 0); }

 private:
  // The element is w:<local> (in the WordprocessingML namespace, whatever its prefix).
  bool is(pugi::xml_node n, std::string_view local) const {
    const std::string_view name = n.name();
    return name.size() == w_.size() + local.size() && name.starts_with(w_) &&
           name.substr(w_.size()) == local;
  }

  bool deeper(int depth) {
    if (depth < static_cast<int>(context_.limits.depth)) return true;
    too_deep = true;
    return false;
  }

  // Paragraphs, tables and their wrappers: the body, a content control, a text box.
  void block_content(pugi::xml_node parent, int depth) {
    if (!deeper(depth)) return;
    for (pugi::xml_node n : parent.children()) {
      if (is(n, "p")) {
        paragraph(n, depth + 1);
      } else if (is(n, "tbl")) {
        table(n, depth + 1);
      } else if (is(n, "sdt")) {
        block_content(n.child((w_ + "sdtContent").c_str()), depth + 1);
      } else if (is(n, "customXml") || is(n, "ins") || is(n, "moveTo")) {
        block_content(n, depth + 1);
      }
    }
  }

  void paragraph(pugi::xml_node p, int depth) {
    Sink sink;
    sink.split = true;
    std::vector<pugi::xml_node> boxes;
    inline_content(p, sink, boxes, depth);
    const ParagraphStyle style = style_of(p);
    // A paragraph's text as one, its lines joined, for the title.
    TextBuilder whole;
    for (const TextBuilder& line : sink.lines) {
      if (blank(line.text)) continue;
      if (!whole.text.empty()) whole.opaque("\n", source_span(line).begin, source_span(line).begin);
      append(whole, line);
    }
    const bool is_title = !blank(whole.text) && !have_title_ &&
                          (style.title || (style.level == 1 && !is_label(whole.text)));
    if (is_title) {
      title = whole;
      have_title_ = true;
    }
    for (TextBuilder& line : sink.lines) {
      if (blank(line.text)) continue;
      Block b;
      // The title is read as a line: taken as a heading it would open an element of its own.
      b.kind = style.level > 0 && !is_title ? Block::Kind::heading : Block::Kind::line;
      b.text = std::move(line);
      blocks.push_back(std::move(b));
    }
    derived += '\n';
    // A text box's paragraphs follow the paragraph it is anchored in.
    for (pugi::xml_node box : boxes)
      block_content(box, depth + 1);
  }

  void table(pugi::xml_node tbl, int depth) {
    if (!deeper(depth)) return;
    for (pugi::xml_node n : tbl.children()) {
      if (is(n, "tr")) {
        row(n, depth + 1);
      } else if (is(n, "sdt")) {
        table(n.child((w_ + "sdtContent").c_str()), depth + 1);
      } else if (is(n, "customXml")) {
        table(n, depth + 1);
      }
    }
  }

  // The cells of a row, content controls and custom markup around them looked through.
  void cells_of(pugi::xml_node parent, std::vector<pugi::xml_node>& cells, int depth) {
    if (!deeper(depth)) return;
    for (pugi::xml_node n : parent.children()) {
      if (is(n, "tc")) {
        cells.push_back(n);
      } else if (is(n, "sdt")) {
        cells_of(n.child((w_ + "sdtContent").c_str()), cells, depth + 1);
      } else if (is(n, "customXml")) {
        cells_of(n, cells, depth + 1);
      }
    }
  }

  bool deleted_row(pugi::xml_node tr) const {
    for (pugi::xml_node n : tr.children()) {
      if (!is(n, "trPr")) continue;
      for (pugi::xml_node m : n.children())
        if (is(m, "del")) return true;
    }
    return false;
  }

  // A cell that continues the merged cell above it: its content, if any, is not shown.
  bool merge_continues(pugi::xml_node tc) const {
    for (pugi::xml_node n : tc.children()) {
      if (!is(n, "tcPr")) continue;
      for (pugi::xml_node m : n.children()) {
        if (!is(m, "vMerge")) continue;
        const std::string_view v = m.attribute((w_ + "val").c_str()).value();
        return v != "restart";
      }
    }
    return false;
  }

  void row(pugi::xml_node tr, int depth) {
    if (deleted_row(tr)) return;
    std::vector<pugi::xml_node> cells;
    cells_of(tr, cells, depth);
    Block b;
    b.kind = Block::Kind::row;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) derived += kCellSeparator;
      Sink sink;
      if (!merge_continues(cells[i])) cell_content(cells[i], sink, depth + 1);
      b.cells.push_back(std::move(sink.lines.front()));
    }
    derived += '\n';
    const bool any = std::any_of(b.cells.begin(), b.cells.end(),
                                 [](const TextBuilder& c) { return !blank(c.text); });
    if (any) blocks.push_back(std::move(b));
  }

  // Everything in a cell joins its text: paragraphs as lines, nested tables as lines of cells
  // joined by " | ".
  void cell_content(pugi::xml_node parent, Sink& sink, int depth) {
    if (!deeper(depth)) return;
    bool first = true;  // the separator before the first is the caller's: a cell's, a row's
    for (pugi::xml_node n : parent.children()) {
      const bool sdt = is(n, "sdt");
      const bool wrapper = is(n, "customXml") || is(n, "ins") || is(n, "moveTo");
      if (!is(n, "p") && !is(n, "tbl") && !sdt && !wrapper) continue;
      if (!first) sink.want(Sink::Pending::line);
      first = false;
      if (is(n, "p")) {
        std::vector<pugi::xml_node> boxes;
        inline_content(n, sink, boxes, depth + 1);
        for (pugi::xml_node box : boxes) {
          sink.want(Sink::Pending::line);
          cell_content(box, sink, depth + 1);
        }
      } else if (is(n, "tbl")) {
        nested_table(n, sink, depth + 1);
      } else {
        cell_content(sdt ? n.child((w_ + "sdtContent").c_str()) : n, sink, depth + 1);
      }
    }
  }

  void nested_table(pugi::xml_node tbl, Sink& sink, int depth) {
    if (!deeper(depth)) return;
    for (pugi::xml_node n : tbl.children()) {
      if (is(n, "sdt") || is(n, "customXml")) {
        nested_table(is(n, "sdt") ? n.child((w_ + "sdtContent").c_str()) : n, sink, depth + 1);
      }
      if (!is(n, "tr") || deleted_row(n)) continue;
      sink.want(Sink::Pending::line);
      std::vector<pugi::xml_node> cells;
      cells_of(n, cells, depth + 1);
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) sink.want(Sink::Pending::cell);
        if (!merge_continues(cells[i])) cell_content(cells[i], sink, depth + 1);
      }
    }
  }

  // A run's formatting hides it (w:vanish): Word does not show or print it.
  bool hidden(pugi::xml_node r) const {
    for (pugi::xml_node n : r.children()) {
      if (!is(n, "rPr")) continue;
      for (pugi::xml_node m : n.children()) {
        if (!is(m, "vanish")) continue;
        const std::string_view v = m.attribute((w_ + "val").c_str()).value();
        return v != "0" && v != "false" && v != "off";
      }
    }
    return false;
  }

  // The text of a paragraph: its runs, inside hyperlinks, insertions, fields, content controls
  // and smart tags. Text boxes are collected, to be read after the paragraph.
  void inline_content(pugi::xml_node parent, Sink& sink, std::vector<pugi::xml_node>& boxes,
                      int depth) {
    if (!deeper(depth)) return;
    for (pugi::xml_node n : parent.children()) {
      if (n.type() != pugi::node_element) continue;
      const std::string_view name = n.name();
      if (is(n, "t")) {
        for (pugi::xml_node c : n.children()) {
          if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) put(sink, c.value());
        }
      } else if (is(n, "tab") || is(n, "ptab")) {
        put(sink, "\t");
      } else if (is(n, "br") || is(n, "cr")) {
        line_break(sink);
      } else if (is(n, "noBreakHyphen")) {
        put(sink, "-");
      } else if (is(n, "txbxContent")) {
        boxes.push_back(n);
      } else if (is(n, "r") && hidden(n)) {
        continue;
      } else if (is(n, "pPr") || is(n, "rPr") || is(n, "del") || is(n, "moveFrom") ||
                 is(n, "delText") || is(n, "instrText") || is(n, "delInstrText") ||
                 name.ends_with(":Fallback")) {
        // Properties, deleted text, field codes, and the copy of a shape kept for old readers.
        continue;
      } else {
        // Runs and what wraps them, and drawings down to their text boxes. Only WordprocessingML
        // text is read, so equations (m:t) and shape labels (a:t) add nothing.
        inline_content(n, sink, boxes, depth + 1);
      }
    }
  }

  // Text as the derived text holds it: valid UTF-8, no line breaks or other control characters.
  static std::string clean(std::string_view s) {
    bool ok = utf8::find_invalid(s) == std::string_view::npos;
    for (std::size_t i = 0; ok && i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if ((c < 0x20 && c != '\t') || c == 0x7F) ok = false;
    }
    if (ok) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
      const char32_t c = utf8::next(s, i);
      utf8::append(out, (c < 0x20 && c != '\t') || c == 0x7F ? U' ' : c);
    }
    return out;
  }

  void put(Sink& sink, std::string_view s) {
    if (s.empty()) return;
    TextBuilder& line = sink.lines.back();
    if (sink.pending != Sink::Pending::none && !line.text.empty()) {
      const auto at = static_cast<std::uint32_t>(derived.size());
      if (sink.pending == Sink::Pending::line) {
        derived += kLineSeparator;
        line.opaque("\n", at, static_cast<std::uint32_t>(derived.size()));
      } else {
        derived += kCellSeparator;
        line.exact(kCellSeparator, at);
      }
    }
    sink.pending = Sink::Pending::none;
    const std::string text = clean(s);
    line.exact(text, static_cast<std::uint32_t>(derived.size()));
    derived += text;
  }

  void line_break(Sink& sink) {
    if (!sink.split) {
      sink.want(Sink::Pending::line);
      return;
    }
    derived += kLineSeparator;
    sink.lines.emplace_back();
  }

  static bool digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  }

  // Headings by style id or outline level. document.xml names styles by id only; the ids Word
  // gives the built-in ones are "Title" and "Heading1".."Heading9" in English versions and
  // "1".."9" in Chinese ones, and other editors use "标题1".
  ParagraphStyle style_of(pugi::xml_node p) const {
    ParagraphStyle s;
    for (pugi::xml_node ppr : p.children()) {
      if (!is(ppr, "pPr")) continue;
      for (pugi::xml_node n : ppr.children()) {
        const std::string_view v = n.attribute((w_ + "val").c_str()).value();
        if (is(n, "pStyle")) {
          std::string id(v);
          for (char& c : id)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
          std::string_view rest = id;
          if (id == "title") {
            s.title = true;
            continue;
          }
          if (rest.starts_with("heading")) {
            rest.remove_prefix(7);
          } else if (rest.starts_with("标题")) {
            rest.remove_prefix(std::string_view("标题").size());
          }
          if (rest.starts_with(' ')) rest.remove_prefix(1);
          if (rest.size() == 1 && digits(rest) && rest != "0") s.level = rest[0] - '0';
        } else if (is(n, "outlineLvl") && s.level == 0 && v.size() == 1 && digits(v) && v != "9") {
          s.level = v[0] - '0' + 1;  // 0 is the top level; 9 is body text
        }
      }
    }
    return s;
  }

  // Text that reads as a label ("一、办理条件", "办理地点：……") is a section heading, not the
  // document's title.
  bool is_label(std::string_view text) const {
    std::size_t end = text.size();
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t at = i;
      const char32_t c = utf8::next(text, i);
      if (c == ':' || c == U'：') {
        end = at;
        break;
      }
    }
    return context_.profile.resolve_label(text.substr(0, end)) != nullptr;
  }

  const Context& context_;
  std::string w_;  // the WordprocessingML prefix with its colon: "w:"
  bool have_title_ = false;
};

// The prefix the document binds to the WordprocessingML namespace (transitional or strict).
std::optional<std::string> main_prefix(pugi::xml_node root) {
  for (pugi::xml_attribute a : root.attributes()) {
    const std::string_view name = a.name();
    const std::string_view value = a.value();
    if (value != "http://schemas.openxmlformats.org/wordprocessingml/2006/main" &&
        value != "http://purl.oclc.org/ooxml/wordprocessingml/main") {
      continue;
    }
    if (name == "xmlns") return std::string();
    if (name.starts_with("xmlns:")) return std::string(name.substr(6)) + ":";
  }
  return std::nullopt;
}

class DocxParser final : public Parser {
 public:
  std::string_view format() const override { return "docx"; }
  std::vector<std::string> extensions() const override { return {".docx"}; }

  void parse(const Source& source, const Context& context, Output& out) const override {
    if (source.bytes().empty()) {
      out.error(std::nullopt, "parse-error.empty");
      return;
    }
    if (source.encoding() != "zip") {
      out.error(std::nullopt, "parse-error.docx-not-zip");
      return;
    }
    std::optional<std::string> xml = read_document(source.bytes(), context.limits, out);
    if (!xml) return;

    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_buffer_inplace(
        xml->data(), xml->size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!parsed) {
      out.error(std::nullopt, "parse-error.docx-corrupt", {{"detail", parsed.description()}});
      return;
    }
    const pugi::xml_node root = doc.document_element();
    const std::optional<std::string> prefix = main_prefix(root);
    const std::string_view root_name = root.name();
    if (!prefix || root_name != *prefix + "document") {
      out.error(std::nullopt, "parse-error.docx-corrupt", {{"detail", std::string(root_name)}});
      return;
    }

    Walker walker(context, *prefix);
    walker.body(root.child((*prefix + "body").c_str()));
    if (walker.too_deep) {
      out.error(std::nullopt, "parse-error.too-deep",
                {{"limit", static_cast<std::int64_t>(context.limits.depth)}});
      return;
    }
    out.derived = derived_source(source.name(), std::move(walker.derived));
    if (walker.blocks.empty()) {
      out.error(std::nullopt, "parse-error.empty");
      return;
    }
    out.guides.push_back(recognise(walker.blocks, context, walker.title));
  }

 private:
  // The derived text as a Source. Its positions must be the text's own offsets, so the text
  // must read as plain UTF-8; should it begin like an encoding declaration ("<?xml … GBK"),
  // a byte order mark in front settles it without moving any offset of the text.
  static std::shared_ptr<const Source> derived_source(const std::string& name, std::string text) {
    const std::size_t size = text.size();
    auto s = std::make_shared<const Source>(name, std::move(text));
    if (s->encoding() == "UTF-8" && !s->decode_error() && s->text().size() == size) return s;
    return std::make_shared<const Source>(name, "\xEF\xBB\xBF" + std::string(s->bytes()));
  }
};

}  // namespace

const Parser& docx_parser() {
  static const DocxParser parser;
  return parser;
}

}  // namespace guidelint::parse
