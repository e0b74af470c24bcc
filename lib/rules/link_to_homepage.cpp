// link-to-homepage: an element whose only content is a link to a site's home page or a
// department's front page ("详见市环保局网站" with http://hbj.example.gov.cn/), as the 2016
// national spot check found on 松原's site, where whole columns only linked to departments' home
// pages.
#include <algorithm>
#include <cctype>

#include "rules/catalog_scan.hpp"

namespace guidelint::rules {
namespace {

// A name of a site is at most this many characters (folded) before its site word: 市环保局网站,
// 国家税务总局网站, 某某省政务服务网; a longer run of text is content.
constexpr std::size_t kMaxSiteName = 24;

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Characters a URL written in text is made of (RFC 3986, ASCII only: a Chinese character, a
// space or full-width punctuation ends it).
bool url_char(char c) {
  static constexpr std::string_view kMarks = "-._~:/?#[]@!$&'()*+,;=%";
  return is_alnum(c) || kMarks.find(c) != std::string_view::npos;
}

// Top-level domains a bare host name written without http:// or www. must end with.
bool known_tld(std::string_view label) {
  static constexpr std::string_view kTlds[] = {"cn",  "com", "net", "org", "gov",
                                               "edu", "hk",  "mo",  "tw",  "info"};
  std::string l(label);
  std::transform(l.begin(), l.end(), l.begin(), lower);
  return std::find(std::begin(kTlds), std::end(kTlds), l) != std::end(kTlds);
}

// host.name.tld: at least two labels of letters, digits and '-', the last a known domain.
bool bare_host(std::string_view host) {
  if (host.empty() || host.front() == '.' || host.back() == '.') return false;
  std::size_t labels = 0;
  std::string_view last;
  std::size_t from = 0;
  while (from <= host.size()) {
    const std::size_t dot = std::min(host.find('.', from), host.size());
    const std::string_view label = host.substr(from, dot - from);
    if (label.empty()) return false;
    for (const char c : label) {
      if (!is_alnum(c) && c != '-') return false;
    }
    ++labels;
    last = label;
    from = dot + 1;
  }
  return labels >= 2 && known_tld(last);
}

// A written URL without the punctuation a sentence puts after it.
std::size_t trim_url_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    const char c = text[end - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
        c == ']') {
      --end;
    } else if (c == ')') {
      const std::string_view u = text.substr(begin, end - begin);
      if (std::count(u.begin(), u.end(), '(') >= std::count(u.begin(), u.end(), ')')) break;
      --end;
    } else {
      break;
    }
  }
  return end;
}

struct Range {
  std::uint32_t begin;
  std::uint32_t end;
};

// URLs written as text in [begin, end) of `text`: http://…, https://…, www.…, and bare host names
// ending in a known domain (hbj.example.gov.cn/). E-mail addresses are not URLs.
void find_bare_urls(std::string_view text, std::uint32_t begin, std::uint32_t end,
                    std::vector<Range>& out) {
  // Every URL has a dot in its host: look at the runs of URL characters around dots only.
  std::size_t from = begin;
  while (from < end) {
    const std::size_t dot = text.substr(0, end).find('.', from);
    if (dot == std::string_view::npos) break;
    std::size_t i = dot;
    while (i > from && url_char(text[i - 1]))
      --i;
    std::size_t run_end = dot;
    while (run_end < end && url_char(text[run_end]))
      ++run_end;
    from = run_end + 1;
    const std::string_view run = text.substr(i, run_end - i);
    // Where a URL starts in the run: at a scheme or www., else the run is a bare host.
    std::size_t at = std::string_view::npos;
    for (std::size_t k = 0; k < run.size(); ++k) {
      if (k > 0 && (is_alnum(run[k - 1]) || run[k - 1] == '.' || run[k - 1] == '-')) continue;
      const std::string_view rest = run.substr(k);
      if (starts_with_nocase(rest, "http://") || starts_with_nocase(rest, "https://") ||
          starts_with_nocase(rest, "www.")) {
        at = k;
        break;
      }
    }
    if (at != std::string_view::npos) {
      const std::size_t b = i + at;
      const std::size_t e = trim_url_end(text, b, run_end);
      if (e > b) out.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)});
    } else if (run.find('@') == std::string_view::npos) {
      std::size_t host_end = run.find_first_of("/:?#");
      if (host_end == std::string_view::npos) host_end = run.size();
      std::size_t host_begin = 0;
      while (host_begin < host_end && !is_alnum(run[host_begin]))
        ++host_begin;
      const std::size_t e = trim_url_end(text, i + host_begin, run_end);
      std::string_view host = run.substr(host_begin, host_end - host_begin);
      while (!host.empty() && host.back() == '.')
        host.remove_suffix(1);
      if (e > i + host_begin && bare_host(host))
        out.push_back({static_cast<std::uint32_t>(i + host_begin), static_cast<std::uint32_t>(e)});
    }
  }
}

