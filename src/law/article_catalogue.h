// ArticleCatalogue: the 81 articles of the PRC Cybersecurity Law as amended on
// 28 Oct 2025 — official Chinese text, hegui's English rendering, chapters and
// sections, the 2016 numbering and what the 2025 amendment changed.
//
// Load it once (Load(DataDir())) and share it: it is immutable after loading,
// so every const method is safe to call from many threads at once. Returned
// pointers and references point into the catalogue and live as long as it.
//
// Sources (docs/law-data.md), all under <data_dir>/law/:
//   csl-2025-zh.txt                       official text; parsed at load time
//   csl-2025-en.yaml                      English rendering; optional (missing
//                                         articles are a law check error, not a
//                                         load error)
//   csl-2016-to-2025-mapping.tsv          old -> new numbers
//   csl-2025-amendment-decision-zh.txt    the amendment decision
//   csl-2016-zh.txt                       the 2016 text (for --2016 lookups)
//
// Example:
//   HEGUI_ASSIGN_OR_RETURN(ArticleCatalogue law, ArticleCatalogue::Load(DataDir()));
//   HEGUI_ASSIGN_OR_RETURN(const Article* a, law.Get(ArticleId(23)));
//   bool has = law.HasProvision({ArticleId(23), 1, 3});       // Art. 23(3): true
//   StatusOr<std::string> zh = law.ChineseText({ArticleId(24), 2, 0});
#ifndef HEGUI_LAW_ARTICLE_CATALOGUE_H_
#define HEGUI_LAW_ARTICLE_CATALOGUE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status_or.h"
#include "law/amendment_decision.h"
#include "law/article.h"
#include "law/article_id.h"
#include "law/english_rendering.h"
#include "law/mapping_2016.h"
#include "law/statute_text.h"

namespace hegui::law {

// Where an article of 2016 went in 2025.
struct Old2016Target {
  ArticleId article;   // The 2025 article.
  int old_item = 0;    // 0: the old article (or its remainder); else only this item of it moved.
  std::string change;  // The mapping's change column ("renumbered", "merged", ...).
};

struct Old2016Lookup {
  int old_number = 0;
  std::vector<Old2016Target> targets;   // In 2025 article order.
  std::vector<int> deleted_paragraphs;  // Paragraphs of the old article deleted in 2025.
  std::vector<int> merged_with;         // Other 2016 articles merged into the same new article.
  std::string explanation;              // One English paragraph saying all of the above.
};

// What the 2025 amendment did to one 2025 article.
struct AmendmentInfo {
  std::string change;                // Mapping change column; "inserted" for new articles.
  bool changed_by_decision = false;  // An item of the decision targets this article.
  std::vector<int> decision_items;   // Those items.
  std::vector<int> old_numbers;      // 2016 articles it came from; empty for new articles.
  std::string summary;               // One English sentence.
};

class ArticleCatalogue {
 public:
  // The texts to build a catalogue from; `*_name` label error messages.
  struct Sources {
    std::string zh_2025, zh_2025_name = "csl-2025-zh.txt";
    std::optional<std::string> en_2025;  // Absent: no English yet.
    std::string en_2025_name = "csl-2025-en.yaml";
    std::string mapping, mapping_name = "csl-2016-to-2025-mapping.tsv";
    std::string decision, decision_name = "csl-2025-amendment-decision-zh.txt";
    std::optional<std::string> zh_2016;
    std::string zh_2016_name = "csl-2016-zh.txt";
  };

  // Reads <data_dir>/law/*. Errors name the file and line.
  [[nodiscard]] static StatusOr<ArticleCatalogue> Load(const std::string& data_dir);
  [[nodiscard]] static StatusOr<ArticleCatalogue> FromSources(const Sources& sources);

  const std::string& title_zh() const { return title_zh_; }
  const std::vector<Article>& articles() const { return articles_; }
  const std::vector<Chapter>& chapters() const { return chapters_; }

  // nullptr if there is no such article. O(1).
  const Article* Find(ArticleId id) const;
  // NotFound naming the number and the valid range.
  [[nodiscard]] StatusOr<const Article*> Get(ArticleId id) const;
  const Chapter* FindChapter(int number) const;
  [[nodiscard]] StatusOr<const Chapter*> GetChapter(int number) const;
  // The section an article is in, or nullptr.
  const Section* SectionOf(const Article& article) const;

  // Whether the article (and paragraph, and item of that paragraph) exists.
  bool HasProvision(const ProvisionRef& ref) const;

  // Chinese text of a provision, verbatim: a whole article is its paragraphs
  // joined by "\n" with items on their own lines as （一）…; a paragraph
  // includes its items; an item is "（三）…". NotFound if it does not exist.
  [[nodiscard]] StatusOr<std::string> ChineseText(const ProvisionRef& ref) const;
  // The same in English (items as "(3) ..."); NotFound also when the English
  // rendering lacks that provision.
  [[nodiscard]] StatusOr<std::string> EnglishText(const ProvisionRef& ref) const;

  // 2016 numbering.
  [[nodiscard]] StatusOr<Old2016Lookup> LookupOld2016(int old_number) const;
  AmendmentInfo Amendment(ArticleId id) const;
  const std::vector<MappingRow>& mapping() const { return mapping_; }
  const AmendmentDecision& decision() const { return decision_; }
  // The 2016 text of an old article, or nullptr (unknown number or 2016 text not loaded).
  const Article* FindOld2016(int old_number) const;

  // The English rendering as loaded, for law check (nullptr if the file was absent).
  const EnglishRendering* english() const { return english_ ? &*english_ : nullptr; }

 private:
  ArticleCatalogue() = default;

  std::string title_zh_;
  std::vector<Article> articles_;  // articles_[i].id.number() == i + 1.
  std::vector<Chapter> chapters_;
  std::optional<EnglishRendering> english_;
  std::vector<MappingRow> mapping_;
  AmendmentDecision decision_;
  std::vector<Article> articles_2016_;
};

}  // namespace hegui::law

#endif  // HEGUI_LAW_ARTICLE_CATALOGUE_H_
