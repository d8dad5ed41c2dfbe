// One obligation of the Cybersecurity Law as data: who it binds, when it
// applies to a project, the controls that satisfy it and the evidence that
// proves each control (data/obligations/csl.yaml, docs/obligations.md).
//
// The law module knows nothing of project profiles: trigger conditions name
// facts (strings such as "cii_operator") and evidence checks name profile
// paths (such as "security.log_retention_days"); assess/ derives the facts,
// resolves the paths and validates both names against its vocabulary.
//
// Invariant (kept by ObligationCatalogue): ids are unique and follow the id
// rule; article/paragraph/item agree with the id; every control has at least
// one evidence check. Values are plain data: copyable, immutable once loaded,
// safe to read from many threads.
#ifndef HEGUI_LAW_OBLIGATION_H_
#define HEGUI_LAW_OBLIGATION_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status_or.h"
#include "law/article_id.h"

namespace hegui::law {

// "CSL-23-3": CSL-<article> for a whole article, CSL-<article>-<n> for
// paragraph n, except Articles 23 and 36 where n is the numbered item.
class ObligationId {
 public:
  ObligationId() = default;
  explicit ObligationId(std::string id) : id_(std::move(id)) {}
  const std::string& str() const { return id_; }
  // Orders by article, then by the trailing number, so CSL-9 < CSL-10.
  std::strong_ordering operator<=>(const ObligationId& other) const;
  bool operator==(const ObligationId& other) const { return id_ == other.id_; }

 private:
  std::string id_;
};

// The class of person an obligation is addressed to.
enum class Addressee {
  kNetworkOperator,
  kCiiOperator,
  kProductServiceProvider,
  kPublicationOrMessagingService,
  kEInformationOrAppProvider,
  kEveryone,
};
std::string_view AddresseeName(Addressee a);   // "network_operator", ...
std::string_view AddresseeLabel(Addressee a);  // "network operator", ...

// A boolean formula over named facts: true when every fact in `all` holds, at
// least one in `any` holds (if `any` is non-empty) and none in `none` holds.
// An empty condition always holds.
struct FactCondition {
  std::vector<std::string> all;
  std::vector<std::string> any;
  std::vector<std::string> none;
  bool empty() const { return all.empty() && any.empty() && none.empty(); }
};

enum class CheckOp {
  kEq,           // path == value
  kNe,           // path != value
  kGe,           // path >= number
  kLe,           // path <= number
  kGt,           // path > number
  kLt,           // path < number
  kIn,           // scalar path is one of [a, b]
  kContainsAll,  // list path contains every one of [a, b]
  kIsSet,        // path is answered (present and not null)
};
std::string_view CheckOpName(CheckOp op);

// The right-hand side of a check: a boolean, an integer, a word or a list of
// words, exactly one of them (by `kind`).
struct CheckValue {
  enum class Kind { kNone, kBool, kInt, kWord, kList };
  Kind kind = Kind::kNone;
  bool boolean = false;
  int64_t integer = 0;
  std::string word;
  std::vector<std::string> list;
};

// "security.log_retention_days >= 180", parsed. `text` keeps the source form
// for reports.
struct EvidenceCheck {
  std::string text;
  std::string path;
  CheckOp op = CheckOp::kIsSet;
  CheckValue value;
};

struct Control {
  std::string id;  // unique within its obligation, e.g. "log-retention"
  std::string title;
  FactCondition applies_when;  // empty: whenever the obligation applies
  std::vector<EvidenceCheck> evidence;
  std::string advice;
};

struct Obligation {
  ObligationId id;
  ArticleId article;
  std::optional<int> paragraph;  // absent: the whole article
  std::optional<int> item;       // of `paragraph` (1 when absent)
  std::string title;
  std::string summary;
  Addressee binds = Addressee::kNetworkOperator;
  std::string area;  // one of ObligationAreas()
  FactCondition applies_when;
  std::vector<Control> controls;

  // The provision cited: Art. 23 item 3 of paragraph 1 is {23, 1, 3}.
  ProvisionRef provision() const;
  // ProvisionRef::ToString(): "Art. 23(3)", "Art. 24 para 2", "Art. 27".
  std::string Citation() const { return provision().ToString(); }
};

// The areas reports group obligations and exposure by, in display order.
const std::vector<std::string>& ObligationAreas();
std::string_view AreaLabel(
    std::string_view area);  // "logging_monitoring" -> "Logging & monitoring"

// Parses "path op value" (grammar in docs/obligations.md); InvalidArgument
// names what is wrong with the text.
StatusOr<EvidenceCheck> ParseEvidenceCheck(std::string_view text);

}  // namespace hegui::law

#endif  // HEGUI_LAW_OBLIGATION_H_
