// Facts: the named, three-valued statements about a project that obligation
// triggers are written over (docs/profile.md, "Fact vocabulary"), and the
// derived counts evidence checks can read ("derived.<name>").
//
// A fact is true, false or unknown (its inputs are unanswered); each carries
// the reason it has its value, phrased for a report. DeriveFacts() is a pure
// function of the profile; the result is immutable and thread-safe to read.
//
// Example:
//   FactSet facts = DeriveFacts(profile);
//   if (facts.Get("cii_operator").value == Truth::kTrue) ...
#ifndef HEGUI_ASSESS_FACTS_H_
#define HEGUI_ASSESS_FACTS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assess/profile.h"

namespace hegui::assess {

enum class Truth { kFalse, kTrue, kUnknown };
std::string_view TruthName(Truth t);  // "false", "true", "unknown"

struct Fact {
  Truth value = Truth::kUnknown;
  std::string reason;  // why it has this value, e.g. "deployment.exposure is public"
};

// A derived count; nullopt when it cannot be known (inputs unanswered and no
// definite failure found).
struct DerivedCount {
  std::optional<int64_t> value;
  std::vector<std::string> items;  // names of the data items / vendors counted
};

class FactSet {
 public:
  // Every name in FactNames() is present. Get() of an unlisted name returns an
  // unknown fact whose reason says so.
  const Fact& Get(std::string_view name) const;
  const DerivedCount* Derived(std::string_view name) const;  // nullptr if not a derived name
  const std::map<std::string, Fact>& facts() const { return facts_; }
  const std::map<std::string, DerivedCount>& derived() const { return derived_; }

 private:
  friend FactSet DeriveFacts(const Profile& profile);
  std::map<std::string, Fact> facts_;
  std::map<std::string, DerivedCount> derived_;
};

FactSet DeriveFacts(const Profile& profile);

// The fact vocabulary and the derived-count vocabulary, with one line each.
const std::vector<std::pair<std::string, std::string>>& FactNames();
const std::vector<std::pair<std::string, std::string>>& DerivedNames();

// Kleene logic helpers.
Truth And(Truth a, Truth b);
Truth Or(Truth a, Truth b);
Truth Not(Truth a);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_FACTS_H_
