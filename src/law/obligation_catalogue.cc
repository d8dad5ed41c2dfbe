#include "law/obligation_catalogue.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "core/data_dir.h"
#include "core/file.h"

namespace hegui::law {
namespace {

class Loader {
 public:
  explicit Loader(std::string source) : source_(std::move(source)) {}

  Status Where(const YAML::Node& node, const std::string& what) const {
    const YAML::Mark m = node.Mark();
    if (m.is_null()) return InvalidArgumentError(source_ + ": " + what);
    return InvalidArgumentError(source_ + ":" + std::to_string(m.line + 1) + ":" +
                                std::to_string(m.column + 1) + ": " + what);
  }

  Status OnlyKeys(const YAML::Node& map, const std::string& where,
                  const std::set<std::string>& allowed) const {
    if (!map.IsMap()) return Where(map, where + ": expected a mapping");
    for (const auto& kv : map) {
      const std::string key = kv.first.as<std::string>();
      if (!allowed.contains(key)) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        return Where(kv.first,
                     where + ": unknown field '" + key + "' (expected one of " + list + ")");
      }
    }
    return OkStatus();
  }

  StatusOr<std::string> Text(const YAML::Node& map, const std::string& key,
                             const std::string& where, bool required = true) const {
    const YAML::Node n = map[key];
    if (!n) {
      if (!required) return std::string();
      return Where(map, where + ": missing field '" + key + "'");
    }
    if (!n.IsScalar() || n.as<std::string>().empty()) {
      return Where(n, where + "." + key + ": expected non-empty text");
    }
    return n.as<std::string>();
  }

  StatusOr<std::optional<int>> Int(const YAML::Node& map, const std::string& key,
                                   const std::string& where, int lo, int hi) const {
    const YAML::Node n = map[key];
    if (!n) return std::optional<int>();
    int v = 0;
    if (!n.IsScalar() || !YAML::convert<int>::decode(n, v) || v < lo || v > hi) {
      return Where(n, where + "." + key + ": expected an integer " + std::to_string(lo) + ".." +
                          std::to_string(hi));
    }
    return std::optional<int>(v);
  }

  StatusOr<FactCondition> Condition(const YAML::Node& map, const std::string& where) const {
    FactCondition c;
    const YAML::Node n = map["applies_when"];
    if (!n) return c;
    HEGUI_RETURN_IF_ERROR(OnlyKeys(n, where + ".applies_when", {"all", "any", "none"}));
    for (auto [key, out] : {std::pair{"all", &c.all}, {"any", &c.any}, {"none", &c.none}}) {
      const YAML::Node list = n[key];
      if (!list) continue;
      if (!list.IsSequence()) {
        return Where(list, where + ".applies_when." + key + ": expected a list of fact names");
      }
      for (const auto& f : list) {
        if (!f.IsScalar())
          return Where(f, where + ".applies_when." + key + ": expected a fact name");
        out->push_back(f.as<std::string>());
      }
    }
    if (c.empty()) return Where(n, where + ".applies_when: names no facts");
    return c;
  }

  StatusOr<Control> LoadControl(const YAML::Node& n, const std::string& where) const {
    HEGUI_RETURN_IF_ERROR(
        OnlyKeys(n, where, {"id", "title", "applies_when", "evidence", "advice"}));
    Control c;
    HEGUI_ASSIGN_OR_RETURN(c.id, Text(n, "id", where));
    HEGUI_ASSIGN_OR_RETURN(c.title, Text(n, "title", where));
    HEGUI_ASSIGN_OR_RETURN(c.advice, Text(n, "advice", where));
    HEGUI_ASSIGN_OR_RETURN(c.applies_when, Condition(n, where));
    const YAML::Node ev = n["evidence"];
    if (!ev || !ev.IsSequence() || ev.size() == 0) {
      return Where(ev ? ev : n, where + ".evidence: expected a non-empty list of checks");
    }
    for (const auto& e : ev) {
      if (!e.IsScalar())
        return Where(e, where + ".evidence: expected a check such as 'a.b == true'");
      StatusOr<EvidenceCheck> check = ParseEvidenceCheck(e.as<std::string>());
      if (!check.ok()) return Where(e, where + ".evidence: " + check.status().message());
      c.evidence.push_back(std::move(*check));
    }
    return c;
  }

