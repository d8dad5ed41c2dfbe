#include "scan/lexicon.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "core/data_dir.h"
#include "core/file.h"

namespace hegui::scan {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Status ApplyOption(std::string_view option, LexiconEntry* entry, const std::string& where) {
  if (option == "word") {
    entry->whole_word = true;
  } else if (option == "pinyin") {
    entry->pinyin = true;
  } else if (option == "initials") {
    entry->initials = true;
  } else if (option == "allow") {
    entry->allow = true;
  } else if (!option.empty()) {
    return InvalidArgumentError(where + ": unknown option '" + std::string(option) +
                                "' (expected word, pinyin, initials or allow)");
  }
  return OkStatus();
}

std::string BaseName(std::string_view path) {
  return std::filesystem::path(std::string(path)).filename().string();
}

}  // namespace

Lexicon::Lexicon() {
  for (const char* c : {"fraud", "gambling", "drugs", "weapons"}) categories_[c] = "CSL-48";
  for (const char* c : {"pornography", "violence", "terrorism", "extremism", "hatred", "subversion",
                        "separatism", "disinformation"}) {
    categories_[c] = "CSL-13-2";
  }
  categories_["minors"] = "CSL-14";
}

Status Lexicon::Add(LexiconEntry entry) {
  if (entry.category == "allow") {
    entry.allow = true;
    entry.category.clear();
  }
  if (entry.allow) {
    entry.category.clear();
  } else if (!categories_.count(entry.category)) {
    return InvalidArgumentError("unknown category '" + entry.category +
                                "' (declare it with !category<TAB>name<TAB>article)");
  }
  if (entry.term.empty()) return InvalidArgumentError("empty term");
  entries_.push_back(std::move(entry));
  return OkStatus();
}

StatusOr<Lexicon> Lexicon::ParseText(std::string_view text, std::string_view name) {
  Lexicon lexicon;
  std::string file = BaseName(name);
  size_t line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    std::string where = std::string(name) + ":" + std::to_string(line_no);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || Trim(line).front() == '#') continue;
    std::vector<std::string_view> fields = Split(line, '\t');
    if (fields[0] == "!category") {
      if (fields.size() != 3 || Trim(fields[1]).empty() || Trim(fields[2]).empty()) {
        return InvalidArgumentError(where + ": expected !category<TAB>name<TAB>article");
      }
      lexicon.DeclareCategory(std::string(Trim(fields[1])), std::string(Trim(fields[2])));
      continue;
    }
    if (fields.size() < 2 || fields.size() > 3) {
      return InvalidArgumentError(where + ": expected term<TAB>category[<TAB>options], found " +
                                  std::to_string(fields.size()) + " field(s)");
    }
    LexiconEntry entry;
    entry.term = std::string(Trim(fields[0]));
    entry.category = std::string(Trim(fields[1]));
    entry.rule_id = file + ":" + std::to_string(line_no);
    if (fields.size() == 3) {
      for (std::string_view option : Split(fields[2], ',')) {
        HEGUI_RETURN_IF_ERROR(ApplyOption(Trim(option), &entry, where));
      }
    }
    HEGUI_RETURN_IF_ERROR(lexicon.Add(std::move(entry)).WithContext(where));
  }
  return lexicon;
}

StatusOr<Lexicon> Lexicon::ParseYaml(std::string_view text, std::string_view name) {
  Lexicon lexicon;
  std::string file = BaseName(name);
  auto where = [&](const YAML::Node& node) {
    return std::string(name) + ":" + std::to_string(node.Mark().line + 1);
  };
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap()) return InvalidArgumentError(std::string(name) + ": expected a mapping");
    if (YAML::Node cats = root["categories"]) {
      if (!cats.IsMap())
        return InvalidArgumentError(where(cats) + ": 'categories' must be a mapping");
      for (const auto& kv : cats) {
        lexicon.DeclareCategory(kv.first.as<std::string>(), kv.second.as<std::string>());
      }
    }
    if (YAML::Node terms = root["terms"]) {
      if (!terms.IsSequence())
        return InvalidArgumentError(where(terms) + ": 'terms' must be a list");
      for (const auto& t : terms) {
        if (!t.IsMap() || !t["term"] || !t["category"]) {
          return InvalidArgumentError(where(t) + ": a term needs 'term' and 'category'");
        }
        LexiconEntry entry;
        entry.term = t["term"].as<std::string>();
        entry.category = t["category"].as<std::string>();
        entry.rule_id = file + ":" + std::to_string(t.Mark().line + 1);
        if (YAML::Node options = t["options"]) {
          if (!options.IsSequence()) {
            return InvalidArgumentError(where(options) + ": 'options' must be a list");
          }
          for (const auto& o : options) {
            HEGUI_RETURN_IF_ERROR(ApplyOption(o.as<std::string>(), &entry, where(o)));
          }
        }
        HEGUI_RETURN_IF_ERROR(lexicon.Add(std::move(entry)).WithContext(where(t)));
      }
    }
    if (YAML::Node allow = root["allow"]) {
      if (!allow.IsSequence())
        return InvalidArgumentError(where(allow) + ": 'allow' must be a list");
      for (const auto& a : allow) {
        LexiconEntry entry;
        entry.term = a.as<std::string>();
        entry.allow = true;
        entry.rule_id = file + ":" + std::to_string(a.Mark().line + 1);
        HEGUI_RETURN_IF_ERROR(lexicon.Add(std::move(entry)).WithContext(where(a)));
      }
    }
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError(std::string(name) + ":" + std::to_string(e.mark.line + 1) + ": " +
                                e.msg);
  }
  return lexicon;
}

StatusOr<Lexicon> Lexicon::LoadFile(const std::string& path) {
  HEGUI_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".yaml" || ext == ".yml") return ParseYaml(text, path);
  return ParseText(text, path);
}

StatusOr<Lexicon> Lexicon::LoadDefault() { return LoadFile(DataDir() + "/lexicon/default.tsv"); }

void Lexicon::Merge(const Lexicon& other) {
  for (const auto& [name, article] : other.categories_) categories_[name] = article;
  entries_.insert(entries_.end(), other.entries_.begin(), other.entries_.end());
}

}  // namespace hegui::scan
