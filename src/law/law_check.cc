#include "law/law_check.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "law/cross_references.h"
#include "law/internal/utf8.h"
#include "law/stated_sanctions.h"

namespace hegui::law {
namespace {

constexpr std::string_view kArticles = "articles";
constexpr std::string_view kMapping = "mapping";
constexpr std::string_view kPenalties = "penalties";
constexpr std::string_view kLinks = "obligation_links";

// The first `chars` code points of `text`.
std::string Prefix(std::string_view text, size_t chars) {
  size_t pos = 0;
  for (size_t n = 0; n < chars && pos < text.size(); ++n) {
    size_t len = 1;
    internal::DecodeAt(text, pos, &len);
    pos += len;
  }
  return std::string(text.substr(0, pos));
}

std::string RefsToString(const std::vector<ProvisionRef>& refs) {
  std::string out;
  for (const ProvisionRef& r : refs) {
    if (!out.empty()) out += ", ";
    out += std::to_string(r.article.number());
    if (r.paragraph > 0) out += "-" + std::to_string(r.paragraph);
  }
  return "[" + out + "]";
}

// Clauses of each penalty paragraph, parsed once per check run.
class ClauseIndex {
 public:
  explicit ClauseIndex(const ArticleCatalogue& articles) : articles_(articles) {}

  // nullptr and *why set if the paragraph or clause does not exist.
  const StatedClause* Find(const StatedIn& s, std::string* why) {
    const std::vector<StatedClause>* clauses = Paragraph(s.article, s.paragraph);
    if (clauses == nullptr) {
      *why =
          "stated_in: " + s.article.ToString() + " has no paragraph " + std::to_string(s.paragraph);
      return nullptr;
    }
    if (s.clause < 1 || s.clause > static_cast<int>(clauses->size())) {
      *why = "stated_in: " + s.article.ToString() + " para " + std::to_string(s.paragraph) +
             " has no clause " + std::to_string(s.clause) + " (it has " +
             std::to_string(clauses->size()) + ")";
      return nullptr;
    }
    return &(*clauses)[s.clause - 1];
  }

  const std::vector<StatedClause>* Paragraph(ArticleId article, int paragraph) {
    auto key = std::make_pair(article.number(), paragraph);
    auto it = cache_.find(key);
    if (it != cache_.end()) return &it->second;
    const Article* a = articles_.Find(article);
    if (a == nullptr || paragraph < 1 || paragraph > static_cast<int>(a->zh.paragraphs.size())) {
      return nullptr;
    }
    return &cache_.emplace(key, ExtractStatedClauses(a->zh.paragraphs[paragraph - 1].text))
                .first->second;
  }

 private:
  const ArticleCatalogue& articles_;
  std::map<std::pair<int, int>, std::vector<StatedClause>> cache_;
};

std::vector<const StatedAmount*> AmountsOf(const StatedClause& c, StatedAmount::Kind kind,
                                           bool on_persons) {
  std::vector<const StatedAmount*> out;
  for (const StatedAmount& a : c.amounts) {
    if (a.kind == kind && (kind != StatedAmount::Kind::kFine || a.on_persons == on_persons)) {
      out.push_back(&a);
    }
  }
  return out;
}

bool Mentions(std::string_view text, Sanction s) {
  for (std::string_view phrase : SanctionPhrases(s)) {
    if (text.find(phrase) != std::string_view::npos) return true;
  }
  return false;
}

class PenaltyChecker {
 public:
  PenaltyChecker(const ArticleCatalogue& articles, const PenaltyCatalogue& penalties,
                 CheckReport* report)
      : articles_(articles), penalties_(penalties), report_(report), clauses_(articles) {}

  void Run() {
    std::set<std::string> ids;
    for (const Penalty& p : penalties_.penalties()) {
      report_->Count(kPenalties);
      if (!ids.insert(p.id).second) {
        Problem(p.id, "duplicate penalty id (again at " + penalties_.source_name() + ":" +
                          std::to_string(p.line) + ")");
      }
      CheckIdentity(p);
      CheckViolations(p);
      CheckObligations(p);
      for (const Tier& t : p.tiers) CheckTier(p, t);
      for (const Ban& b : p.bans) CheckBan(p, b);
    }
    CheckCoverage();
  }

 private:
  void Problem(std::string where, std::string message) {
    report_->Add(kPenalties, std::move(where), std::move(message));
  }

