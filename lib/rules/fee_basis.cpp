// fee-basis: a guide that charges a fee (an amount: 工本费10元, 按造价的0.5%收取) names the
// standard's basis — a 《…》 document or a document number (财综〔2012〕97号,
// 国家发展改革委令第49号); a guide that says it charges (收费, 缴纳) gives the amount or the
// standard. 不收费, 免费, 0元 pass.
#include <algorithm>

#include "rules/catalog_scan.hpp"
#include "rules/format_scan.hpp"

namespace guidelint::rules {
namespace {

using scan::Char;

struct Settings {
  std::vector<std::string> elements;
  scan::Phrases free;
  scan::Values free_values;
  scan::Phrases charge;
  scan::Values charge_values;
  std::vector<std::u32string> currency;         // after a number: 元, 万元, 港元
  std::vector<std::u32string> currency_before;  // before a number: 人民币, ¥
  std::vector<std::u32string> rate_before;      // 百分之, 千分之
  scan::Phrases basis;  // more ways to name a basis, besides 《…》 and 〔year〕 numbers
};

// An amount read from an element: [begin, end) of its text.
struct Amount {
  double value = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

class FeeBasis final : public Rule {
 public:
  explicit FeeBasis(Settings s) : s_(std::move(s)) {}

  void check(const Context& context, const Reporter& reporter) const override {
    const Element* amount_element = nullptr;
    Amount amount;
    const Element* charging = nullptr;
    const Element* first = nullptr;
    bool free = false;
    bool basis = false;
    // The element's text; its memory kept from element to element and from guide to guide.
    static thread_local std::vector<Char> s;
    for (const Element& e : context.guide.elements) {
      if (!listed(s_.elements, e.id) || e.blank()) continue;
      if (first == nullptr) first = &e;
      scan::chars(e.text, s);
      amounts(s, [&](const Amount& a) {
        if (a.value == 0) {
          free = true;  // 0元
        } else if (amount_element == nullptr) {
          amount_element = &e;
          amount = a;
        }
      });
      // A whole value ("否", "是"), or the first line of one ("否" and a note under it).
      const std::string_view head =
          e.items.empty() ? std::string_view(e.text) : e.item_text(e.items.front());
      if (s_.free.any(s) || s_.free_values.contains(e.text) || s_.free_values.contains(head))
        free = true;
      if (charging == nullptr && (s_.charge.any(s) || s_.charge_values.contains(e.text) ||
                                  s_.charge_values.contains(head)))
        charging = &e;
      basis = basis || names_a_basis(s) || s_.basis.any(s);
    }
    if (first == nullptr || basis) return;
    if (amount_element != nullptr) {
      const Element& e = *amount_element;
      std::vector<Arg> args{{"label", label_of(context, e)},
                            {"amount", e.text.substr(amount.begin, amount.end - amount.begin)}};
      if (free) {
        // "不收费（原工本费10元已取消）": which is it?
        reporter.review("fee-basis.mixed", std::move(args), e.value_span(), e.id);
      } else {
        reporter.report("fee-basis.no-basis", std::move(args), e.value_span(), e.id);
      }
      return;
    }
    if (free) return;
    if (charging != nullptr) {
      reporter.report("fee-basis.no-amount", {{"label", label_of(context, *charging)}},
                      charging->value_span(), charging->id, Severity::warning);
      return;
    }
    reporter.review("fee-basis.unclear", {{"label", label_of(context, *first)}},
                    first->value_span(), first->id);
  }

 private:
  // 10元, 1万元, 人民币100, ¥50, 0.5%, 百分之三: each given to `each` in order.
  template <typename Each>
  void amounts(const std::vector<Char>& s, Each&& each) const {
    for (std::size_t i = 0; i < s.size();) {
      const auto n = scan::number_at(s, i);
      if (!n) {
        ++i;
        continue;
      }
      i = n->last;
      std::size_t begin = n->first;
      std::size_t end = std::string::npos;
      std::size_t k = n->last;
      while (k < s.size() && s[k].gap && s[k].c == ' ')
        ++k;
      if (k < s.size() && s[k].gap && (s[k].c == '%' || s[k].c == U'‰')) {
        end = k + 1;
      } else {
        for (const std::u32string& c : s_.currency) {
          end = scan::match_at(s, k, c);
          if (end != std::string::npos) break;
        }
      }
      if (end == std::string::npos) {
        for (const auto* list : {&s_.currency_before, &s_.rate_before}) {
          for (const std::u32string& c : *list) {
            const std::size_t at = before(s, n->first, c);
            if (at != std::string::npos) {
              begin = at;
              end = n->last;
              break;
            }
          }
          if (end != std::string::npos) break;
        }
      }
      if (end == std::string::npos) continue;
      each(Amount{n->value, s[begin].begin, s[end - 1].end});
    }
  }

