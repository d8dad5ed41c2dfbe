#include "assess/evaluation.h"

#include <algorithm>

#include "assess/profile_schema.h"

namespace hegui::assess {
namespace {

using law::CheckOp;
using law::CheckValue;

ControlStatus FromBool(bool ok) { return ok ? ControlStatus::kMet : ControlStatus::kGap; }

bool CompareInt(int64_t lhs, CheckOp op, int64_t rhs) {
  switch (op) {
    case CheckOp::kEq:
      return lhs == rhs;
    case CheckOp::kNe:
      return lhs != rhs;
    case CheckOp::kGe:
      return lhs >= rhs;
    case CheckOp::kLe:
      return lhs <= rhs;
    case CheckOp::kGt:
      return lhs > rhs;
    case CheckOp::kLt:
      return lhs < rhs;
    default:
      return false;
  }
}

std::string JoinList(const std::vector<std::string>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
  return s + "]";
}

bool KnownFact(const std::string& name) {
  for (const auto& [n, doc] : FactNames()) {
    if (n == name) return true;
  }
  return false;
}

Status CheckCondition(const law::FactCondition& c, const std::string& where) {
  for (const auto* list : {&c.all, &c.any, &c.none}) {
    for (const std::string& f : *list) {
      if (!KnownFact(f)) return InvalidArgumentError(where + ": unknown fact '" + f + "'");
    }
  }
  return OkStatus();
}

Status CheckVocabulary(const law::EvidenceCheck& check, const std::string& where) {
  const std::string w = where + ": check '" + check.text + "'";
  if (check.path.rfind("derived.", 0) == 0) {
    const std::string name = check.path.substr(8);
    bool known = std::any_of(DerivedNames().begin(), DerivedNames().end(),
                             [&](const auto& p) { return p.first == name; });
    if (!known) return InvalidArgumentError(w + ": unknown derived count '" + name + "'");
    if (check.value.kind != CheckValue::Kind::kInt) {
      return InvalidArgumentError(w + ": a derived count compares with an integer");
    }
    return OkStatus();
  }
  // Walk the path; checks cannot reach inside lists of items.
  const FieldSpec* spec = &ProfileSchema();
  std::string_view rest = check.path;
  while (!rest.empty()) {
    if (spec->kind == FieldKind::kObjectList) {
      return InvalidArgumentError(w + ": cannot look inside the list '" + spec->name +
                                  "' (use a derived count)");
    }
    size_t dot = rest.find('.');
    spec = spec->Child(rest.substr(0, dot));
    if (spec == nullptr) return InvalidArgumentError(w + ": no profile field '" + check.path + "'");
    rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
  }
  if (check.op == CheckOp::kIsSet) return OkStatus();
  const auto k = check.value.kind;
  bool fits = false;
  switch (spec->kind) {
    case FieldKind::kBool:
      fits = (check.op == CheckOp::kEq || check.op == CheckOp::kNe) && k == CheckValue::Kind::kBool;
      break;
    case FieldKind::kInt:
      fits = k == CheckValue::Kind::kInt && check.op != CheckOp::kIn &&
             check.op != CheckOp::kContainsAll;
      break;
    case FieldKind::kText:
    case FieldKind::kEnum:
      fits = ((check.op == CheckOp::kEq || check.op == CheckOp::kNe) &&
              k == CheckValue::Kind::kWord) ||
             (check.op == CheckOp::kIn && k == CheckValue::Kind::kList);
      break;
    case FieldKind::kEnumList:
      fits = check.op == CheckOp::kContainsAll && k == CheckValue::Kind::kList;
      break;
    default:
      fits = false;
  }
  if (!fits) {
    return InvalidArgumentError(w + ": operator/value do not fit a field of " +
                                DescribeExpected(*spec));
  }
  if (!spec->values.empty()) {
    std::vector<std::string> words =
        k == CheckValue::Kind::kList ? check.value.list : std::vector{check.value.word};
    for (const auto& word : words) {
      if (std::find(spec->values.begin(), spec->values.end(), word) == spec->values.end()) {
        return InvalidArgumentError(w + ": '" + word + "' is not a value of the field (" +
                                    DescribeExpected(*spec) + ")");
      }
    }
  }
  return OkStatus();
}

}  // namespace

std::string_view ControlStatusName(ControlStatus s) {
  switch (s) {
    case ControlStatus::kMet:
      return "met";
    case ControlStatus::kGap:
      return "gap";
    case ControlStatus::kUnknown:
      return "unknown";
  }
  return "?";
}

Truth EvaluateCondition(const law::FactCondition& c, const FactSet& facts,
                        std::vector<std::string>* why) {
  // Each fact's contribution: (its effective truth in the formula, reason).
  std::vector<std::pair<Truth, std::string>> parts;
  Truth result = Truth::kTrue;
  for (const auto& name : c.all) {
    const Fact& f = facts.Get(name);
    result = And(result, f.value);
    parts.emplace_back(f.value, name + ": " + f.reason);
  }
  if (!c.any.empty()) {
    Truth any = Truth::kFalse;
    std::vector<std::pair<Truth, std::string>> any_parts;
    for (const auto& name : c.any) {
      const Fact& f = facts.Get(name);
      any = Or(any, f.value);
      any_parts.emplace_back(f.value, name + ": " + f.reason);
    }
    result = And(result, any);
    for (auto& p : any_parts) {
      if (p.first == any) {
        parts.push_back(std::move(p));
        break;
      }
    }
  }
  for (const auto& name : c.none) {
    const Fact& f = facts.Get(name);
    result = And(result, Not(f.value));
    parts.emplace_back(Not(f.value), "not " + name + ": " + f.reason);
  }
  if (why != nullptr) {
    // When the trigger fails, only the failing facts explain why.
    for (auto& [truth, text] : parts) {
      if (result != Truth::kFalse || truth == Truth::kFalse) why->push_back(std::move(text));
    }
  }
  return result;
}

CheckResult EvaluateCheck(const law::EvidenceCheck& check, const Profile& profile,
                          const FactSet& facts) {
  CheckResult r;
  r.check = check.text;
  const CheckValue& v = check.value;
  if (check.path.rfind("derived.", 0) == 0) {
    const DerivedCount* d = facts.Derived(check.path.substr(8));
    if (d == nullptr || !d->value) {
      r.observed = "unknown (inputs unanswered)";
      return r;
    }
    r.observed = std::to_string(*d->value);
    if (!d->items.empty()) r.observed += " " + JoinList(d->items);
    r.status = FromBool(CompareInt(*d->value, check.op, v.integer));
    return r;
  }
  const ProfileNode* node = profile.Find(check.path);
  if (node == nullptr) {
    r.observed = "unanswered";
    return r;
  }
  switch (node->kind) {
    case ProfileNode::Kind::kBool:
      r.observed = node->boolean ? "true" : "false";
      break;
    case ProfileNode::Kind::kInt:
      r.observed = std::to_string(node->integer);
      break;
    case ProfileNode::Kind::kText:
      r.observed = node->text;
      break;
    case ProfileNode::Kind::kList:
      r.observed = JoinList(node->list);
      break;
    default:
      r.observed = "(section)";
  }
  if (check.op == CheckOp::kIsSet) {
    r.status = ControlStatus::kMet;
    return r;
  }
  switch (node->kind) {
    case ProfileNode::Kind::kBool:
      if (v.kind == CheckValue::Kind::kBool &&
          (check.op == CheckOp::kEq || check.op == CheckOp::kNe)) {
        r.status = FromBool((node->boolean == v.boolean) == (check.op == CheckOp::kEq));
      }
      break;
    case ProfileNode::Kind::kInt:
      if (v.kind == CheckValue::Kind::kInt)
        r.status = FromBool(CompareInt(node->integer, check.op, v.integer));
      break;
    case ProfileNode::Kind::kText:
      if (check.op == CheckOp::kIn) {
        r.status = FromBool(std::find(v.list.begin(), v.list.end(), node->text) != v.list.end());
      } else if (check.op == CheckOp::kEq || check.op == CheckOp::kNe) {
        r.status = FromBool((node->text == v.word) == (check.op == CheckOp::kEq));
      }
      break;
    case ProfileNode::Kind::kList:
      if (check.op == CheckOp::kContainsAll) {
        std::vector<std::string> missing;
        for (const auto& want : v.list) {
          if (std::find(node->list.begin(), node->list.end(), want) == node->list.end()) {
            missing.push_back(want);
          }
        }
        r.status = FromBool(missing.empty());
        if (!missing.empty()) r.observed += "; missing " + JoinList(missing);
      }
      break;
    default:
      break;
  }
  return r;
}

std::vector<ObligationResult> EvaluateObligations(const law::ObligationCatalogue& catalogue,
                                                  const Profile& profile, const FactSet& facts) {
  std::vector<ObligationResult> results;
  for (const law::Obligation& o : catalogue.obligations()) {
    ObligationResult r;
    r.obligation = &o;
    r.applies = EvaluateCondition(o.applies_when, facts, &r.why);
    if (r.applies != Truth::kFalse) {
      bool any_gap = false, any_unknown = false;
      for (const law::Control& c : o.controls) {
        if (!c.applies_when.empty() &&
            EvaluateCondition(c.applies_when, facts, nullptr) == Truth::kFalse) {
          continue;
        }
        ControlResult cr;
        cr.control = &c;
        bool gap = false, unknown = false;
        for (const law::EvidenceCheck& check : c.evidence) {
          cr.checks.push_back(EvaluateCheck(check, profile, facts));
          gap |= cr.checks.back().status == ControlStatus::kGap;
          unknown |= cr.checks.back().status == ControlStatus::kUnknown;
        }
        cr.status = gap       ? ControlStatus::kGap
                    : unknown ? ControlStatus::kUnknown
                              : ControlStatus::kMet;
        any_gap |= gap;
        any_unknown |= cr.status == ControlStatus::kUnknown;
        r.controls.push_back(std::move(cr));
      }
      r.status = any_gap       ? ControlStatus::kGap
                 : any_unknown ? ControlStatus::kUnknown
                               : ControlStatus::kMet;
    }
    results.push_back(std::move(r));
  }
  return results;
}

Status ValidateCatalogueVocabulary(const law::ObligationCatalogue& catalogue) {
  for (const law::Obligation& o : catalogue.obligations()) {
    const std::string& id = o.id.str();
    HEGUI_RETURN_IF_ERROR(CheckCondition(o.applies_when, id));
    for (const law::Control& c : o.controls) {
      HEGUI_RETURN_IF_ERROR(CheckCondition(c.applies_when, id + "/" + c.id));
      for (const law::EvidenceCheck& check : c.evidence) {
        HEGUI_RETURN_IF_ERROR(CheckVocabulary(check, id + "/" + c.id));
      }
    }
  }
  return OkStatus();
}

}  // namespace hegui::assess