  void CheckIdentity(const Penalty& p) {
    if (p.article.number() < 61 || p.article.number() > 77) {
      Problem(p.id, "article " + std::to_string(p.article.number()) +
                        " is not a penalty article (61-77)");
    }
    std::string expected = "PEN-" + std::to_string(p.article.number()) +
                           (p.paragraph > 0 ? "-" + std::to_string(p.paragraph) : "");
    if (p.id != expected) {
      Problem(p.id, "id does not match article/paragraph: expected '" + expected + "'");
    }
    if (!articles_.HasProvision(p.provision())) {
      Problem(p.id, p.provision().ToString() + " does not exist");
    }
    if (!p.persons_as.empty()) {
      const Penalty* other = penalties_.Find(p.persons_as);
      if (other == nullptr) {
        Problem(p.id, "persons_as: no penalty '" + p.persons_as + "'");
      } else if (other->article != p.article) {
        Problem(p.id, "persons_as: '" + p.persons_as + "' is in another article");
      }
    }
    if (p.tiers.empty() && p.bans.empty()) Problem(p.id, "neither tiers nor bans");
  }

  // The provisions (before Art. 61) that the penalty's own text cites.
  void CheckViolations(const Penalty& p) {
    const Article* a = articles_.Find(p.article);
    if (a == nullptr) return;
    std::string text;
    for (size_t i = 0; i < a->zh.paragraphs.size(); ++i) {
      if (p.paragraph != 0 && static_cast<int>(i) + 1 != p.paragraph) continue;
      const Paragraph& para = a->zh.paragraphs[i];
      text += para.text + "\n";
      for (const std::string& item : para.items) text += item + "\n";
    }
    std::vector<ProvisionRef> cited;
    for (const ProvisionRef& r : ExtractProvisionRefs(text)) {
      if (r.article.number() < 61 && std::find(cited.begin(), cited.end(), r) == cited.end()) {
        cited.push_back(r);
      }
    }
    std::vector<ProvisionRef> data = p.violations;
    auto order = [](const ProvisionRef& x, const ProvisionRef& y) {
      return std::make_pair(x.article, x.paragraph) < std::make_pair(y.article, y.paragraph);
    };
    std::sort(cited.begin(), cited.end(), order);
    std::sort(data.begin(), data.end(), order);
    report_->Count(kPenalties);
    if (cited != data) {
      Problem(p.id + " violations", "data says " + RefsToString(data) + ", " +
                                        p.provision().ToString() + " cites " + RefsToString(cited));
    }
  }

  void CheckObligations(const Penalty& p) {
    for (const std::string& id : p.punishes) {
      report_->Count(kPenalties);
      StatusOr<ProvisionRef> ref = ObligationProvision(id);
      if (!ref.ok()) {
        Problem(p.id + " punishes", ref.status().message());
      } else if (!articles_.HasProvision(*ref)) {
        Problem(p.id + " punishes",
                "obligation '" + id + "' names " + ref->ToString() + ", which does not exist");
      }
    }
    if (p.applies_to_all_violations && !p.punishes.empty()) {
      Problem(p.id, "applies_to_all_violations and a punishes list exclude each other");
    }
    for (const Tier& t : p.tiers) {
      for (const std::string& id : t.applies_to) {
        if (std::find(p.punishes.begin(), p.punishes.end(), id) == p.punishes.end()) {
          Problem(p.id + " tier " + std::string(TierLevelName(t.level)) + " applies_to",
                  "'" + id + "' is not in punishes");
        }
      }
    }
  }

  void CompareFine(const std::string& where, const std::optional<Fine>& data,
                   const std::vector<const StatedAmount*>& stated, const std::string& label,
                   std::string_view whom) {
    report_->Count(kPenalties);
    if (!data && stated.empty()) return;
    if (!data) {
      Problem(where, "data has no fine " + std::string(whom) + ", " + label + " states " +
                         stated[0]->range.ToString() + " (" + stated[0]->phrase + ")");
      return;
    }
    if (stated.empty()) {
      Problem(where, "data says " + data->range.ToString() + ", " + label + " states no fine " +
                         std::string(whom));
      return;
    }
    if (stated.size() > 1) {
      Problem(where, label + " states " + std::to_string(stated.size()) + " fines " +
                         std::string(whom) + "; cite a clause with one");
    }
    const StatedAmount& s = *stated[0];
    if (!(data->range == s.range)) {
      Problem(where, "data says " + data->range.ToString() + ", " + label + " states " +
                         s.range.ToString() + " (" + s.phrase + ")");
    }
    if (data->discretionary != s.discretionary) {
      Problem(where, std::string("data says the fine is ") +
                         (data->discretionary ? "discretionary" : "mandatory") + ", " + label +
                         (s.discretionary ? " says 可以 (may)" : " imposes it"));
    }
  }