// Does a path glob match? '*' stands for any characters but '/'; letters match in either case.
bool glob(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return path.empty();
  if (pattern.front() == '*') {
    for (std::size_t k = 0; k <= path.size(); ++k) {
      if (glob(pattern.substr(1), path.substr(k))) return true;
      if (k < path.size() && path[k] == '/') break;
    }
    return false;
  }
  return !path.empty() && lower(pattern.front()) == lower(path.front()) &&
         glob(pattern.substr(1), path.substr(1));
}

class LinkToHomepage final : public Rule {
 public:
  LinkToHomepage(std::optional<std::vector<std::string>> elements, std::vector<std::string> exclude,
                 std::vector<std::string> phrases, std::vector<std::string> sites,
                 std::vector<std::string> front_pages)
      : elements_(std::move(elements)),
        exclude_(std::move(exclude)),
        phrases_(std::move(phrases)),
        sites_(std::move(sites)),
        front_pages_(std::move(front_pages)) {
    // Longest first, so that 请登录 is taken before 请.
    const auto longer = [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    };
    std::stable_sort(phrases_.begin(), phrases_.end(), longer);
    std::stable_sort(sites_.begin(), sites_.end(), longer);
  }

  void check(const Context& context, const Reporter& reporter) const override {
    for (const Element& e : context.guide.elements) {
      if (checked(e)) check_element(context, e, reporter);
    }
  }

 private:
  // Is this URL a site's home page or a department's front page?
  bool front_page(std::string_view url) const {
    while (!url.empty() && (url.front() == ' ' || url.front() == '\t'))
      url.remove_prefix(1);
    while (!url.empty() && (url.back() == ' ' || url.back() == '\t'))
      url.remove_suffix(1);
    std::string_view rest;
    if (starts_with_nocase(url, "http://") || starts_with_nocase(url, "https://")) {
      rest = url.substr(url.find("//") + 2);
    } else if (url.starts_with("//")) {
      rest = url.substr(2);
    } else if (url.starts_with("/")) {
      rest = url;  // relative to the same site: the path itself
    } else {
      // www.… or a bare host; anything else (mailto:, javascript:, a relative path, #) is not.
      const std::size_t host_end = std::min(url.find_first_of("/?#"), url.size());
      std::string_view host = url.substr(0, host_end);
      if (const std::size_t colon = host.find(':'); colon != std::string_view::npos)
        host = host.substr(0, colon);
      if (!starts_with_nocase(url, "www.") && !bare_host(host)) return false;
      rest = url;
    }
    if (!url.starts_with("/") || url.starts_with("//")) {
      // Skip the host (and any user or port) up to the path.
      const std::size_t path_at = rest.find_first_of("/?#");
      rest = path_at == std::string_view::npos ? std::string_view() : rest.substr(path_at);
    }
    const std::size_t hash = rest.find('#');
    const std::string_view fragment =
        hash == std::string_view::npos ? std::string_view() : rest.substr(hash + 1);
    rest = rest.substr(0, hash);
    const std::size_t question = rest.find('?');
    const std::string_view query =
        question == std::string_view::npos ? std::string_view() : rest.substr(question + 1);
    std::string_view path = rest.substr(0, question);
    // A query or a script route (#/guide/12) names a page of its own.
    if (!query.empty()) return false;
    if (fragment.starts_with("/") || fragment.starts_with("!/")) {
      const std::string_view route = fragment.substr(fragment.find('/') + 1);
      if (!route.empty()) return false;
    }
    if (path.empty()) path = "/";
    return std::any_of(front_pages_.begin(), front_pages_.end(),
                       [&](const std::string& p) { return glob(p, path); });
  }

