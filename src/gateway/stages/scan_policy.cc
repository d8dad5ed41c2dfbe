#include "gateway/stages/scan_policy.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace hegui::gateway {

std::string_view ScanActionName(ScanAction action) {
  switch (action) {
    case ScanAction::kAllow:
      return "allow";
    case ScanAction::kMask:
      return "mask";
    case ScanAction::kBlock:
      return "block";
    case ScanAction::kReview:
      return "review";
  }
  return "block";
}

int Severity(ScanAction action) {
  switch (action) {
    case ScanAction::kAllow:
      return 0;
    case ScanAction::kMask:
      return 1;
    case ScanAction::kReview:
      return 2;
    case ScanAction::kBlock:
      return 3;
  }
  return 3;
}

namespace {
ScanAction FromName(const std::string& name) {
  if (name == "allow") return ScanAction::kAllow;
  if (name == "mask") return ScanAction::kMask;
  if (name == "review") return ScanAction::kReview;
  return ScanAction::kBlock;
}
const std::vector<std::string> kActions = {"allow", "mask", "block", "review"};
}  // namespace

bool ScanPolicy::IsImportantData(const ScanHit& hit) const {
  return hit.kind != "pi" &&
         std::find(important_data_categories.begin(), important_data_categories.end(), hit.type) !=
             important_data_categories.end();
}

ScanAction ScanPolicy::ActionFor(const ScanHit& hit) const {
  auto it = categories.find(hit.type);
  if (it != categories.end()) return it->second;
  if (hit.kind == "pi") return pi;
  if (IsImportantData(hit)) return ScanAction::kAllow;
  return prohibited;
}

ScanPolicy ParseScanPolicy(ConfigFields& fields, ScanAction default_pi) {
  ScanPolicy p;
  p.pi = FromName(fields.Enum("pi", std::string(ScanActionName(default_pi)), kActions));
  p.prohibited = FromName(fields.Enum("prohibited", "block", {"allow", "block", "review"}));
  p.review_holds = fields.Enum("review_mode", "hold", {"hold", "deliver_flagged"}) == "hold";
  if (fields.Has("important_data_categories")) {
    p.important_data_categories = fields.Strings("important_data_categories");
  } else {
    fields.Strings("important_data_categories");
  }
  const YAML::Node& cats = fields.Child("categories");
  if (cats.IsDefined() && !cats.IsNull()) {
    if (!cats.IsMap()) {
      fields.Fail(fields.ErrorAt(cats, fields.PathOf("categories"),
                                 "expected a mapping of category to action"));
      return p;
    }
    ConfigFields c(cats, fields.PathOf("categories"), fields.source());
    for (auto it = cats.begin(); it != cats.end(); ++it) {
      std::string name = it->first.as<std::string>();
      p.categories[name] = FromName(c.Enum(name, "block", kActions));
    }
    fields.Fail(c.Finish());
  }
  return p;
}

std::string MaskHits(std::string_view text, std::vector<ScanHit> hits) {
  std::sort(hits.begin(), hits.end(),
            [](const ScanHit& a, const ScanHit& b) { return a.offset < b.offset; });
  std::string out;
  size_t pos = 0;
  for (const ScanHit& h : hits) {
    size_t start = std::min(h.offset, text.size());
    size_t end = std::min(h.offset + h.length, text.size());
    if (end <= pos) continue;  // Inside a span already masked.
    if (start < pos) start = pos;
    out.append(text.substr(pos, start - pos));
    out += "[" + h.type + "]";
    pos = end;
  }
  out.append(text.substr(pos));
  return out;
}

void RecordFindings(Call& call, const ScanPolicy& policy, std::string_view where,
                    const std::vector<ScanHit>& hits, size_t base) {
  for (const ScanHit& h : hits) {
    call.findings.push_back(CallFinding{std::string(where), h.kind, h.type, h.article, h.rule_id,
                                        base + h.offset, h.length,
                                        std::string(ScanActionName(policy.ActionFor(h)))});
  }
}

}  // namespace hegui::gateway
