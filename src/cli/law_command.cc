// `hegui law`: the Cybersecurity Law as data — show, list, chapter (and the
// subcommands added below them). Thin: parse, call hegui::law, print.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/data_dir.h"
#include "law/article_catalogue.h"
#include "law/statute_text.h"

namespace hegui::cli {
namespace {

using nlohmann::json;

struct LawOptions {
  OutputFormat format = OutputFormat::kText;
  int number = 0;
  bool old_2016 = false;
};

StatusOr<law::ArticleCatalogue> LoadCatalogue() { return law::ArticleCatalogue::Load(DataDir()); }

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

json ArticleJson(const law::ArticleCatalogue& c, const law::Article& a) {
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

void PrintArticleText(const law::ArticleCatalogue& c, const law::Article& a) {
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
  if (o.old_2016) {
    StatusOr<law::Old2016Lookup> lookup = c->LookupOld2016(o.number);
    if (!lookup.ok()) return ReportError(lookup.status());
    if (o.format == OutputFormat::kJson) {
      json targets = json::array();
      for (const law::Old2016Target& t : lookup->targets) {
        const law::Article* a = c->Find(t.article);
        json jt = {{"article", t.article.number()}, {"change", t.change}};
        if (t.old_item > 0) jt["old_item"] = t.old_item;
        if (a != nullptr) jt["text"] = ArticleJson(*c, *a);
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
      if (const law::Article* a = c->Find(t.article)) PrintArticleText(*c, *a);
    }
    return ExitCode::kOk;
  }
  StatusOr<const law::Article*> a = c->Get(law::ArticleId(o.number));
  if (!a.ok()) return ReportError(a.status());
  if (o.format == OutputFormat::kJson) {
    Print(ArticleJson(*c, **a));
  } else {
    PrintArticleText(*c, **a);
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
}

}  // namespace hegui::cli
