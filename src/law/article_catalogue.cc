#include "law/article_catalogue.h"

#include <algorithm>
#include <set>

#include "core/file.h"

namespace hegui::law {
namespace {

std::string JoinNumbers(const std::vector<int>& numbers, std::string_view prefix_one,
                        std::string_view prefix_many) {
  std::string out(numbers.size() == 1 ? prefix_one : prefix_many);
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (i > 0) out += (i + 1 == numbers.size()) ? " and " : ", ";
    out += std::to_string(numbers[i]);
  }
  return out;
}

std::string ParagraphText(const Paragraph& p, bool chinese) {
  std::string out = p.text;
  for (size_t i = 0; i < p.items.size(); ++i) {
    out += "\n";
    out += chinese ? ItemMarkerZh(static_cast<int>(i) + 1) : "(" + std::to_string(i + 1) + ") ";
    out += p.items[i];
  }
  return out;
}

StatusOr<std::string> ProvisionText(const ArticleText& text, const ProvisionRef& ref,
                                    bool chinese) {
  auto missing = [&] {
    return NotFoundError("no " + ref.ToString() + (chinese ? "" : " in the English rendering"));
  };
  if (ref.paragraph == 0 && ref.item == 0) {
    std::string out;
    for (size_t i = 0; i < text.paragraphs.size(); ++i) {
      if (i > 0) out += "\n";
      out += ParagraphText(text.paragraphs[i], chinese);
    }
    return out;
  }
  // An item without a paragraph means an item of the first paragraph.
  const size_t p = ref.paragraph == 0 ? 1 : static_cast<size_t>(ref.paragraph);
  if (p > text.paragraphs.size()) return missing();
  const Paragraph& para = text.paragraphs[p - 1];
  if (ref.item == 0) return ParagraphText(para, chinese);
  if (ref.item < 0 || static_cast<size_t>(ref.item) > para.items.size()) return missing();
  std::string marker = chinese ? ItemMarkerZh(ref.item) : "(" + std::to_string(ref.item) + ") ";
  return marker + para.items[ref.item - 1];
}

}  // namespace

StatusOr<ArticleCatalogue> ArticleCatalogue::Load(const std::string& data_dir) {
  const std::string dir = data_dir + "/law/";
  Sources s;
  s.zh_2025_name = dir + "csl-2025-zh.txt";
  s.en_2025_name = dir + "csl-2025-en.yaml";
  s.mapping_name = dir + "csl-2016-to-2025-mapping.tsv";
  s.decision_name = dir + "csl-2025-amendment-decision-zh.txt";
  s.zh_2016_name = dir + "csl-2016-zh.txt";
  HEGUI_ASSIGN_OR_RETURN(s.zh_2025, ReadFileToString(s.zh_2025_name));
  HEGUI_ASSIGN_OR_RETURN(s.mapping, ReadFileToString(s.mapping_name));
  HEGUI_ASSIGN_OR_RETURN(s.decision, ReadFileToString(s.decision_name));
  StatusOr<std::string> en = ReadFileToString(s.en_2025_name);
  if (en.ok()) {
    s.en_2025 = std::move(*en);
  } else if (en.status().code() != StatusCode::kNotFound) {
    return en.status();
  }
  StatusOr<std::string> old = ReadFileToString(s.zh_2016_name);
  if (old.ok()) {
    s.zh_2016 = std::move(*old);
  } else if (old.status().code() != StatusCode::kNotFound) {
    return old.status();
  }
  return FromSources(s);
}

StatusOr<ArticleCatalogue> ArticleCatalogue::FromSources(const Sources& sources) {
  ArticleCatalogue c;
  HEGUI_ASSIGN_OR_RETURN(StatuteText text, ParseStatuteText(sources.zh_2025, sources.zh_2025_name));
  c.title_zh_ = std::move(text.title);
  c.articles_ = std::move(text.articles);
  c.chapters_ = std::move(text.chapters);
  HEGUI_ASSIGN_OR_RETURN(c.mapping_, ParseMapping2016(sources.mapping, sources.mapping_name));
  HEGUI_ASSIGN_OR_RETURN(c.decision_,
                         ParseAmendmentDecision(sources.decision, sources.decision_name));
  if (sources.zh_2016) {
    HEGUI_ASSIGN_OR_RETURN(StatuteText old,
                           ParseStatuteText(*sources.zh_2016, sources.zh_2016_name));
    c.articles_2016_ = std::move(old.articles);
  }
  if (sources.en_2025) {
    HEGUI_ASSIGN_OR_RETURN(EnglishRendering en,
                           ParseEnglishRendering(*sources.en_2025, sources.en_2025_name));
    for (auto& [number, article_text] : en.articles) {
      if (number >= 1 && number <= static_cast<int>(c.articles_.size())) {
        c.articles_[number - 1].en = article_text;
      }
    }
    for (const EnglishRendering::ChapterTitle& ct : en.chapters) {
      if (ct.number < 1 || ct.number > static_cast<int>(c.chapters_.size())) continue;
      Chapter& chapter = c.chapters_[ct.number - 1];
      chapter.title_en = ct.title;
      for (const EnglishRendering::SectionTitle& st : ct.sections) {
        if (st.number >= 1 && st.number <= static_cast<int>(chapter.sections.size())) {
          chapter.sections[st.number - 1].title_en = st.title;
        }
      }
    }
    c.english_ = std::move(en);
  }
  return c;
}