  // Where the phrase starts when it ends right before s[i] (marks between ignored); npos if not.
  static std::size_t before(const std::vector<Char>& s, std::size_t i, std::u32string_view phrase) {
    std::size_t k = i;
    for (std::size_t m = phrase.size(); m > 0; --m) {
      const std::size_t prev = scan::previous_kept(s, k);
      if (prev == std::string::npos || s[prev].c != phrase[m - 1]) return std::string::npos;
      k = prev;
    }
    return k;
  }

  // A document: 《…》, or a number with a year in brackets (财综〔2012〕97号, 发改价格[2015]1号,
  // 计价格(2002)1234号), or an order (令第49号).
  static bool names_a_basis(const std::vector<Char>& s) {
    bool open_title = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char32_t c = s[i].c;
      if (s[i].gap && (c == U'《' || c == U'〈')) open_title = true;
      if (s[i].gap && (c == U'》' || c == U'〉') && open_title) return true;
      const bool open = s[i].gap && (c == U'〔' || c == '[' || c == '(' || c == U'【');
      if (open && i + 6 < s.size()) {
        std::size_t k = i + 1;
        std::string year;
        while (k < s.size() && scan::is_digit(s[k]) && year.size() < 5)
          year.push_back(static_cast<char>(s[k++].c));
        const bool closes = k < s.size() && s[k].gap &&
                            (s[k].c == U'〕' || s[k].c == ']' || s[k].c == ')' || s[k].c == U'】');
        if (year.size() == 4 && (year.starts_with("19") || year.starts_with("20")) && closes) {
          std::size_t j = scan::next_kept(s, k + 1);
          const auto n = scan::number_at(s, j);
          if (n && scan::next_kept(s, n->last) < s.size() &&
              s[scan::next_kept(s, n->last)].c == U'号') {
            return true;
          }
        }
      }
      // 令第49号
      if (!s[i].gap && c == U'令') {
        const std::size_t di = scan::next_kept(s, i + 1);
        if (di < s.size() && s[di].c == U'第') {
          const auto n = scan::number_at(s, scan::next_kept(s, di + 1));
          if (n && scan::next_kept(s, n->last) < s.size() &&
              s[scan::next_kept(s, n->last)].c == U'号') {
            return true;
          }
        }
      }
    }
    return false;
  }

  Settings s_;
};

}  // namespace

RuleType fee_basis_type() {
  return RuleType{
      "fee-basis",
      "收费的事项应写明收费标准及其依据（文件名称或文号）",
      {"elements", "free", "free_values", "charge", "charge_values", "currency", "currency_before",
       "rate_before", "basis"},
      [](const Setup& setup) -> std::unique_ptr<Rule> {
        Settings s;
        bool ok = true;
        const auto take = [&](auto&& value, auto& into) {
          if (value) {
            into = std::move(*value);
          } else {
            ok = false;
          }
        };
        take(scan::elements_option(setup, "elements", {"fees", "fee_basis"}), s.elements);
        std::vector<std::string> list;
        take(scan::strings_option(
                 setup, "free",
                 {"不收费", "免费", "无收费", "不收取", "免收", "免予收费", "免征", "不征收",
                  "无需缴费", "无需缴纳", "无需付费", "不需缴费", "不需要缴费", "零收费", "无费用",
                  "不涉及收费", "不涉及费用", "收费标准无", "无收费项目"}),
             list);
        s.free = scan::Phrases(list);
        take(scan::strings_option(setup, "free_values", {"无", "否", "0", "免", "不", "没有"}),
             list);
        s.free_values = scan::Values(list);
        take(scan::strings_option(setup, "charge",
                                  {"收费", "收取", "缴纳", "缴费", "交纳", "交费", "付费", "缴付",
                                   "支付", "工本费", "手续费", "服务费", "费用", "缴款"}),
             list);
        s.charge = scan::Phrases(list);
        take(scan::strings_option(setup, "charge_values", {"是", "1", "有"}), list);
        s.charge_values = scan::Values(list);
        const auto folded = [](const std::vector<std::string>& in) {
          std::vector<std::u32string> out;
          for (const std::string& p : in) {
            if (std::u32string f = scan::fold32(p); !f.empty()) out.push_back(std::move(f));
          }
          std::stable_sort(out.begin(), out.end(),
                           [](const auto& a, const auto& b) { return a.size() > b.size(); });
          return out;
        };
        take(scan::strings_option(setup, "currency",
                                  {"元", "圆", "万元", "千元", "角", "块", "港元", "港币", "澳门元",
                                   "澳门币", "葡币", "新台币", "美元", "欧元"}),
             list);
        s.currency = folded(list);
        take(scan::strings_option(
                 setup, "currency_before",
                 {"人民币", "¥", "rmb", "hk$", "mop$", "nt$", "$", "港币", "澳门元"}),
             list);
        s.currency_before = folded(list);
        take(scan::strings_option(setup, "rate_before", {"百分之", "千分之"}), list);
        s.rate_before = folded(list);
        take(scan::strings_option(setup, "basis", {}), list);
        s.basis = scan::Phrases(list);
        if (!ok) return nullptr;
        return std::make_unique<FeeBasis>(std::move(s));
      }};
}

}  // namespace guidelint::rules
