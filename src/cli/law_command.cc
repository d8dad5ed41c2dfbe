// `hegui law`: the Cybersecurity Law as data — show, list, chapter (and the
// subcommands added below them). Thin: parse, call hegui::law, print.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "assess/obligation_check.h"
#include "cli/commands.h"
#include "core/data_dir.h"
#include "law/article_catalogue.h"
#include "law/article_search.h"
#include "law/law_check.h"
#include "law/obligation_catalogue.h"
#include "law/penalty_catalogue.h"
#include "law/statute_text.h"

namespace hegui::cli {
namespace {

using nlohmann::json;

struct LawOptions {
  OutputFormat format = OutputFormat::kText;
  int number = 0;
  bool old_2016 = false;
  std::string selector;            // law penalties: article, PEN-id or obligation id.
  std::vector<std::string> words;  // law search.
  size_t limit = 10;               // law search.
};

StatusOr<law::ArticleCatalogue> LoadCatalogue() { return law::ArticleCatalogue::Load(DataDir()); }
StatusOr<law::PenaltyCatalogue> LoadPenalties() { return law::PenaltyCatalogue::Load(DataDir()); }

std::string FineText(const law::Fine& f) {
  return f.range.ToString() + (f.discretionary ? " (may be imposed)" : "");
}

json FineJson(const law::Fine& f) {
  json j = {{"basis", law::AmountBasisName(f.range.basis)}, {"discretionary", f.discretionary}};
  if (f.range.min) j["min"] = *f.range.min;
  if (f.range.max) j["max"] = *f.range.max;
  return j;
}

json SanctionsJson(const std::vector<law::Sanction>& sanctions) {
  json out = json::array();
  for (law::Sanction s : sanctions) out.push_back(law::SanctionName(s));
  return out;
}

json StatedInJson(const law::StatedIn& s) {
  return {{"article", s.article.number()}, {"paragraph", s.paragraph}, {"clause", s.clause}};
}

json PenaltyJson(const law::Penalty& p) {
  json tiers = json::array();
  for (const law::Tier& t : p.tiers) {
    json jt = {{"level", law::TierLevelName(t.level)},
               {"trigger", t.trigger},
               {"stated_in", StatedInJson(t.stated_in)},
               {"sanctions", SanctionsJson(t.sanctions)},
               {"discretionary_sanctions", SanctionsJson(t.discretionary_sanctions)}};
    if (t.fine) jt["fine"] = FineJson(*t.fine);
    if (t.persons_fine) jt["persons_fine"] = FineJson(*t.persons_fine);
    if (t.detention_days) {
      jt["detention_days"] = json::object();
      if (t.detention_days->min) jt["detention_days"]["min"] = *t.detention_days->min;
      if (t.detention_days->max) jt["detention_days"]["max"] = *t.detention_days->max;
    }
    if (t.illegal_income_below) jt["illegal_income_below"] = *t.illegal_income_below;
    if (t.illegal_income_at_least) jt["illegal_income_at_least"] = *t.illegal_income_at_least;
    if (!t.applies_to.empty()) jt["applies_to"] = t.applies_to;
    tiers.push_back(std::move(jt));
  }
  json bans = json::array();
  for (const law::Ban& b : p.bans) {
    json jb = {{"after", b.after}, {"stated_in", StatedInJson(b.stated_in)}};
    if (b.years) {
      jb["years"] = *b.years;
    } else {
      jb["lifetime"] = true;
    }
    bans.push_back(std::move(jb));
  }
  json violations = json::array();
  for (const law::ProvisionRef& v : p.violations) violations.push_back(v.ToString());
  json j = {{"id", p.id},
            {"article", p.article.number()},
            {"kind", law::PenaltyKindName(p.kind)},
            {"offender", p.offender},
            {"authority", p.authority},
            {"summary", p.summary},
            {"violations", violations},
            {"punishes", p.punishes},
            {"applies_to_all_violations", p.applies_to_all_violations},
            {"tiers", tiers}};
  if (p.paragraph > 0) j["paragraph"] = p.paragraph;
  if (!p.persons_as.empty()) j["persons_as"] = p.persons_as;
  if (!bans.empty()) j["bans"] = bans;
  return j;
}

std::string JoinSanctions(const std::vector<law::Sanction>& sanctions) {
  std::string out;
  for (law::Sanction s : sanctions)
    out += (out.empty() ? "" : ", ") + std::string(law::SanctionName(s));
  return out;
}

void PrintPenaltyText(const law::Penalty& p) {
  std::cout << p.id << "  " << p.provision().ToString() << "  [" << law::PenaltyKindName(p.kind)
            << "; offender: " << p.offender;
  if (!p.authority.empty()) std::cout << "; by: " << p.authority;
  std::cout << "]\n  " << p.summary << "\n";
  if (!p.violations.empty()) {
    std::cout << "  Violations cited:";
    for (const law::ProvisionRef& v : p.violations) std::cout << " " << v.ToString() << ";";
    std::cout << "\n";
  }
  if (p.applies_to_all_violations) std::cout << "  Applies to: any violation of this Law\n";
  if (!p.punishes.empty()) {
    std::cout << "  Punishes:";
    for (const std::string& id : p.punishes) std::cout << " " << id;
    std::cout << "\n";
  }
  if (!p.persons_as.empty()) {
    std::cout << "  Responsible persons: punished as under " << p.persons_as << "\n";
  }
  for (const law::Tier& t : p.tiers) {
    std::cout << "  - " << law::TierLevelName(t.level) << " (" << t.trigger << "; "
              << t.stated_in.ToString() << ")\n";
    if (t.illegal_income_below) {
      std::cout << "      when illegal income is below RMB "
                << law::FormatYuan(*t.illegal_income_below) << "\n";
    }
    if (t.illegal_income_at_least) {
      std::cout << "      when illegal income is at least RMB "
                << law::FormatYuan(*t.illegal_income_at_least) << "\n";
    }
    if (t.fine) std::cout << "      fine: " << FineText(*t.fine) << "\n";
    if (t.persons_fine)
      std::cout << "      responsible persons: " << FineText(*t.persons_fine) << "\n";
    if (t.detention_days) std::cout << "      detention: " << t.detention_days->ToString() << "\n";
    if (!t.sanctions.empty())
      std::cout << "      sanctions: " << JoinSanctions(t.sanctions) << "\n";
    if (!t.discretionary_sanctions.empty()) {
      std::cout << "      may also: " << JoinSanctions(t.discretionary_sanctions) << "\n";
    }
    if (!t.applies_to.empty()) {
      std::cout << "      only for:";
      for (const std::string& id : t.applies_to) std::cout << " " << id;
      std::cout << "\n";
    }
  }
  for (const law::Ban& b : p.bans) {
    std::cout << "  - ban from key posts "
              << (b.years ? "for " + std::to_string(*b.years) + " years" : std::string("for life"))
              << " after " << b.after << " (" << b.stated_in.ToString() << ")\n";
  }
}

void Print(const json& j) { std::cout << j.dump(2) << "\n"; }

json ParagraphsJson(const law::ArticleText& text) {
  json out = json::array();
  for (const law::Paragraph& p : text.paragraphs) {
    json jp = {{"text", p.text}};
    if (!p.items.empty()) jp["items"] = p.items;
    out.push_back(std::move(jp));
  }
  return out;
}

// The penalties set out in article `id`, then those citing it.
std::vector<const law::Penalty*> PenaltiesFor(const law::PenaltyCatalogue& penalties,
                                              law::ArticleId id) {
  std::vector<const law::Penalty*> out = penalties.InArticle(id);
  for (const law::Penalty* p : penalties.Citing(id)) {
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  }
  return out;
}

json ArticleJson(const law::ArticleCatalogue& c, const law::Article& a,
                 const law::PenaltyCatalogue* penalties) {
  json j = {{"article", a.id.number()},
            {"heading_zh", a.heading_zh},
            {"chapter", a.chapter},
            {"zh", ParagraphsJson(a.zh)}};
  if (const law::Section* s = c.SectionOf(a)) j["section"] = s->number;
  if (a.en) {
    j["title"] = a.en->title;
    j["en"] = ParagraphsJson(*a.en);
  }
  law::AmendmentInfo info = c.Amendment(a.id);
  j["amendment_2025"] = {{"change", info.change},
                         {"changed_by_decision", info.changed_by_decision},
                         {"decision_items", info.decision_items},
                         {"summary", info.summary}};
  j["old_2016"] = info.old_numbers;
  if (penalties != nullptr) {
    json cited = json::array();
    for (const law::Penalty* p : PenaltiesFor(*penalties, a.id)) cited.push_back(p->id);
    j["penalties"] = cited;
  }
  return j;
}

std::string ChapterLine(const law::Chapter& ch) {
  std::string out = "Chapter " + std::to_string(ch.number) + "  第" +
                    law::FormatChineseNumber(ch.number) + "章 " + ch.title_zh;
  if (!ch.title_en.empty()) out += " / " + ch.title_en;
  return out;
}

std::string SectionLine(const law::Section& s) {
  std::string out = "Section " + std::to_string(s.number) + "  第" +
                    law::FormatChineseNumber(s.number) + "节 " + s.title_zh;
  if (!s.title_en.empty()) out += " / " + s.title_en;
  return out;
}

void PrintArticleText(const law::ArticleCatalogue& c, const law::Article& a,
                      const law::PenaltyCatalogue* penalties) {
  std::cout << a.id.ToString() << "  " << a.heading_zh;
  if (a.en && !a.en->title.empty()) std::cout << "  " << a.en->title;
  std::cout << "\n";
  if (const law::Chapter* ch = c.FindChapter(a.chapter)) std::cout << ChapterLine(*ch) << "\n";
  if (const law::Section* s = c.SectionOf(a)) std::cout << SectionLine(*s) << "\n";
  law::AmendmentInfo info = c.Amendment(a.id);
  std::cout << "2016 numbering: ";
  if (info.old_numbers.empty()) {
    std::cout << "none (new in 2025)\n";
  } else {
    for (size_t i = 0; i < info.old_numbers.size(); ++i) {
      std::cout << (i > 0 ? ", " : "") << "Art. " << info.old_numbers[i];
    }
    std::cout << "\n";
  }
  std::cout << "2025 amendment: " << info.summary << "\n";
  if (penalties != nullptr) {
    std::vector<const law::Penalty*> cited = PenaltiesFor(*penalties, a.id);
    if (!cited.empty()) {
      std::cout << "Penalties:";
      for (const law::Penalty* p : cited) {
        std::cout << " " << p->id << " (" << p->provision().ToString() << ")";
      }
      std::cout << "  -- see hegui law penalties " << a.id.number() << "\n";
    }
  }
  const size_t n = a.zh.paragraphs.size();
  for (size_t i = 0; i < n; ++i) {
    const law::Paragraph& zh = a.zh.paragraphs[i];
    const law::Paragraph* en = a.en && i < a.en->paragraphs.size() ? &a.en->paragraphs[i] : nullptr;
    std::cout << "\n[" << i + 1 << "] " << zh.text << "\n";
    std::cout << "    " << (en ? en->text : "(English rendering missing)") << "\n";
    for (size_t k = 0; k < zh.items.size(); ++k) {
      std::cout << "    " << law::ItemMarkerZh(static_cast<int>(k) + 1) << zh.items[k] << "\n";
      if (en && k < en->items.size()) {
        std::cout << "        (" << k + 1 << ") " << en->items[k] << "\n";
      }
    }
  }
}

ExitCode RunShow(const LawOptions& o) {
  StatusOr<law::ArticleCatalogue> c = LoadCatalogue();
  if (!c.ok()) return ReportError(c.status());
  StatusOr<law::PenaltyCatalogue> loaded = LoadPenalties();
  if (!loaded.ok() && loaded.status().code() != StatusCode::kNotFound) {
    return ReportError(loaded.status());
  }
  const law::PenaltyCatalogue* penalties = loaded.ok() ? &*loaded : nullptr;
  if (o.old_2016) {
    StatusOr<law::Old2016Lookup> lookup = c->LookupOld2016(o.number);
    if (!lookup.ok()) return ReportError(lookup.status());
    if (o.format == OutputFormat::kJson) {
      json targets = json::array();
      for (const law::Old2016Target& t : lookup->targets) {
        const law::Article* a = c->Find(t.article);
        json jt = {{"article", t.article.number()}, {"change", t.change}};
        if (t.old_item > 0) jt["old_item"] = t.old_item;
        if (a != nullptr) jt["text"] = ArticleJson(*c, *a, penalties);
        targets.push_back(std::move(jt));
      }
      json j = {{"old_2016", lookup->old_number},
                {"explanation", lookup->explanation},
                {"targets", targets},
                {"deleted_paragraphs", lookup->deleted_paragraphs},
                {"merged_with", lookup->merged_with}};
      if (const law::Article* old = c->FindOld2016(o.number)) {
        j["old_text_zh"] = ParagraphsJson(old->zh);
      }
      Print(j);
      return ExitCode::kOk;
    }
    std::cout << "2016 Art. " << lookup->old_number << ": " << lookup->explanation << "\n";
    for (const law::Old2016Target& t : lookup->targets) {
      std::cout << "\n";
      if (const law::Article* a = c->Find(t.article)) PrintArticleText(*c, *a, penalties);
    }
    return ExitCode::kOk;
  }
  StatusOr<const law::Article*> a = c->Get(law::ArticleId(o.number));
  if (!a.ok()) return ReportError(a.status());
  if (o.format == OutputFormat::kJson) {
    Print(ArticleJson(*c, **a, penalties));
  } else {
    PrintArticleText(*c, **a, penalties);
  }
  return ExitCode::kOk;
}

json ListEntry(const law::ArticleCatalogue& c, const law::Article& a) {
  json j = {{"article", a.id.number()},
            {"heading_zh", a.heading_zh},
            {"chapter", a.chapter},
            {"title", a.en ? a.en->title : ""},
            {"changed_2025", c.Amendment(a.id).changed_by_decision}};
  if (a.section > 0) j["section"] = a.section;
  return j;
}

void PrintListLine(const law::ArticleCatalogue& c, const law::Article& a) {
  std::string num = std::to_string(a.id.number());
  std::cout << "  " << std::string(3 - std::min<size_t>(3, num.size()), ' ') << num << "  "
            << (c.Amendment(a.id).changed_by_decision ? "* " : "  ")
            << (a.en ? a.en->title : "(English rendering missing)") << "\n";
}

void PrintChapterText(const law::ArticleCatalogue& c, const law::Chapter& ch) {
  std::cout << ChapterLine(ch) << "  (Arts. " << ch.first.number() << "-" << ch.last.number()
            << ")\n";
  int section = 0;
  for (int n = ch.first.number(); n <= ch.last.number(); ++n) {
    const law::Article* a = c.Find(law::ArticleId(n));
    if (a == nullptr) continue;
    if (a->section != section) {
      section = a->section;
      if (const law::Section* s = c.SectionOf(*a)) std::cout << " " << SectionLine(*s) << "\n";
    }
    PrintListLine(c, *a);
  }
}

json ChapterJson(const law::ArticleCatalogue& c, const law::Chapter& ch) {
  json sections = json::array();
  for (const law::Section& s : ch.sections) {
    sections.push_back({{"section", s.number},
                        {"title_zh", s.title_zh},
                        {"title", s.title_en},
                        {"first", s.first.number()},
                        {"last", s.last.number()}});
  }
  json articles = json::array();
  for (int n = ch.first.number(); n <= ch.last.number(); ++n) {
    if (const law::Article* a = c.Find(law::ArticleId(n))) articles.push_back(ListEntry(c, *a));
  }
  return {{"chapter", ch.number},       {"title_zh", ch.title_zh},  {"title", ch.title_en},
          {"first", ch.first.number()}, {"last", ch.last.number()}, {"sections", sections},
          {"articles", articles}};
}

ExitCode RunList(const LawOptions& o) {
  StatusOr<law::ArticleCatalogue> c = LoadCatalogue();
  if (!c.ok()) return ReportError(c.status());
  if (o.format == OutputFormat::kJson) {
    json chapters = json::array();
    for (const law::Chapter& ch : c->chapters()) chapters.push_back(ChapterJson(*c, ch));
    Print({{"title_zh", c->title_zh()}, {"chapters", chapters}});
    return ExitCode::kOk;
  }
  std::cout << c->title_zh() << "  (as amended 28 Oct 2025; * = changed by the amendment)\n";
  for (const law::Chapter& ch : c->chapters()) {
    std::cout << "\n";
    PrintChapterText(*c, ch);
  }
  return ExitCode::kOk;
}

ExitCode RunChapter(const LawOptions& o) {
  StatusOr<law::ArticleCatalogue> c = LoadCatalogue();
  if (!c.ok()) return ReportError(c.status());
  StatusOr<const law::Chapter*> ch = c->GetChapter(o.number);
  if (!ch.ok()) return ReportError(ch.status());
  if (o.format == OutputFormat::kJson) {
    Print(ChapterJson(*c, **ch));
  } else {
    PrintChapterText(*c, **ch);
  }
  return ExitCode::kOk;
}

ExitCode RunPenalties(const LawOptions& o) {
  StatusOr<law::ArticleCatalogue> c = LoadCatalogue();
  if (!c.ok()) return ReportError(c.status());
  StatusOr<law::PenaltyCatalogue> p = LoadPenalties();
  if (!p.ok()) return ReportError(p.status());
  std::vector<const law::Penalty*> selected;
  const std::string& sel = o.selector;
  if (sel.empty()) {
    for (const law::Penalty& pen : p->penalties()) selected.push_back(&pen);
  } else if (sel.starts_with("PEN-")) {
    const law::Penalty* pen = p->Find(sel);
    if (pen == nullptr) return ReportError(NotFoundError("no penalty '" + sel + "'"));
    selected.push_back(pen);
  } else if (sel.starts_with("CSL-")) {
    StatusOr<law::ProvisionRef> ref = law::ObligationProvision(sel);
    if (!ref.ok()) return ReportError(ref.status());
    if (!c->HasProvision(*ref)) {
      return ReportError(NotFoundError("obligation id '" + sel + "' names " + ref->ToString() +
                                       ", which does not exist"));
    }
    selected = p->ForObligation(sel);
  } else {
    int n = 0;
    try {
      size_t used = 0;
      n = std::stoi(sel, &used);
      if (used != sel.size()) n = 0;
    } catch (const std::exception&) {
      n = 0;
    }
    if (n <= 0) {
      return ReportError(InvalidArgumentError(
          "'" + sel +
          "' is not an article number, a penalty id (PEN-61-1) or an obligation id "
          "(CSL-23-3)"));
    }
    StatusOr<const law::Article*> a = c->Get(law::ArticleId(n));
    if (!a.ok()) return ReportError(a.status());
    selected = n >= 61 && n <= 77 ? p->InArticle(law::ArticleId(n)) : p->Citing(law::ArticleId(n));
  }
  if (o.format == OutputFormat::kJson) {
    json out = json::array();
    for (const law::Penalty* pen : selected) out.push_back(PenaltyJson(*pen));
    json j = {{"penalties", out}};
    if (sel.starts_with("CSL-")) {
      law::FineExposure e = p->ExposureFor(sel);
      json je = {{"penalty_ids", e.penalty_ids},
                 {"has_multiples", e.has_multiples},
                 {"referral_only", e.referral_only}};
      if (e.base) je["base"] = {{"min", e.base->min.value_or(0)}, {"max", e.base->max.value_or(0)}};
      if (e.worst_max) je["worst_max"] = *e.worst_max;
      if (e.persons_base) {
        je["persons_base"] = {{"min", e.persons_base->min.value_or(0)},
                              {"max", e.persons_base->max.value_or(0)}};
      }
      if (e.persons_worst_max) je["persons_worst_max"] = *e.persons_worst_max;
      j["exposure"] = je;
    }
    Print(j);
    return ExitCode::kOk;
  }
  if (selected.empty()) std::cout << "No penalty provision cites " << sel << ".\n";
  for (size_t i = 0; i < selected.size(); ++i) {
    if (i > 0) std::cout << "\n";
    PrintPenaltyText(*selected[i]);
  }
  if (sel.starts_with("CSL-") && !selected.empty()) {
    law::FineExposure e = p->ExposureFor(sel);
    std::cout << "\nExposure for " << sel << ":";
    if (e.base) std::cout << " base fine " << e.base->ToString() << ";";
    if (e.worst_max) std::cout << " worst case RMB " << law::FormatYuan(*e.worst_max) << ";";
    if (e.persons_worst_max) {
      std::cout << " responsible persons up to RMB " << law::FormatYuan(*e.persons_worst_max)
                << ";";
    }
    if (e.has_multiples) std::cout << " plus fines counted in multiples;";
    if (e.referral_only) std::cout << " referred to other laws;";
    std::cout << "\n";
  }
  return ExitCode::kOk;
}

ExitCode RunSearch(const LawOptions& o) {
  std::string query;
  for (const std::string& w : o.words) query += (query.empty() ? "" : " ") + w;
  if (law::SearchTerms(query).empty()) {
    return ReportError(InvalidArgumentError("search: '" + query +
                                            "' has no searchable word (Chinese or English)"));
  }
  StatusOr<law::ArticleCatalogue> c = LoadCatalogue();
  if (!c.ok()) return ReportError(c.status());
  law::ArticleSearch index(*c);
  std::vector<law::SearchHit> hits = index.Search(query, o.limit);
  if (o.format == OutputFormat::kJson) {
    json out = json::array();
    for (const law::SearchHit& h : hits) {
      json spans = json::array();
      for (const auto& [b, e] : h.spans) spans.push_back({b, e});
      json jh = {{"article", h.where.article.number()},
                 {"paragraph", h.where.paragraph},
                 {"citation", h.where.ToString()},
                 {"language", h.english ? "en" : "zh"},
                 {"score", h.score},
                 {"text", h.text},
                 {"spans", spans}};
      if (h.where.item > 0) jh["item"] = h.where.item;
      out.push_back(std::move(jh));
    }
    Print({{"query", query}, {"hits", out}});
    return ExitCode::kOk;
  }
  if (hits.empty()) {
    std::cout << "No passage matches '" << query << "'.\n";
    return ExitCode::kOk;
  }
  const bool tty = ::isatty(STDOUT_FILENO) == 1;
  const char* open = tty ? "\033[1;31m" : "\u00ab";
  const char* close = tty ? "\033[0m" : "\u00bb";
  for (const law::SearchHit& h : hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.2f", h.score);
    std::cout << h.where.ToString() << "  [" << (h.english ? "en" : "zh") << "]  score " << score
              << "\n    " << h.Highlighted(open, close) << "\n";
  }
  return ExitCode::kOk;
}

ExitCode RunCheck(const LawOptions& o) {
  StatusOr<law::ArticleCatalogue> c = LoadCatalogue();
  if (!c.ok()) return ReportError(c.status());
  StatusOr<law::PenaltyCatalogue> p = LoadPenalties();
  if (!p.ok()) return ReportError(p.status());
  law::CheckReport report = law::RunLawCheck(*c, *p);
  // The obligation catalogue's checks (assess/obligation_check.h).
  StatusOr<law::ObligationCatalogue> obligations = law::ObligationCatalogue::LoadDefault();
  if (obligations.ok()) {
    assess::CheckObligations(*c, *p, *obligations, &report);
  } else {
    report.Add("obligations", "data/obligations/csl.yaml", obligations.status().message());
  }
  if (o.format == OutputFormat::kJson) {
    json problems = json::array();
    for (const law::CheckProblem& pr : report.problems()) {
      problems.push_back({{"checker", pr.checker}, {"where", pr.where}, {"message", pr.message}});
    }
    Print({{"ok", report.ok()}, {"checks", report.counts()}, {"problems", problems}});
  } else {
    std::cout << "law check: " << c->articles().size() << " articles, " << p->penalties().size()
              << " penalties\n";
    for (const auto& [checker, n] : report.counts()) {
      int problems = 0;
      for (const law::CheckProblem& pr : report.problems()) problems += pr.checker == checker;
      std::cout << "  " << checker << ": " << n << " checks, " << problems << " problems\n";
    }
    for (const law::CheckProblem& pr : report.problems()) {
      std::cout << "FAIL [" << pr.checker << "] " << pr.where << ": " << pr.message << "\n";
    }
    std::cout << (report.ok() ? "OK\n" : "FAILED\n");
  }
  return report.ok() ? ExitCode::kOk : ExitCode::kFindings;
}

}  // namespace

void AddLawCommand(CLI::App& app, CommandResult& result) {
  CLI::App* law = app.add_subcommand("law",
                                     "The Cybersecurity Law (2025) as data: articles, "
                                     "2016 numbering, penalties, search, checks");
  law->require_subcommand(1);
  auto options = std::make_shared<LawOptions>();

  CLI::App* show = law->add_subcommand("show", "Show an article in Chinese and English");
  show->add_option("number", options->number, "Article number (2025; with --2016, the old one)")
      ->required();
  show->add_flag("--2016", options->old_2016, "Look the number up in the 2016 numbering");
  AddFormatOption(*show, &options->format);
  show->callback([options, &result] { result.exit_code = RunShow(*options); });

  CLI::App* list = law->add_subcommand("list", "List all articles by chapter and section");
  AddFormatOption(*list, &options->format);
  list->callback([options, &result] { result.exit_code = RunList(*options); });

  CLI::App* chapter = law->add_subcommand("chapter", "List the articles of one chapter");
  chapter->add_option("number", options->number, "Chapter number (1-7)")->required();
  AddFormatOption(*chapter, &options->format);
  chapter->callback([options, &result] { result.exit_code = RunChapter(*options); });

  CLI::App* penalties = law->add_subcommand(
      "penalties",
      "Penalties of Arts. 61-77: all, one article's, those citing an article, one "
      "penalty (PEN-61-1) or those punishing an obligation (CSL-23-3)");
  penalties->add_option("selector", options->selector,
                        "Article number, penalty id or obligation id (default: all)");
  AddFormatOption(*penalties, &options->format);
  penalties->callback([options, &result] { result.exit_code = RunPenalties(*options); });

  CLI::App* search = law->add_subcommand(
      "search",
      "Ranked search of the statute in Chinese or English (BM25; Chinese by character "
      "bigrams); prints each matching passage with the match marked");
  search->add_option("words", options->words, "Words to search for")->required();
  search->add_option("-n,--limit", options->limit, "Number of passages to show")
      ->default_val(10)
      ->check(CLI::Range(1, 1000));
  AddFormatOption(*search, &options->format);
  search->callback([options, &result] { result.exit_code = RunSearch(*options); });

  CLI::App* check = law->add_subcommand(
      "check",
      "Validate the law data: articles in both languages, the 2016 mapping, and every "
      "penalty amount against the official Chinese text (exit 1 on problems)");
  AddFormatOption(*check, &options->format);
  check->callback([options, &result] { result.exit_code = RunCheck(*options); });
}

}  // namespace hegui::cli
