#include "law/amendment_decision.h"

#include "law/chinese_amount.h"
#include "law/internal/utf8.h"

namespace hegui::law {
namespace {

struct Ref {
  int number = 0;
  std::string_view kind;  // "条", "款" or "项".
  size_t offset = 0;      // Byte offset of "第" in the head.
};

// Every "第<numeral><条|款|项>" in `head`, in order.
std::vector<Ref> FindRefs(std::string_view head) {
  constexpr std::string_view kDi = "第";
  std::vector<Ref> refs;
  for (size_t pos = head.find(kDi); pos != std::string_view::npos; pos = head.find(kDi, pos + 1)) {
    size_t start = pos + kDi.size();
    for (size_t end = start; end < head.size() && end - start <= 18;) {
      size_t len = 1;
      internal::DecodeAt(head, end, &len);
      std::string_view ch = head.substr(end, len);
      if (ch == "条" || ch == "款" || ch == "项") {
        StatusOr<int64_t> n = ParseChineseNumber(head.substr(start, end - start));
        if (n.ok() && *n > 0 && *n < 1000) refs.push_back({static_cast<int>(*n), ch, pos});
        break;
      }
      end += len;
    }
  }
  return refs;
}

// The first 条 reference at or after `offset`, or 0.
int ArticleAfter(const std::vector<Ref>& refs, size_t offset) {
  for (const Ref& r : refs) {
    if (r.offset >= offset && r.kind == "条") return r.number;
  }
  return 0;
}

// Recognises "<numeral>、" at the start of a line; returns the number.
int ItemNumber(std::string_view line) {
  constexpr std::string_view kComma = "、";
  size_t at = line.find(kComma);
  if (at == std::string_view::npos || at == 0 || at > 12) return 0;
  StatusOr<int64_t> n = ParseChineseNumber(line.substr(0, at));
  return n.ok() && *n > 0 && *n < 1000 ? static_cast<int>(*n) : 0;
}

}  // namespace

StatusOr<AmendmentDecision> ParseAmendmentDecision(std::string_view text,
                                                   std::string_view source_name) {
  AmendmentDecision out;
  std::vector<std::pair<int, std::string>> raw;  // (line, text) per item.
  int line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = internal::Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line.starts_with("#")) continue;
    if (int n = ItemNumber(line); n > 0) {
      if (n != static_cast<int>(raw.size()) + 1) {
        return InvalidArgumentError(std::string(source_name) + ":" + std::to_string(line_no) +
                                    ": decision item " + std::to_string(n) + " out of order");
      }
      raw.emplace_back(line_no, std::string(line));
    } else if (line.starts_with("“") && !raw.empty()) {
      raw.back().second += "\n" + std::string(line);
    }
  }
  for (size_t i = 0; i < raw.size(); ++i) {
    const auto& [line, item_text] = raw[i];
    DecisionItem item;
    item.number = static_cast<int>(i) + 1;
    item.text = item_text;
    std::string_view head = item_text;
    head = head.substr(0, head.find("“"));
    std::vector<Ref> refs = FindRefs(head);
    auto error = [&, line = line](const std::string& what) {
      return InvalidArgumentError(std::string(source_name) + ":" + std::to_string(line) +
                                  ": decision item " + std::to_string(item.number) + ": " + what);
    };
    if (size_t as = head.find("作为"); head.find("增加一条") != std::string_view::npos) {
      item.kind = DecisionItem::Kind::kInsertArticle;
      item.new_article = ArticleAfter(refs, as == std::string_view::npos ? 0 : as);
    } else if (size_t merge = head.find("合并"); merge != std::string_view::npos) {
      item.kind = DecisionItem::Kind::kMerge;
      for (const Ref& r : refs) {
        if (r.offset > merge) break;
        if (r.kind == "条") {
          item.sources.push_back({r.number, 0});
        } else if (r.kind == "项" && !item.sources.empty()) {
          item.sources.back().item = r.number;
        }
      }
      item.new_article = ArticleAfter(refs, merge);
    } else if (size_t renumber = head.find("改为"); renumber != std::string_view::npos) {
      item.kind = DecisionItem::Kind::kRenumberAndAmend;
      int old_article = ArticleAfter(refs, 0);
      if (old_article > 0) item.sources.push_back({old_article, 0});
      item.new_article = ArticleAfter(refs, renumber);
      if (size_t del = head.find("删去"); del != std::string_view::npos) {
        for (const Ref& r : refs) {
          if (r.offset > del && r.kind == "款") item.deleted_paragraphs.push_back(r.number);
        }
      }
    } else {
      return error("neither 增加一条, 合并 nor 改为");
    }
    item.adds_paragraph = head.find("增加一款") != std::string_view::npos;
    item.rewrites = head.find("修改为") != std::string_view::npos;
    item.replaces_phrase = head.find("其中的") != std::string_view::npos;
    if (item.new_article == 0) return error("no new article number found");
    if (item.kind != DecisionItem::Kind::kInsertArticle && item.sources.empty()) {
      return error("no old article number found");
    }
    out.items.push_back(std::move(item));
  }
  if (out.items.empty()) return InvalidArgumentError(std::string(source_name) + ": no items");
  return out;
}

}  // namespace hegui::law
