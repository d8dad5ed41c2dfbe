#include "law/statute_text.h"

#include <optional>

#include "law/chinese_amount.h"
#include "law/internal/utf8.h"

namespace hegui::law {
namespace {

constexpr std::string_view kDi = "第";

struct Heading {
  int number = 0;
  std::string_view kind;  // "章", "节" or "条".
  std::string_view rest;  // Text after the heading, trimmed.
};

// Recognises "第<numeral><章|节|条>" at the start of `line`.
std::optional<Heading> ParseHeading(std::string_view line) {
  if (!line.starts_with(kDi)) return std::nullopt;
  std::string_view after = line.substr(kDi.size());
  for (std::string_view kind : {"章", "节", "条"}) {
    size_t at = after.find(kind);
    if (at == std::string_view::npos || at == 0 || at > 18) continue;
    StatusOr<int64_t> n = ParseChineseNumber(after.substr(0, at));
    if (!n.ok() || *n <= 0 || *n > 100000) continue;
    Heading h;
    h.number = static_cast<int>(*n);
    h.kind = kind;
    h.rest = internal::Trim(after.substr(at + kind.size()));
    return h;
  }
  return std::nullopt;
}

// Recognises "（<numeral>）" at the start of `line`; returns the number and the text after.
std::optional<std::pair<int, std::string_view>> ParseItem(std::string_view line) {
  constexpr std::string_view kOpen = "（";
  constexpr std::string_view kClose = "）";
  if (!line.starts_with(kOpen)) return std::nullopt;
  size_t close = line.find(kClose);
  if (close == std::string_view::npos) return std::nullopt;
  StatusOr<int64_t> n = ParseChineseNumber(line.substr(kOpen.size(), close - kOpen.size()));
  if (!n.ok() || *n <= 0 || *n > 1000) return std::nullopt;
  return std::make_pair(static_cast<int>(*n), line.substr(close + kClose.size()));
}

std::string_view StripMarkdownHeading(std::string_view line) {
  while (!line.empty() && line.front() == '#') line.remove_prefix(1);
  return internal::Trim(line);
}

}  // namespace

std::string FormatChineseNumber(int number) {
  static constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四",
                                                 "五", "六", "七", "八", "九"};
  static constexpr std::string_view kUnits[] = {"", "十", "百", "千", "万"};
  if (number <= 0 || number > 99999) return std::to_string(number);
  std::string digits = std::to_string(number);
  std::string out;
  bool zero_pending = false;
  for (size_t i = 0; i < digits.size(); ++i) {
    int d = digits[i] - '0';
    size_t unit = digits.size() - 1 - i;
    if (d == 0) {
      zero_pending = !out.empty();
      continue;
    }
    if (zero_pending) out += kDigits[0];
    zero_pending = false;
    // 10-19 are written 十, 十五 (no leading 一).
    if (!(d == 1 && unit == 1 && i == 0)) out += kDigits[d];
    out += kUnits[unit];
  }
  return out;
}

std::string ItemMarkerZh(int item) { return "（" + FormatChineseNumber(item) + "）"; }

StatusOr<StatuteText> ParseStatuteText(std::string_view text, std::string_view source_name) {
  StatuteText out;
  auto error = [&](int line_no, const std::string& what) {
    return InvalidArgumentError(std::string(source_name) + ":" + std::to_string(line_no) + ": " +
                                what);
  };
  // Split into lines; find the end of the provenance header, if any.
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  size_t first_body_line = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].starts_with("#") && lines[i].substr(1).find("====") != std::string_view::npos &&
        StripMarkdownHeading(lines[i]).starts_with("====")) {
      first_body_line = i + 1;
      break;
    }
    if (!lines[i].starts_with("#")) break;
  }

  Article* article = nullptr;
  for (size_t i = first_body_line; i < lines.size(); ++i) {
    const int line_no = static_cast<int>(i + 1);
    std::string_view line = StripMarkdownHeading(lines[i]);
    if (line.empty() || line.starts_with("<!--")) continue;
    if (std::optional<Heading> h = ParseHeading(line)) {
      if (h->kind == "章") {
        int expected = static_cast<int>(out.chapters.size()) + 1;
        if (h->number != expected) {
          return error(line_no, "chapter " + std::to_string(h->number) +
                                    " out of order (expected " + std::to_string(expected) + ")");
        }
        Chapter c;
        c.number = h->number;
        c.title_zh = std::string(h->rest);
        out.chapters.push_back(std::move(c));
        article = nullptr;
        continue;
      }
      if (h->kind == "节") {
        if (out.chapters.empty()) return error(line_no, "section outside any chapter");
        Chapter& c = out.chapters.back();
        int expected = static_cast<int>(c.sections.size()) + 1;
        if (h->number != expected) {
          return error(line_no, "section " + std::to_string(h->number) +
                                    " out of order (expected " + std::to_string(expected) + ")");
        }
        Section s;
        s.number = h->number;
        s.title_zh = std::string(h->rest);
        c.sections.push_back(std::move(s));
        article = nullptr;
        continue;
      }
      // An article.
      if (out.chapters.empty()) return error(line_no, "article outside any chapter");
      int expected = static_cast<int>(out.articles.size()) + 1;
      if (h->number != expected) {
        return error(line_no, "article " + std::to_string(h->number) + " out of order (expected " +
                                  std::to_string(expected) + ")");
      }
      Chapter& c = out.chapters.back();
      Article a;
      a.id = ArticleId(h->number);
      a.heading_zh = "第" + FormatChineseNumber(h->number) + "条";
      a.chapter = c.number;
      a.section = c.sections.empty() ? 0 : c.sections.back().number;
      if (!c.first.valid()) c.first = a.id;
      c.last = a.id;
      if (!c.sections.empty()) {
        Section& s = c.sections.back();
        if (!s.first.valid()) s.first = a.id;
        s.last = a.id;
      }
      if (!h->rest.empty()) a.zh.paragraphs.push_back(Paragraph{std::string(h->rest), {}});
      out.articles.push_back(std::move(a));
      article = &out.articles.back();
      continue;
    }
    if (out.chapters.empty()) {
      // Title and promulgation note before the first chapter.
      if (out.title.empty()) out.title = std::string(line);
      continue;
    }
    if (article == nullptr) return error(line_no, "text outside any article");
    if (auto item = ParseItem(line)) {
      if (article->zh.paragraphs.empty()) {
        return error(line_no, "item before any paragraph in " + article->id.ToString());
      }
      Paragraph& p = article->zh.paragraphs.back();
      int expected = static_cast<int>(p.items.size()) + 1;
      if (item->first != expected) {
        return error(line_no, "item " + std::to_string(item->first) + " out of order in " +
                                  article->id.ToString() + " (expected " +
                                  std::to_string(expected) + ")");
      }
      p.items.emplace_back(internal::Trim(item->second));
      continue;
    }
    article->zh.paragraphs.push_back(Paragraph{std::string(line), {}});
  }
  if (out.articles.empty()) return error(static_cast<int>(lines.size()), "no articles found");
  for (const Article& a : out.articles) {
    if (a.zh.paragraphs.empty()) {
      return InvalidArgumentError(std::string(source_name) + ": " + a.id.ToString() +
                                  " has no text");
    }
  }
  return out;
}

}  // namespace hegui::law