  // Is the text between links nothing but phrases that point elsewhere ("详见", "请登录") and
  // perhaps the site's name ("市环保局网站")?
  bool no_content(std::string_view text) const {
    std::string f = text::fold(text);
    std::string_view s = f;
    strip(s);
    if (s.empty()) return true;
    for (const std::string& site : sites_) {
      if (!s.ends_with(site)) continue;
      const std::string_view name = s.substr(0, s.size() - site.size());
      if (code_points(name) > kMaxSiteName) continue;
      // "…居民详见市民政局网站" is content before a pointer, not a site's name (phrases of one
      // character, such as 的 or 在, may well be part of a name).
      const bool filler_inside = std::any_of(phrases_.begin(), phrases_.end(), [&](const auto& p) {
        return code_points(p) > 1 && name.find(p) != std::string_view::npos;
      });
      if (!filler_inside) return true;
    }
    return false;
  }

  // Link text is not content ("点击查看", "市环保局网站", the URL again) unless it is as long as a
  // sentence: a whole value wrapped in a link.
  bool sentence(std::string_view text) const {
    std::vector<Range> urls;
    find_bare_urls(text, 0, static_cast<std::uint32_t>(text.size()), urls);
    std::string words;
    std::uint32_t at = 0;
    for (const Range& u : urls) {
      words.append(text.substr(at, u.begin - at));
      at = u.end;
    }
    words.append(text.substr(at));
    std::string f = text::fold(words);
    std::string_view s = f;
    strip(s);
    return code_points(s) > kMaxSiteName;
  }

  bool checked(const Element& e) const {
    if (listed(exclude_, e.id)) return false;
    return !elements_ || listed(*elements_, e.id);
  }

  // Removes phrases that are not content from both ends.
  void strip(std::string_view& s) const {
    for (bool again = true; again && !s.empty();) {
      again = false;
      for (const std::string& p : phrases_) {
        if (s.starts_with(p)) {
          s.remove_prefix(p.size());
          again = true;
          break;
        }
        if (s.ends_with(p)) {
          s.remove_suffix(p.size());
          again = true;
          break;
        }
      }
    }
  }

  static std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  }

  void check_element(const Context& context, const Element& e, const Reporter& reporter) const {
    const std::string_view text = e.text;
    const auto size = static_cast<std::uint32_t>(text.size());
    // Without a link or an address written out there is nothing to point at: most elements.
    std::vector<Range> urls;
    if (e.links.empty()) {
      find_bare_urls(text, 0, size, urls);
      if (urls.empty()) return;
    }
    // A blank value is required-element's business: asked only of the few with a link or address.
    if (e.blank()) return;
    // A link to a page of its own (a form, a document, an image) is content.
    for (const Link& l : e.links) {
      if (!front_page(l.url)) return;
    }
    struct Found {
      Range range;
      std::string_view url;
    };
    std::optional<Found> first;
    const auto consider = [&](Range r, std::string_view url) {
      if (!first || r.begin < first->range.begin) first = Found{r, url};
    };
    std::vector<Range> cuts;
    for (const Link& l : e.links) {
      const Range r{std::min(l.begin, size), std::min(l.end, size)};
      if (sentence(text.substr(r.begin, r.end - r.begin))) return;
      cuts.push_back(r);
      consider(r, l.url);
    }
    std::sort(cuts.begin(), cuts.end(), [](const Range& a, const Range& b) {
      return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
    });
    // The text between links, less the URLs written in it, must say nothing.
    std::vector<Range> gaps;
    std::uint32_t at = 0;
    for (const Range& c : cuts) {
      if (c.begin > at) gaps.push_back({at, c.begin});
      at = std::max(at, c.end);
    }
    if (at < size) gaps.push_back({at, size});
    std::vector<Range> rest;
    for (const Range& g : gaps) {
      urls.clear();
      find_bare_urls(text, g.begin, g.end, urls);
      std::uint32_t k = g.begin;
      for (const Range& u : urls) {
        const std::string_view url = text.substr(u.begin, u.end - u.begin);
        if (!front_page(url)) return;
        consider(u, url);
        rest.push_back({k, u.begin});
        k = u.end;
      }
      rest.push_back({k, g.end});
    }
    if (!first) return;
    for (const Range& r : rest) {
      if (r.end > r.begin && !no_content(text.substr(r.begin, r.end - r.begin))) return;
    }
    const Span span = first->range.end > first->range.begin
                          ? e.source_span(first->range.begin, first->range.end)
                          : e.value_span();
    reporter.report("link-to-homepage.only-link",
                    {{"label", label_of(context, e)}, {"url", std::string(first->url)}}, span,
                    e.id);
  }

  std::optional<std::vector<std::string>> elements_;
  std::vector<std::string> exclude_;
  std::vector<std::string> phrases_;
  std::vector<std::string> sites_;
  std::vector<std::string> front_pages_;
};

}  // namespace