  void CompareValue(const std::string& where, std::optional<int64_t> data,
                    const std::vector<const StatedAmount*>& stated, const std::string& label,
                    std::string_view what) {
    report_->Count(kPenalties);
    if (!data && stated.empty()) return;
    if (!data) {
      Problem(where,
              "data has no " + std::string(what) + ", " + label + " states " + stated[0]->phrase);
    } else if (stated.empty()) {
      Problem(where,
              "data says " + FormatYuan(*data) + ", " + label + " states no " + std::string(what));
    } else if (stated[0]->range.min != data) {
      Problem(where, "data says " + FormatYuan(*data) + ", " + label + " states " +
                         FormatYuan(stated[0]->range.min.value_or(0)) + " (" + stated[0]->phrase +
                         ")");
    }
  }

  void CheckTier(const Penalty& p, const Tier& t) {
    const std::string where = p.id + " tier " + std::string(TierLevelName(t.level));
    std::string why;
    const StatedClause* c = clauses_.Find(t.stated_in, &why);
    if (c == nullptr) {
      Problem(where, why);
      return;
    }
    cited_.insert({t.stated_in.article.number(), t.stated_in.paragraph, t.stated_in.clause});
    const std::string label = t.stated_in.ToString();
    if (p.kind == PenaltyKind::kFine) {
      report_->Count(kPenalties);
      auto has = [&](std::string_view w) { return c->text.find(w) != std::string::npos; };
      bool level_ok = true;
      std::string want;
      switch (t.level) {
        case TierLevel::kBase:
          break;
        case TierLevel::kCorrectionRefused:
          level_ok = has("拒不改正");
          want = "拒不改正";
          break;
        case TierLevel::kSerious:
          level_ok = has("严重") || has("较重");
          want = "严重 or 较重";
          break;
        case TierLevel::kParticularlySerious:
          level_ok = has("特别严重");
          want = "特别严重";
          break;
      }
      if (!level_ok) {
        Problem(where + " level", "level " + std::string(TierLevelName(t.level)) + " but " + label +
                                      " does not say " + want);
      }
    }
    CompareFine(where + " fine", t.fine, AmountsOf(*c, StatedAmount::Kind::kFine, false), label,
                "on the offender");
    CompareFine(where + " persons_fine", t.persons_fine,
                AmountsOf(*c, StatedAmount::Kind::kFine, true), label,
                "on the responsible persons");
    // Detention.
    report_->Count(kPenalties);
    std::vector<const StatedAmount*> detention =
        AmountsOf(*c, StatedAmount::Kind::kDetention, false);
    if (t.detention_days && detention.empty()) {
      Problem(where + " detention_days",
              "data says " + t.detention_days->ToString() + ", " + label + " states no detention");
    } else if (!t.detention_days && !detention.empty()) {
      Problem(where + " detention_days", "data has none, " + label + " states " +
                                             detention[0]->range.ToString() + " (" +
                                             detention[0]->phrase + ")");
    } else if (t.detention_days && !(*t.detention_days == detention[0]->range)) {
      Problem(where + " detention_days", "data says " + t.detention_days->ToString() + ", " +
                                             label + " states " + detention[0]->range.ToString() +
                                             " (" + detention[0]->phrase + ")");
    }
    CompareValue(where + " illegal_income_below", t.illegal_income_below,
                 AmountsOf(*c, StatedAmount::Kind::kIllegalIncomeBelow, false), label,
                 "illegal-income threshold (不足)");
    CompareValue(where + " illegal_income_at_least", t.illegal_income_at_least,
                 AmountsOf(*c, StatedAmount::Kind::kIllegalIncomeAtLeast, false), label,
                 "illegal-income threshold (以上)");
    // Sanctions: each listed one is stated, and each stated one is listed.
    std::set<Sanction> listed(t.sanctions.begin(), t.sanctions.end());
    listed.insert(t.discretionary_sanctions.begin(), t.discretionary_sanctions.end());
    for (Sanction s : listed) {
      report_->Count(kPenalties);
      if (!Mentions(c->text, s)) {
        Problem(where + " sanctions",
                "data lists " + std::string(SanctionName(s)) + ", " + label + " does not state it");
      }
    }
    for (Sanction s : AllSanctions()) {
      if (!listed.contains(s) && Mentions(c->text, s)) {
        Problem(where + " sanctions", label + " states " + std::string(SanctionName(s)) + " (" +
                                          std::string(SanctionPhrases(s)[0]) +
                                          "), the data does not list it");
      }
    }
    if (!t.discretionary_sanctions.empty() && c->text.find("可以") == std::string::npos) {
      Problem(where + " discretionary_sanctions",
              "data says the authority may impose them, " + label + " has no 可以");
    }
  }

