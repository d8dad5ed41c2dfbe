#include "law/penalty_catalogue.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "core/file.h"

namespace hegui::law {
namespace {

// Levenshtein distance, for "did you mean" hints on unknown fields and values.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string Nearest(std::string_view word, const std::vector<std::string_view>& choices) {
  std::string_view best;
  size_t best_d = SIZE_MAX;
  for (std::string_view c : choices) {
    size_t d = EditDistance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return std::string(best);
}

class Reader {
 public:
  explicit Reader(std::string_view source) : source_(source) {}

  std::string Where(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    return std::string(source_) + ":" + std::to_string(mark.line + 1) + ":" +
           std::to_string(mark.column + 1);
  }

  Status Error(const YAML::Node& node, const std::string& what) const {
    return InvalidArgumentError(Where(node) + ": " + what);
  }

  Status ExpectMap(const YAML::Node& node, std::string_view what,
                   const std::vector<std::string_view>& fields) const {
    if (!node.IsMap()) return Error(node, std::string(what) + ": expected a mapping");
    for (const auto& kv : node) {
      std::string key = kv.first.Scalar();
      if (std::find(fields.begin(), fields.end(), key) == fields.end()) {
        return Error(kv.first, std::string(what) + ": unknown field '" + key + "' (did you mean '" +
                                   Nearest(key, fields) + "'?)");
      }
    }
    return OkStatus();
  }

  StatusOr<std::string> String(const YAML::Node& map, std::string_view field,
                               bool required = true) const {
    YAML::Node n = map[std::string(field)];
    if (!n) {
      if (!required) return std::string();
      return Error(map, "missing field '" + std::string(field) + "'");
    }
    if (!n.IsScalar()) return Error(n, "field '" + std::string(field) + "': expected a string");
    return n.Scalar();
  }

  StatusOr<int64_t> Int(const YAML::Node& n, std::string_view field) const {
    if (!n.IsScalar()) return Error(n, "field '" + std::string(field) + "': expected an integer");
    const std::string& s = n.Scalar();
    int64_t v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size()) {
      return Error(n, "field '" + std::string(field) + "': expected an integer, got '" + s + "'");
    }
    return v;
  }

  StatusOr<std::optional<int64_t>> OptionalInt(const YAML::Node& map,
                                               std::string_view field) const {
    YAML::Node n = map[std::string(field)];
    if (!n) return std::optional<int64_t>();
    HEGUI_ASSIGN_OR_RETURN(int64_t v, Int(n, field));
    return std::optional<int64_t>(v);
  }

  StatusOr<bool> Bool(const YAML::Node& map, std::string_view field) const {
    YAML::Node n = map[std::string(field)];
    if (!n) return false;
    if (n.IsScalar() && (n.Scalar() == "true" || n.Scalar() == "false")) {
      return n.Scalar() == "true";
    }
    return Error(n, "field '" + std::string(field) + "': expected true or false");
  }

  StatusOr<std::vector<std::string>> Strings(const YAML::Node& map, std::string_view field) const {
    std::vector<std::string> out;
    YAML::Node n = map[std::string(field)];
    if (!n) return out;
    if (!n.IsSequence()) return Error(n, "field '" + std::string(field) + "': expected a list");
    for (const YAML::Node& e : n) {
      if (!e.IsScalar()) return Error(e, "field '" + std::string(field) + "': expected strings");
      out.push_back(e.Scalar());
    }
    return out;
  }

  template <typename Enum>
  StatusOr<Enum> OneOf(const YAML::Node& n, std::string_view field,
                       const std::vector<std::pair<std::string_view, Enum>>& values) const {
    std::vector<std::string_view> names;
    for (const auto& [name, value] : values) {
      if (n.IsScalar() && n.Scalar() == name) return value;
      names.push_back(name);
    }
    std::string list;
    for (std::string_view name : names) list += (list.empty() ? "" : ", ") + std::string(name);
    std::string got = n.IsScalar() ? n.Scalar() : "(not a string)";
    return Error(n, "field '" + std::string(field) + "': '" + got + "' is not one of " + list +
                        " (did you mean '" + Nearest(got, names) + "'?)");
  }