  StatusOr<Obligation> LoadObligation(const YAML::Node& n, size_t index) const {
    std::string where = "obligations[" + std::to_string(index) + "]";
    HEGUI_RETURN_IF_ERROR(OnlyKeys(n, where,
                                   {"id", "article", "paragraph", "item", "title", "summary",
                                    "binds", "area", "applies_when", "controls"}));
    Obligation o;
    std::string id;
    HEGUI_ASSIGN_OR_RETURN(id, Text(n, "id", where));
    o.id = ObligationId(id);
    where = id;
    std::optional<int> article;
    HEGUI_ASSIGN_OR_RETURN(article, Int(n, "article", where, 1, 81));
    if (!article) return Where(n, where + ": missing field 'article'");
    o.article = ArticleId(*article);
    HEGUI_ASSIGN_OR_RETURN(o.paragraph, Int(n, "paragraph", where, 1, 9));
    HEGUI_ASSIGN_OR_RETURN(o.item, Int(n, "item", where, 1, 9));
    // The id rule: CSL-<article>[-<n>], n = item for Art. 23 and 36, else paragraph.
    std::string expected = "CSL-" + std::to_string(*article);
    const bool by_item = *article == 23 || *article == 36;
    std::optional<int> sub = by_item ? o.item : o.paragraph;
    if (by_item && o.paragraph.value_or(1) != 1) {
      return Where(n, where + ": Art. " + std::to_string(*article) + " items are in paragraph 1");
    }
    if (!by_item && o.item) return Where(n["item"], where + ": only Art. 23 and 36 ids use items");
    if (sub) expected += "-" + std::to_string(*sub);
    if (id != expected) {
      return Where(n["id"], where + ": id does not match article/paragraph/item (expected '" +
                                expected + "')");
    }
    HEGUI_ASSIGN_OR_RETURN(o.title, Text(n, "title", where));
    HEGUI_ASSIGN_OR_RETURN(o.summary, Text(n, "summary", where));
    std::string binds;
    HEGUI_ASSIGN_OR_RETURN(binds, Text(n, "binds", where));
    bool known = false;
    for (Addressee a :
         {Addressee::kNetworkOperator, Addressee::kCiiOperator, Addressee::kProductServiceProvider,
          Addressee::kPublicationOrMessagingService, Addressee::kEInformationOrAppProvider,
          Addressee::kEveryone}) {
      if (binds == AddresseeName(a)) {
        o.binds = a;
        known = true;
      }
    }
    if (!known) {
      return Where(n["binds"], where + ".binds: unknown addressee '" + binds +
                                   "' (expected network_operator, cii_operator, "
                                   "product_service_provider, publication_or_messaging_service, "
                                   "e_information_or_app_provider or everyone)");
    }
    HEGUI_ASSIGN_OR_RETURN(o.area, Text(n, "area", where));
    const auto& areas = ObligationAreas();
    if (std::find(areas.begin(), areas.end(), o.area) == areas.end()) {
      return Where(n["area"], where + ".area: unknown area '" + o.area + "'");
    }
    HEGUI_ASSIGN_OR_RETURN(o.applies_when, Condition(n, where));
    if (o.applies_when.empty()) return Where(n, where + ": missing field 'applies_when'");
    const YAML::Node controls = n["controls"];
    if (!controls || !controls.IsSequence() || controls.size() == 0) {
      return Where(controls ? controls : n, where + ".controls: expected a non-empty list");
    }
    std::set<std::string> control_ids;
    for (size_t i = 0; i < controls.size(); ++i) {
      Control c;
      HEGUI_ASSIGN_OR_RETURN(
          c, LoadControl(controls[i], where + ".controls[" + std::to_string(i) + "]"));
      if (!control_ids.insert(c.id).second) {
        return Where(controls[i], where + ": duplicate control id '" + c.id + "'");
      }
      o.controls.push_back(std::move(c));
    }
    return o;
  }

  Status Load(const YAML::Node& root, std::vector<Obligation>* out) const {
    HEGUI_RETURN_IF_ERROR(OnlyKeys(root, "catalogue", {"version", "obligations"}));
    const YAML::Node version = root["version"];
    if (!version || !version.IsScalar() || version.as<std::string>() != "1") {
      return Where(version ? version : root, "version: expected 1");
    }
    const YAML::Node list = root["obligations"];
    if (!list || !list.IsSequence()) return Where(root, "obligations: expected a list");
    std::set<std::string> ids;
    for (size_t i = 0; i < list.size(); ++i) {
      Obligation o;
      HEGUI_ASSIGN_OR_RETURN(o, LoadObligation(list[i], i));
      if (!ids.insert(o.id.str()).second) {
        return Where(list[i]["id"], "duplicate obligation id '" + o.id.str() + "'");
      }
      out->push_back(std::move(o));
    }
    return OkStatus();
  }

 private:
  std::string source_;
};

}  // namespace

StatusOr<ObligationCatalogue> ObligationCatalogue::LoadFromString(const std::string& yaml,
                                                                  const std::string& source_name) {
  ObligationCatalogue catalogue;
  Loader loader(source_name);
  try {
    const YAML::Node root = YAML::Load(yaml);
    HEGUI_RETURN_IF_ERROR(loader.Load(root, &catalogue.obligations_));
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError(source_name + ":" + std::to_string(e.mark.line + 1) + ":" +
                                std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  std::sort(catalogue.obligations_.begin(), catalogue.obligations_.end(),
            [](const Obligation& a, const Obligation& b) { return a.id < b.id; });
  return catalogue;
}

StatusOr<ObligationCatalogue> ObligationCatalogue::LoadFile(const std::string& path) {
  HEGUI_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path, size_t{16} << 20));
  return LoadFromString(text, path);
}

StatusOr<ObligationCatalogue> ObligationCatalogue::LoadDefault() {
  return LoadFile(DataDir() + "/obligations/csl.yaml");
}

const Obligation* ObligationCatalogue::Find(const ObligationId& id) const {
  for (const Obligation& o : obligations_) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

}  // namespace hegui::law