  void CheckBan(const Penalty& p, const Ban& b) {
    const std::string where = p.id + " ban";
    std::string why;
    const StatedClause* c = clauses_.Find(b.stated_in, &why);
    report_->Count(kPenalties);
    if (c == nullptr) {
      Problem(where, why);
      return;
    }
    cited_.insert({b.stated_in.article.number(), b.stated_in.paragraph, b.stated_in.clause});
    const std::string label = b.stated_in.ToString();
    std::vector<const StatedAmount*> years = AmountsOf(*c, StatedAmount::Kind::kBanYears, false);
    if (b.years) {
      if (years.empty()) {
        Problem(where, "data says " + std::to_string(*b.years) + " years, " + label +
                           " states no ban of years");
      } else if (years[0]->range.min != *b.years) {
        Problem(where, "data says " + std::to_string(*b.years) + " years, " + label + " states " +
                           years[0]->range.ToString() + " (" + years[0]->phrase + ")");
      }
    } else if (!c->lifetime_ban) {
      Problem(where, "data says for life, " + label + " does not say 终身");
    }
  }

  // Every clause of Arts. 61-77 that states an amount or a sanction is cited by some tier or ban.
  void CheckCoverage() {
    for (int n = 61; n <= 77; ++n) {
      const Article* a = articles_.Find(ArticleId(n));
      if (a == nullptr) continue;
      for (size_t p = 1; p <= a->zh.paragraphs.size(); ++p) {
        const std::vector<StatedClause>* clauses =
            clauses_.Paragraph(ArticleId(n), static_cast<int>(p));
        for (const StatedClause& c : *clauses) {
          report_->Count(kPenalties);
          bool states = !c.amounts.empty() || c.lifetime_ban;
          for (Sanction s : AllSanctions()) states = states || Mentions(c.text, s);
          if (states && !cited_.contains({n, static_cast<int>(p), c.number})) {
            Problem("Art. " + std::to_string(n) + " para " + std::to_string(p) + " clause " +
                        std::to_string(c.number),
                    "states a penalty (" + Prefix(c.text, 20) +
                        "...) that no penalty tier or ban cites");
          }
        }
      }
    }
  }