 private:
  std::string_view source_;
};

std::vector<std::pair<std::string_view, Sanction>> SanctionValues() {
  std::vector<std::pair<std::string_view, Sanction>> out;
  for (Sanction s : AllSanctions()) out.emplace_back(SanctionName(s), s);
  return out;
}

StatusOr<std::vector<Sanction>> ReadSanctions(const Reader& r, const YAML::Node& map,
                                              std::string_view field) {
  std::vector<Sanction> out;
  YAML::Node n = map[std::string(field)];
  if (!n) return out;
  if (!n.IsSequence()) return r.Error(n, "field '" + std::string(field) + "': expected a list");
  static const auto kValues = SanctionValues();
  for (const YAML::Node& e : n) {
    HEGUI_ASSIGN_OR_RETURN(Sanction s, r.OneOf(e, field, kValues));
    out.push_back(s);
  }
  return out;
}

StatusOr<StatedIn> ReadStatedIn(const Reader& r, const YAML::Node& map, ArticleId article) {
  YAML::Node n = map["stated_in"];
  if (!n) return r.Error(map, "missing field 'stated_in'");
  HEGUI_RETURN_IF_ERROR(r.ExpectMap(n, "stated_in", {"article", "paragraph", "clause"}));
  StatedIn s;
  s.article = article;
  HEGUI_ASSIGN_OR_RETURN(std::optional<int64_t> a, r.OptionalInt(n, "article"));
  if (a) s.article = ArticleId(static_cast<int>(*a));
  HEGUI_ASSIGN_OR_RETURN(std::optional<int64_t> p, r.OptionalInt(n, "paragraph"));
  HEGUI_ASSIGN_OR_RETURN(std::optional<int64_t> c, r.OptionalInt(n, "clause"));
  if (!p || !c) return r.Error(n, "stated_in: needs paragraph and clause");
  s.paragraph = static_cast<int>(*p);
  s.clause = static_cast<int>(*c);
  return s;
}

StatusOr<std::optional<Fine>> ReadFine(const Reader& r, const YAML::Node& map,
                                       std::string_view field) {
  YAML::Node n = map[std::string(field)];
  if (!n) return std::optional<Fine>();
  HEGUI_RETURN_IF_ERROR(
      r.ExpectMap(n, field, {"min", "max", "min_multiple", "max_multiple", "of", "discretionary"}));
  Fine f;
  HEGUI_ASSIGN_OR_RETURN(f.discretionary, r.Bool(n, "discretionary"));
  if (n["of"]) {
    HEGUI_ASSIGN_OR_RETURN(f.range.basis,
                           r.OneOf(n["of"], "of",
                                   std::vector<std::pair<std::string_view, AmountBasis>>{
                                       {"illegal_income", AmountBasis::kIllegalIncomeMultiple},
                                       {"purchase_amount", AmountBasis::kPurchaseAmountMultiple}}));
    HEGUI_ASSIGN_OR_RETURN(f.range.min, r.OptionalInt(n, "min_multiple"));
    HEGUI_ASSIGN_OR_RETURN(f.range.max, r.OptionalInt(n, "max_multiple"));
    if (n["min"] || n["max"])
      return r.Error(n, std::string(field) + ": a multiple uses min_multiple/max_multiple");
  } else {
    f.range.basis = AmountBasis::kYuan;
    HEGUI_ASSIGN_OR_RETURN(f.range.min, r.OptionalInt(n, "min"));
    HEGUI_ASSIGN_OR_RETURN(f.range.max, r.OptionalInt(n, "max"));
    if (n["min_multiple"] || n["max_multiple"]) {
      return r.Error(n, std::string(field) + ": min_multiple/max_multiple need 'of'");
    }
  }
  if (!f.range.min && !f.range.max) return r.Error(n, std::string(field) + ": needs a bound");
  if (f.range.min && f.range.max && *f.range.min > *f.range.max) {
    return r.Error(n, std::string(field) + ": min above max");
  }
  return std::optional<Fine>(f);
}

StatusOr<Tier> ReadTier(const Reader& r, const YAML::Node& n, ArticleId article) {
  HEGUI_RETURN_IF_ERROR(
      r.ExpectMap(n, "tier",
                  {"level", "trigger", "stated_in", "fine", "persons_fine", "detention_days",
                   "illegal_income_below", "illegal_income_at_least", "sanctions",
                   "discretionary_sanctions", "applies_to"}));
  Tier t;
  if (!n["level"]) return r.Error(n, "tier: missing field 'level'");
  HEGUI_ASSIGN_OR_RETURN(t.level,
                         r.OneOf(n["level"], "level",
                                 std::vector<std::pair<std::string_view, TierLevel>>{
                                     {"base", TierLevel::kBase},
                                     {"correction_refused", TierLevel::kCorrectionRefused},
                                     {"serious", TierLevel::kSerious},
                                     {"particularly_serious", TierLevel::kParticularlySerious}}));
  HEGUI_ASSIGN_OR_RETURN(t.trigger, r.String(n, "trigger"));
  HEGUI_ASSIGN_OR_RETURN(t.stated_in, ReadStatedIn(r, n, article));
  HEGUI_ASSIGN_OR_RETURN(t.fine, ReadFine(r, n, "fine"));
  HEGUI_ASSIGN_OR_RETURN(t.persons_fine, ReadFine(r, n, "persons_fine"));
  if (YAML::Node d = n["detention_days"]) {
    HEGUI_RETURN_IF_ERROR(r.ExpectMap(d, "detention_days", {"min", "max"}));
    AmountRange days;
    days.basis = AmountBasis::kDays;
    HEGUI_ASSIGN_OR_RETURN(days.min, r.OptionalInt(d, "min"));
    HEGUI_ASSIGN_OR_RETURN(days.max, r.OptionalInt(d, "max"));
    t.detention_days = days;
  }
  HEGUI_ASSIGN_OR_RETURN(t.illegal_income_below, r.OptionalInt(n, "illegal_income_below"));
  HEGUI_ASSIGN_OR_RETURN(t.illegal_income_at_least, r.OptionalInt(n, "illegal_income_at_least"));
  HEGUI_ASSIGN_OR_RETURN(t.sanctions, ReadSanctions(r, n, "sanctions"));
  HEGUI_ASSIGN_OR_RETURN(t.discretionary_sanctions, ReadSanctions(r, n, "discretionary_sanctions"));
  HEGUI_ASSIGN_OR_RETURN(t.applies_to, r.Strings(n, "applies_to"));
  return t;
}

StatusOr<ProvisionRef> ParseViolation(const Reader& r, const YAML::Node& n,
                                      const std::string& text) {
  ProvisionRef ref;
  int article = 0;
  int paragraph = 0;
  const char* end = text.data() + text.size();
  auto [p1, e1] = std::from_chars(text.data(), end, article);
  if (e1 == std::errc() && p1 != end && *p1 == '-') {
    auto [p2, e2] = std::from_chars(p1 + 1, end, paragraph);
    if (e2 != std::errc() || p2 != end || paragraph <= 0)
      p1 = nullptr;
    else
      p1 = end;
  }
  if (e1 != std::errc() || p1 != end || article <= 0) {
    return r.Error(n, "violations: '" + text + "' is not <article> or <article>-<paragraph>");
  }
  ref.article = ArticleId(article);
  ref.paragraph = paragraph;
  return ref;
}

StatusOr<Penalty> ReadPenalty(const Reader& r, const YAML::Node& n) {
  HEGUI_RETURN_IF_ERROR(r.ExpectMap(
      n, "penalty",
      {"id", "article", "paragraph", "kind", "offender", "authority", "summary", "violations",
       "punishes", "applies_to_all_violations", "persons_as", "tiers", "bans"}));
  Penalty p;
  p.line = n.Mark().line + 1;
  HEGUI_ASSIGN_OR_RETURN(p.id, r.String(n, "id"));
  if (!n["article"]) return r.Error(n, p.id + ": missing field 'article'");
  HEGUI_ASSIGN_OR_RETURN(int64_t article, r.Int(n["article"], "article"));
  p.article = ArticleId(static_cast<int>(article));
  HEGUI_ASSIGN_OR_RETURN(std::optional<int64_t> paragraph, r.OptionalInt(n, "paragraph"));
  p.paragraph = static_cast<int>(paragraph.value_or(0));
  if (!n["kind"]) return r.Error(n, p.id + ": missing field 'kind'");
  HEGUI_ASSIGN_OR_RETURN(p.kind,
                         r.OneOf(n["kind"], "kind",
                                 std::vector<std::pair<std::string_view, PenaltyKind>>{
                                     {"fine", PenaltyKind::kFine},
                                     {"referral", PenaltyKind::kReferral},
                                     {"credit_record", PenaltyKind::kCreditRecord},
                                     {"leniency", PenaltyKind::kLeniency},
                                     {"disciplinary", PenaltyKind::kDisciplinary},
                                     {"civil_criminal", PenaltyKind::kCivilCriminal},
                                     {"overseas_measures", PenaltyKind::kOverseasMeasures}}));
  HEGUI_ASSIGN_OR_RETURN(p.offender, r.String(n, "offender"));
  HEGUI_ASSIGN_OR_RETURN(p.authority, r.String(n, "authority", false));
  HEGUI_ASSIGN_OR_RETURN(p.summary, r.String(n, "summary"));
  HEGUI_ASSIGN_OR_RETURN(std::vector<std::string> violations, r.Strings(n, "violations"));
  for (const std::string& v : violations) {
    HEGUI_ASSIGN_OR_RETURN(ProvisionRef ref, ParseViolation(r, n["violations"], v));
    p.violations.push_back(ref);
  }
  HEGUI_ASSIGN_OR_RETURN(p.punishes, r.Strings(n, "punishes"));
  HEGUI_ASSIGN_OR_RETURN(p.applies_to_all_violations, r.Bool(n, "applies_to_all_violations"));
  HEGUI_ASSIGN_OR_RETURN(p.persons_as, r.String(n, "persons_as", false));
  if (YAML::Node tiers = n["tiers"]) {
    if (!tiers.IsSequence()) return r.Error(tiers, p.id + ": tiers: expected a list");
    for (const YAML::Node& t : tiers) {
      StatusOr<Tier> tier = ReadTier(r, t, p.article);
      if (!tier.ok()) return tier.status().WithContext(p.id);
      p.tiers.push_back(std::move(*tier));
    }
  }
  if (YAML::Node bans = n["bans"]) {
    if (!bans.IsSequence()) return r.Error(bans, p.id + ": bans: expected a list");
    for (const YAML::Node& b : bans) {
      HEGUI_RETURN_IF_ERROR(r.ExpectMap(b, "ban", {"years", "lifetime", "after", "stated_in"}));
      Ban ban;
      HEGUI_ASSIGN_OR_RETURN(std::optional<int64_t> years, r.OptionalInt(b, "years"));
      HEGUI_ASSIGN_OR_RETURN(bool lifetime, r.Bool(b, "lifetime"));
      if (years.has_value() == lifetime) {
        return r.Error(b, p.id + ": a ban has either 'years' or 'lifetime: true'");
      }
      if (years) ban.years = static_cast<int>(*years);
      HEGUI_ASSIGN_OR_RETURN(ban.after, r.String(b, "after"));
      HEGUI_ASSIGN_OR_RETURN(ban.stated_in, ReadStatedIn(r, b, p.article));
      p.bans.push_back(std::move(ban));
    }
  }
  return p;
}

}  // namespace

