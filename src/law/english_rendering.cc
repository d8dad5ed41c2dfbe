#include "law/english_rendering.h"

#include <yaml-cpp/yaml.h>

namespace hegui::law {
namespace {

std::string Where(std::string_view source, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return std::string(source) + ":" + std::to_string(mark.line + 1) + ":" +
         std::to_string(mark.column + 1);
}

Status Expect(std::string_view source, const YAML::Node& node, YAML::NodeType::value type,
              std::string_view field) {
  if (node.Type() == type) return OkStatus();
  static constexpr std::string_view kNames[] = {"undefined", "null", "scalar", "sequence", "map"};
  return InvalidArgumentError(Where(source, node) + ": field '" + std::string(field) +
                              "': expected a " + std::string(kNames[type]));
}

StatusOr<std::string> Scalar(std::string_view source, const YAML::Node& map,
                             std::string_view field) {
  YAML::Node node = map[std::string(field)];
  if (!node) {
    return InvalidArgumentError(Where(source, map) + ": missing field '" + std::string(field) +
                                "'");
  }
  HEGUI_RETURN_IF_ERROR(Expect(source, node, YAML::NodeType::Scalar, field));
  return node.Scalar();
}

StatusOr<int> Integer(std::string_view source, const YAML::Node& map, std::string_view field) {
  HEGUI_ASSIGN_OR_RETURN(std::string text, Scalar(source, map, field));
  try {
    return map[std::string(field)].as<int>();
  } catch (const YAML::Exception&) {
    return InvalidArgumentError(Where(source, map[std::string(field)]) + ": field '" +
                                std::string(field) + "': expected an integer, got '" + text + "'");
  }
}

StatusOr<EnglishRendering> Parse(const YAML::Node& root, std::string_view source) {
  EnglishRendering out;
  HEGUI_RETURN_IF_ERROR(Expect(source, root, YAML::NodeType::Map, "(document)"));
  if (YAML::Node chapters = root["chapters"]) {
    HEGUI_RETURN_IF_ERROR(Expect(source, chapters, YAML::NodeType::Sequence, "chapters"));
    for (const YAML::Node& c : chapters) {
      HEGUI_RETURN_IF_ERROR(Expect(source, c, YAML::NodeType::Map, "chapters[]"));
      EnglishRendering::ChapterTitle chapter;
      HEGUI_ASSIGN_OR_RETURN(chapter.number, Integer(source, c, "number"));
      HEGUI_ASSIGN_OR_RETURN(chapter.title, Scalar(source, c, "title"));
      if (YAML::Node sections = c["sections"]) {
        HEGUI_RETURN_IF_ERROR(Expect(source, sections, YAML::NodeType::Sequence, "sections"));
        for (const YAML::Node& s : sections) {
          HEGUI_RETURN_IF_ERROR(Expect(source, s, YAML::NodeType::Map, "sections[]"));
          EnglishRendering::SectionTitle section;
          HEGUI_ASSIGN_OR_RETURN(section.number, Integer(source, s, "number"));
          HEGUI_ASSIGN_OR_RETURN(section.title, Scalar(source, s, "title"));
          chapter.sections.push_back(std::move(section));
        }
      }
      out.chapters.push_back(std::move(chapter));
    }
  }
  if (YAML::Node articles = root["articles"]) {
    HEGUI_RETURN_IF_ERROR(Expect(source, articles, YAML::NodeType::Sequence, "articles"));
    for (const YAML::Node& a : articles) {
      HEGUI_RETURN_IF_ERROR(Expect(source, a, YAML::NodeType::Map, "articles[]"));
      HEGUI_ASSIGN_OR_RETURN(int number, Integer(source, a, "article"));
      ArticleText text;
      if (a["title"]) {
        HEGUI_ASSIGN_OR_RETURN(text.title, Scalar(source, a, "title"));
      }
      YAML::Node paragraphs = a["paragraphs"];
      if (!paragraphs) {
        return InvalidArgumentError(Where(source, a) + ": article " + std::to_string(number) +
                                    ": missing field 'paragraphs'");
      }
      HEGUI_RETURN_IF_ERROR(Expect(source, paragraphs, YAML::NodeType::Sequence, "paragraphs"));
      for (const YAML::Node& p : paragraphs) {
        HEGUI_RETURN_IF_ERROR(Expect(source, p, YAML::NodeType::Map, "paragraphs[]"));
        Paragraph paragraph;
        HEGUI_ASSIGN_OR_RETURN(paragraph.text, Scalar(source, p, "text"));
        if (YAML::Node items = p["items"]) {
          HEGUI_RETURN_IF_ERROR(Expect(source, items, YAML::NodeType::Sequence, "items"));
          for (const YAML::Node& item : items) {
            HEGUI_RETURN_IF_ERROR(Expect(source, item, YAML::NodeType::Scalar, "items[]"));
            paragraph.items.push_back(item.Scalar());
          }
        }
        text.paragraphs.push_back(std::move(paragraph));
      }
      if (!out.articles.emplace(number, std::move(text)).second) {
        out.duplicate_articles.push_back(number);
      }
    }
  }
  return out;
}

}  // namespace

StatusOr<EnglishRendering> ParseEnglishRendering(std::string_view yaml,
                                                 std::string_view source_name) {
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    return Parse(root, source_name);
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError(std::string(source_name) + ":" + std::to_string(e.mark.line + 1) +
                                ":" + std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
}

}  // namespace hegui::law