const Article* ArticleCatalogue::Find(ArticleId id) const {
  if (id.number() < 1 || id.number() > static_cast<int>(articles_.size())) return nullptr;
  return &articles_[id.number() - 1];
}

StatusOr<const Article*> ArticleCatalogue::Get(ArticleId id) const {
  if (const Article* a = Find(id)) return a;
  return NotFoundError("no article " + std::to_string(id.number()) +
                       " in the Cybersecurity Law (2025 text has articles 1-" +
                       std::to_string(articles_.size()) + ")");
}

const Chapter* ArticleCatalogue::FindChapter(int number) const {
  if (number < 1 || number > static_cast<int>(chapters_.size())) return nullptr;
  return &chapters_[number - 1];
}

StatusOr<const Chapter*> ArticleCatalogue::GetChapter(int number) const {
  if (const Chapter* c = FindChapter(number)) return c;
  return NotFoundError("no chapter " + std::to_string(number) +
                       " in the Cybersecurity Law (chapters 1-" + std::to_string(chapters_.size()) +
                       ")");
}

const Section* ArticleCatalogue::SectionOf(const Article& article) const {
  const Chapter* c = FindChapter(article.chapter);
  if (c == nullptr || article.section < 1 ||
      article.section > static_cast<int>(c->sections.size())) {
    return nullptr;
  }
  return &c->sections[article.section - 1];
}

bool ArticleCatalogue::HasProvision(const ProvisionRef& ref) const {
  const Article* a = Find(ref.article);
  return a != nullptr && ProvisionText(a->zh, ref, true).ok();
}

StatusOr<std::string> ArticleCatalogue::ChineseText(const ProvisionRef& ref) const {
  HEGUI_ASSIGN_OR_RETURN(const Article* a, Get(ref.article));
  return ProvisionText(a->zh, ref, true);
}

StatusOr<std::string> ArticleCatalogue::EnglishText(const ProvisionRef& ref) const {
  HEGUI_ASSIGN_OR_RETURN(const Article* a, Get(ref.article));
  if (!a->en) return NotFoundError(ref.article.ToString() + " has no English rendering yet");
  return ProvisionText(*a->en, ref, false);
}

const Article* ArticleCatalogue::FindOld2016(int old_number) const {
  if (old_number < 1 || old_number > static_cast<int>(articles_2016_.size())) return nullptr;
  return &articles_2016_[old_number - 1];
}

StatusOr<Old2016Lookup> ArticleCatalogue::LookupOld2016(int old_number) const {
  Old2016Lookup out;
  out.old_number = old_number;
  int max_old = 0;
  for (const MappingRow& row : mapping_) {
    max_old = std::max(max_old, row.old_number);
    if (old_number > 0 && row.old_number == old_number && row.new_number > 0) {
      out.targets.push_back({ArticleId(row.new_number), 0, row.change});
    }
  }
  if (out.targets.empty()) {
    return NotFoundError("no article " + std::to_string(old_number) +
                         " in the 2016 Cybersecurity Law (it had articles 1-" +
                         std::to_string(max_old) + ")");
  }
  std::set<int> merged_with;
  for (const DecisionItem& item : decision_.items) {
    for (const DecisionItem::OldSource& src : item.sources) {
      if (src.article != old_number) continue;
      if (item.kind == DecisionItem::Kind::kMerge) {
        for (const DecisionItem::OldSource& other : item.sources) {
          if (other.article != old_number) merged_with.insert(other.article);
        }
      }
      if (src.item > 0) {
        auto same = std::find_if(out.targets.begin(), out.targets.end(), [&](const auto& t) {
          return t.article.number() == item.new_article;
        });
        if (same == out.targets.end()) {
          out.targets.push_back({ArticleId(item.new_article), src.item, "amended+merged"});
        }
      }
      for (int p : item.deleted_paragraphs) out.deleted_paragraphs.push_back(p);
    }
  }
  std::sort(out.targets.begin(), out.targets.end(),
            [](const auto& a, const auto& b) { return a.article < b.article; });
  out.merged_with.assign(merged_with.begin(), merged_with.end());

  // Explanation.
  std::string old = "Old Art. " + std::to_string(old_number);
  std::string& e = out.explanation;
  const bool split = out.targets.size() > 1;
  if (split) {
    e = old + " was split in 2025:";
    for (const Old2016Target& t : out.targets) {
      e += t.old_item > 0 ? " its item (" + std::to_string(t.old_item) + ") went to new " +
                                t.article.ToString() + ";"
                          : " the rest became new " + t.article.ToString() + ";";
    }
    e.back() = '.';
  } else {
    const Old2016Target& t = out.targets.front();
    if (!out.merged_with.empty()) {
      e = old + " was merged with " + JoinNumbers(out.merged_with, "old Art. ", "old Arts. ") +
          " into new " + t.article.ToString() + ".";
    } else if (t.change == "unchanged") {
      e = old + " is " + t.article.ToString() + " in 2025, unchanged.";
    } else if (t.change == "renumbered") {
      e = old + " is now " + t.article.ToString() + " (renumbered; wording unchanged).";
    } else {
      e = old + " is now " + t.article.ToString() + ", amended in 2025.";
    }
  }
  for (int p : out.deleted_paragraphs) {
    e += " Paragraph " + std::to_string(p) + " of old Art. " + std::to_string(old_number) +
         " was deleted.";
  }
  // Other 2016 articles merged into a split target (old 68 with item (1) of old 69).
  for (const Old2016Target& t : out.targets) {
    AmendmentInfo info = Amendment(t.article);
    std::vector<int> others;
    for (int n : info.old_numbers) {
      if (n != old_number) others.push_back(n);
    }
    if (split && !others.empty()) {
      e += " New " + t.article.ToString() + " also takes in " +
           JoinNumbers(others, "old Art. ", "old Arts. ") + ".";
    }
  }
  return out;
}