StatusOr<PenaltyCatalogue> PenaltyCatalogue::Load(const std::string& data_dir) {
  const std::string path = data_dir + "/law/penalties.yaml";
  HEGUI_ASSIGN_OR_RETURN(std::string yaml, ReadFileToString(path));
  return Parse(yaml, path);
}

StatusOr<PenaltyCatalogue> PenaltyCatalogue::Parse(std::string_view yaml,
                                                   std::string_view source_name) {
  PenaltyCatalogue c;
  c.source_name_ = std::string(source_name);
  Reader r(source_name);
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    HEGUI_RETURN_IF_ERROR(r.ExpectMap(root, "(document)", {"penalties"}));
    YAML::Node list = root["penalties"];
    if (!list || !list.IsSequence()) return r.Error(root, "'penalties' must be a list");
    for (const YAML::Node& n : list) {
      HEGUI_ASSIGN_OR_RETURN(Penalty p, ReadPenalty(r, n));
      c.penalties_.push_back(std::move(p));
    }
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError(std::string(source_name) + ":" + std::to_string(e.mark.line + 1) +
                                ":" + std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  return c;
}

const Penalty* PenaltyCatalogue::Find(std::string_view id) const {
  for (const Penalty& p : penalties_) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::vector<const Penalty*> PenaltyCatalogue::ForObligation(std::string_view obligation_id) const {
  std::vector<const Penalty*> out;
  for (const Penalty& p : penalties_) {
    if (std::find(p.punishes.begin(), p.punishes.end(), obligation_id) != p.punishes.end()) {
      out.push_back(&p);
    }
  }
  return out;
}

std::vector<const Penalty*> PenaltyCatalogue::InArticle(ArticleId article) const {
  std::vector<const Penalty*> out;
  for (const Penalty& p : penalties_) {
    if (p.article == article) out.push_back(&p);
  }
  return out;
}

std::vector<const Penalty*> PenaltyCatalogue::Citing(ArticleId article) const {
  std::vector<const Penalty*> out;
  for (const Penalty& p : penalties_) {
    bool cites = std::any_of(p.violations.begin(), p.violations.end(),
                             [&](const ProvisionRef& v) { return v.article == article; });
    for (const std::string& id : p.punishes) {
      StatusOr<ProvisionRef> ref = ObligationProvision(id);
      cites = cites || (ref.ok() && ref->article == article);
    }
    if (cites) out.push_back(&p);
  }
  return out;
}

std::vector<const Tier*> PenaltyCatalogue::TiersFor(const Penalty& penalty,
                                                    std::string_view obligation_id) {
  std::vector<const Tier*> out;
  for (const Tier& t : penalty.tiers) {
    if (t.applies_to.empty() ||
        std::find(t.applies_to.begin(), t.applies_to.end(), obligation_id) != t.applies_to.end()) {
      out.push_back(&t);
    }
  }
  return out;
}

FineExposure PenaltyCatalogue::ExposureFor(std::string_view obligation_id) const {
  FineExposure e;
  bool any_fine_kind = false;
  std::optional<TierLevel> base_level;
  std::optional<TierLevel> persons_base_level;
  for (const Penalty* p : ForObligation(obligation_id)) {
    e.penalty_ids.push_back(p->id);
    if (p->kind == PenaltyKind::kFine) any_fine_kind = true;
    // Responsible persons fined "as under" another penalty take that one's amounts.
    const Penalty* persons_source = p->persons_as.empty() ? nullptr : Find(p->persons_as);
    for (const Tier* t : TiersFor(*p, obligation_id)) {
      auto note = [&](const Fine& f, std::optional<AmountRange>* base,
                      std::optional<TierLevel>* level, std::optional<int64_t>* worst) {
        if (f.range.basis != AmountBasis::kYuan) {
          e.has_multiples = true;
          return;
        }
        if (!*level || t->level < **level ||
            (t->level == **level && f.range.min.value_or(0) < (*base)->min.value_or(0))) {
          *base = f.range;
          *level = t->level;
        }
        if (f.range.max && (!*worst || *f.range.max > **worst)) *worst = f.range.max;
      };
      if (t->fine) note(*t->fine, &e.base, &base_level, &e.worst_max);
      if (t->persons_fine) {
        note(*t->persons_fine, &e.persons_base, &persons_base_level, &e.persons_worst_max);
      }
    }
    if (persons_source != nullptr) {
      for (const Tier& t : persons_source->tiers) {
        if (!t.fine || t.fine->range.basis != AmountBasis::kYuan) continue;
        if (!persons_base_level || t.level < *persons_base_level) {
          e.persons_base = t.fine->range;
          persons_base_level = t.level;
        }
        if (t.fine->range.max &&
            (!e.persons_worst_max || *t.fine->range.max > *e.persons_worst_max)) {
          e.persons_worst_max = t.fine->range.max;
        }
      }
    }
  }
  e.referral_only = !e.penalty_ids.empty() && !any_fine_kind;
  return e;
}

StatusOr<ProvisionRef> ObligationProvision(std::string_view id) {
  auto bad = [&] {
    return InvalidArgumentError("obligation id '" + std::string(id) +
                                "': expected CSL-<article> or CSL-<article>-<n>");
  };
  if (!id.starts_with("CSL-")) return bad();
  std::string_view rest = id.substr(4);
  int article = 0;
  int n = 0;
  const char* end = rest.data() + rest.size();
  auto [p1, e1] = std::from_chars(rest.data(), end, article);
  if (e1 != std::errc() || article <= 0) return bad();
  if (p1 != end) {
    if (*p1 != '-') return bad();
    auto [p2, e2] = std::from_chars(p1 + 1, end, n);
    if (e2 != std::errc() || p2 != end || n <= 0) return bad();
  }
  ProvisionRef ref;
  ref.article = ArticleId(article);
  if (n > 0) {
    // Arts. 23 and 36 are single paragraphs whose obligations are the items of their list.
    if (article == 23 || article == 36) {
      ref.paragraph = 1;
      ref.item = n;
    } else {
      ref.paragraph = n;
    }
  }
  return ref;
}

}  // namespace hegui::law