RuleType link_to_homepage_type() {
  return RuleType{
      "link-to-homepage",
      "要素内容只是指向网站首页或部门首页的链接，没有具体内容",
      {"elements", "exclude", "phrases", "sites", "front_pages"},
      [](const Setup& setup) -> std::unique_ptr<Rule> {
        std::optional<std::vector<std::string>> elements;
        if (config::get(setup.options, "elements").IsDefined()) {
          elements = element_list_option(setup, "elements");
          if (!elements) return nullptr;
        }
        std::vector<std::string> exclude = {"online"};
        if (config::get(setup.options, "exclude").IsDefined()) {
          auto given = element_list_option(setup, "exclude");
          if (!given) return nullptr;
          exclude = std::move(*given);
        }
        auto phrases = phrase_list_option(
            setup, "phrases",
            {"详见",     "详情见",   "详情请见", "具体见",   "具体详见", "具体请见", "参见",
             "请参见",   "参阅",     "请参阅",   "见",       "请见",     "请登录",   "登录",
             "登陆",     "请登陆",   "请访问",   "访问",     "请点击",   "点击",     "点击进入",
             "点击查看", "点此",     "点击此处", "点击这里", "此处",     "这里",     "链接",
             "链接地址", "网址",     "网站地址", "地址",     "请查看",   "查看",     "请进入",
             "进入",     "请浏览",   "浏览",     "请前往",   "前往",     "请查询",   "查询",
             "相关内容", "相关信息", "具体内容", "详细内容", "详细信息", "详情",     "更多",
             "更多信息", "请",       "到",       "在",       "于",       "的",       "或",
             "see",      "click",    "here",     "visit",    "link"});
        auto sites = phrase_list_option(setup, "sites",
                                        {"网站", "门户网站", "官方网站", "官网", "政务服务网", "网",
                                         "网页", "首页", "主页", "门户", "平台", "栏目"});
        if (!phrases || !sites) return nullptr;
        std::vector<std::string> front_pages = {"/",   "/index.*",   "/default.*",   "/main.*",
                                                "/*/", "/*/index.*", "/*/default.*", "/*/main.*"};
        if (const YAML::Node node = config::get(setup.options, "front_pages"); node.IsDefined()) {
          auto given = config::get_strings(setup.file, setup.options, "front_pages");
          if (!given) return nullptr;
          bool ok = true;
          for (std::size_t k = 0; k < given->size(); ++k) {
            if ((*given)[k].starts_with("/")) continue;
            setup.file.report(node.IsSequence() ? node[k] : node,
                              "link-to-homepage.invalid-pattern", {{"pattern", (*given)[k]}});
            ok = false;
          }
          if (!ok) return nullptr;
          front_pages = std::move(*given);
        }
        return std::make_unique<LinkToHomepage>(std::move(elements), std::move(exclude),
                                                std::move(*phrases), std::move(*sites),
                                                std::move(front_pages));
      }};
}

}  // namespace guidelint::rules