AmendmentInfo ArticleCatalogue::Amendment(ArticleId id) const {
  AmendmentInfo info;
  std::set<int> old_numbers;
  std::set<int> decision_items;
  std::string note;
  for (const MappingRow& row : mapping_) {
    if (row.new_number != id.number()) continue;
    if (info.change.empty()) info.change = row.change;
    if (row.old_number > 0) old_numbers.insert(row.old_number);
    if (row.decision_item > 0) decision_items.insert(row.decision_item);
    if (row.text_check.find("cross-ref") != std::string::npos) note = "cross-references updated";
  }
  const DecisionItem* by = nullptr;
  for (const DecisionItem& item : decision_.items) {
    if (item.new_article == id.number()) {
      decision_items.insert(item.number);
      if (by == nullptr) by = &item;
      for (const DecisionItem::OldSource& src : item.sources) old_numbers.insert(src.article);
    }
  }
  info.old_numbers.assign(old_numbers.begin(), old_numbers.end());
  info.decision_items.assign(decision_items.begin(), decision_items.end());
  info.changed_by_decision = !info.decision_items.empty();
  if (info.change.empty()) info.change = info.changed_by_decision ? "amended" : "unknown";

  std::string items = JoinNumbers(info.decision_items, "item ", "items ");
  std::string from = JoinNumbers(info.old_numbers, "old Art. ", "old Arts. ");
  if (by != nullptr && by->kind == DecisionItem::Kind::kInsertArticle) {
    info.summary = "New in 2025 (amendment decision " + items + "); no 2016 counterpart.";
  } else if (by != nullptr && by->kind == DecisionItem::Kind::kMerge) {
    std::string parts;
    for (const DecisionItem::OldSource& src : by->sources) {
      if (!parts.empty()) parts += ", ";
      parts += "old Art. " + std::to_string(src.article);
      if (src.item > 0) parts += " item (" + std::to_string(src.item) + ")";
    }
    info.summary = "Changed in 2025 (amendment decision " + items + "): merges " + parts +
                   (by->rewrites ? ", with new wording." : ".");
  } else if (by != nullptr) {
    std::vector<std::string> what;
    if (by->rewrites && !by->adds_paragraph) what.push_back("given new wording");
    if (by->adds_paragraph) what.push_back("a paragraph added");
    if (by->replaces_phrase) what.push_back("a phrase replaced");
    for (int p : by->deleted_paragraphs)
      what.push_back("paragraph " + std::to_string(p) + " deleted");
    std::string joined;
    for (size_t i = 0; i < what.size(); ++i) joined += (i > 0 ? ", " : "") + what[i];
    info.summary = "Changed in 2025 (amendment decision " + items + "): was " + from +
                   (joined.empty() ? "" : "; " + joined) + ".";
  } else if (info.change.find("split") != std::string::npos) {
    // The remainder of an old article whose item moved elsewhere (old 69 -> new 70).
    std::string moved;
    for (const DecisionItem& item : decision_.items) {
      for (const DecisionItem::OldSource& src : item.sources) {
        if (src.item > 0 && std::find(info.old_numbers.begin(), info.old_numbers.end(),
                                      src.article) != info.old_numbers.end()) {
          moved = " after its item (" + std::to_string(src.item) + ") moved to new Art. " +
                  std::to_string(item.new_article);
        }
      }
    }
    info.summary = "Changed in 2025 (amendment decision " + items + "): what remains of " + from +
                   moved + ", items renumbered.";
  } else if (info.change == "unchanged") {
    info.summary = "Not changed by the 2025 amendment (same number in 2016).";
  } else if (info.change == "renumbered") {
    info.summary = "Not changed in substance by the 2025 amendment; renumbered from " + from +
                   (note.empty() ? "." : " (" + note + ").");
  } else {
    info.summary = "Was " + from + "; change: " + info.change + ".";
  }
  return info;
}

}  // namespace hegui::law