  const ArticleCatalogue& articles_;
  const PenaltyCatalogue& penalties_;
  CheckReport* report_;
  ClauseIndex clauses_;
  std::set<std::tuple<int, int, int>> cited_;
};

}  // namespace

void CheckArticles(const ArticleCatalogue& articles, CheckReport* report) {
  constexpr int kArticleCount = 81;
  report->Count(kArticles);
  if (static_cast<int>(articles.articles().size()) != kArticleCount) {
    report->Add(kArticles, "csl-2025-zh.txt",
                "has " + std::to_string(articles.articles().size()) + " articles, expected " +
                    std::to_string(kArticleCount));
  }
  const EnglishRendering* en = articles.english();
  if (en == nullptr) {
    report->Add(kArticles, "csl-2025-en.yaml", "the English rendering file is missing");
  } else {
    for (int dup : en->duplicate_articles) {
      report->Add(kArticles, "csl-2025-en.yaml",
                  "article " + std::to_string(dup) + " appears twice");
    }
    for (const auto& [number, text] : en->articles) {
      if (number < 1 || number > static_cast<int>(articles.articles().size())) {
        report->Add(kArticles, "csl-2025-en.yaml",
                    "article " + std::to_string(number) + " does not exist in the Chinese text");
      }
    }
  }
  for (const Article& a : articles.articles()) {
    report->Count(kArticles);
    const std::string where = a.id.ToString();
    if (!a.en) {
      report->Add(kArticles, where, "no English rendering");
      continue;
    }
    if (a.en->title.empty()) report->Add(kArticles, where, "English title missing");
    if (a.en->paragraphs.size() != a.zh.paragraphs.size()) {
      report->Add(kArticles, where,
                  "English has " + std::to_string(a.en->paragraphs.size()) +
                      " paragraphs, Chinese has " + std::to_string(a.zh.paragraphs.size()));
      continue;
    }
    for (size_t i = 0; i < a.zh.paragraphs.size(); ++i) {
      const Paragraph& zh = a.zh.paragraphs[i];
      const Paragraph& e = a.en->paragraphs[i];
      const std::string pw = where + " para " + std::to_string(i + 1);
      if (e.text.empty()) report->Add(kArticles, pw, "English text empty");
      if (e.items.size() != zh.items.size()) {
        report->Add(kArticles, pw,
                    "English has " + std::to_string(e.items.size()) + " items, Chinese has " +
                        std::to_string(zh.items.size()));
      }
      for (size_t k = 0; k < e.items.size(); ++k) {
        if (e.items[k].empty()) {
          report->Add(kArticles, pw + " item " + std::to_string(k + 1), "English text empty");
        }
      }
    }
  }
  for (const Chapter& c : articles.chapters()) {
    report->Count(kArticles);
    const std::string where = "Chapter " + std::to_string(c.number);
    if (c.title_en.empty()) report->Add(kArticles, where, "English title missing");
    for (const Section& s : c.sections) {
      if (s.title_en.empty()) {
        report->Add(kArticles, where + " section " + std::to_string(s.number),
                    "English title missing");
      }
    }
  }
}

void CheckMapping(const ArticleCatalogue& articles, CheckReport* report) {
  const std::vector<MappingRow>& rows = articles.mapping();
  auto maps = [&](int old_number, int new_number) {
    return std::any_of(rows.begin(), rows.end(), [&](const MappingRow& r) {
      return r.old_number == old_number && r.new_number == new_number;
    });
  };
  for (const DecisionItem& item : articles.decision().items) {
    report->Count(kMapping);
    const std::string where = "decision item " + std::to_string(item.number);
    if (item.kind == DecisionItem::Kind::kInsertArticle) {
      if (!maps(0, item.new_article)) {
        report->Add(kMapping, where,
                    "inserts Art. " + std::to_string(item.new_article) +
                        " but the mapping has no '-' -> " + std::to_string(item.new_article) +
                        " row");
      }
      continue;
    }
    for (const DecisionItem::OldSource& src : item.sources) {
      if (src.item == 0 && !maps(src.article, item.new_article)) {
        report->Add(kMapping, where,
                    "moves old Art. " + std::to_string(src.article) + " to new Art. " +
                        std::to_string(item.new_article) + " but the mapping does not");
      }
    }
  }
  std::map<int, int> old_seen;
  std::set<int> new_seen;
  for (const MappingRow& r : rows) {
    if (r.old_number > 0) ++old_seen[r.old_number];
    if (r.new_number > 0) new_seen.insert(r.new_number);
    if (r.new_number > static_cast<int>(articles.articles().size())) {
      report->Add(kMapping, "mapping line " + std::to_string(r.line),
                  "new article " + std::to_string(r.new_number) + " does not exist");
    }
  }
  for (const Article& a : articles.articles()) {
    report->Count(kMapping);
    if (!new_seen.contains(a.id.number())) {
      report->Add(kMapping, a.id.ToString(), "not in the 2016 mapping");
    }
  }
  const int old_count = old_seen.empty() ? 0 : old_seen.rbegin()->first;
  for (int n = 1; n <= old_count; ++n) {
    report->Count(kMapping);
    if (old_seen[n] != 1) {
      report->Add(
          kMapping, "old Art. " + std::to_string(n),
          "appears " + std::to_string(old_seen[n]) + " times in the mapping, expected once");
    }
  }
  if (articles.FindOld2016(1) != nullptr && articles.FindOld2016(old_count) != nullptr &&
      articles.FindOld2016(old_count + 1) != nullptr) {
    report->Add(kMapping, "csl-2016-zh.txt",
                "has more articles than the mapping's 1-" + std::to_string(old_count));
  }
}

void CheckPenalties(const ArticleCatalogue& articles, const PenaltyCatalogue& penalties,
                    CheckReport* report) {
  PenaltyChecker(articles, penalties, report).Run();
}

void ValidateObligationLinks(const PenaltyCatalogue& penalties,
                             const std::vector<std::string>& known_obligation_ids,
                             CheckReport* report) {
  std::set<std::string> known(known_obligation_ids.begin(), known_obligation_ids.end());
  for (const Penalty& p : penalties.penalties()) {
    for (const std::string& id : p.punishes) {
      report->Count(kLinks);
      if (!known.contains(id)) {
        report->Add(kLinks, p.id + " punishes", "'" + id + "' is not a known obligation id");
      }
    }
  }
}

CheckReport RunLawCheck(const ArticleCatalogue& articles, const PenaltyCatalogue& penalties) {
  CheckReport report;
  CheckArticles(articles, &report);
  CheckMapping(articles, &report);
  CheckPenalties(articles, penalties, &report);
  return report;
}

}  // namespace hegui::law
