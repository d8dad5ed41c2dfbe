#include "law/obligation.h"

#include <cctype>
#include <charconv>

namespace hegui::law {
namespace {

// Splits "CSL-23-3" into its numbers; missing parts are -1.
void IdNumbers(const std::string& id, int* article, int* sub) {
  *article = -1;
  *sub = -1;
  if (id.rfind("CSL-", 0) != 0) return;
  const char* p = id.data() + 4;
  const char* end = id.data() + id.size();
  auto r = std::from_chars(p, end, *article);
  if (r.ec != std::errc() || r.ptr == end || *r.ptr != '-') return;
  std::from_chars(r.ptr + 1, end, *sub);
}

bool IsPathChar(char c) {
  return std::islower(static_cast<unsigned char>(c)) ||
         std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

bool IsWord(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
  }
  return true;
}

}  // namespace

std::strong_ordering ObligationId::operator<=>(const ObligationId& other) const {
  int a1, s1, a2, s2;
  IdNumbers(id_, &a1, &s1);
  IdNumbers(other.id_, &a2, &s2);
  if (auto c = a1 <=> a2; c != 0) return c;
  if (auto c = s1 <=> s2; c != 0) return c;
  return id_ <=> other.id_;
}

std::string_view AddresseeName(Addressee a) {
  switch (a) {
    case Addressee::kNetworkOperator:
      return "network_operator";
    case Addressee::kCiiOperator:
      return "cii_operator";
    case Addressee::kProductServiceProvider:
      return "product_service_provider";
    case Addressee::kPublicationOrMessagingService:
      return "publication_or_messaging_service";
    case Addressee::kEInformationOrAppProvider:
      return "e_information_or_app_provider";
    case Addressee::kEveryone:
      return "everyone";
  }
  return "?";
}

std::string_view AddresseeLabel(Addressee a) {
  switch (a) {
    case Addressee::kNetworkOperator:
      return "network operator";
    case Addressee::kCiiOperator:
      return "CII operator";
    case Addressee::kProductServiceProvider:
      return "network product/service provider";
    case Addressee::kPublicationOrMessagingService:
      return "information-publication or messaging service";
    case Addressee::kEInformationOrAppProvider:
      return "e-information or app-download provider";
    case Addressee::kEveryone:
      return "everyone";
  }
  return "?";
}

std::string_view CheckOpName(CheckOp op) {
  switch (op) {
    case CheckOp::kEq:
      return "==";
    case CheckOp::kNe:
      return "!=";
    case CheckOp::kGe:
      return ">=";
    case CheckOp::kLe:
      return "<=";
    case CheckOp::kGt:
      return ">";
    case CheckOp::kLt:
      return "<";
    case CheckOp::kIn:
      return "in";
    case CheckOp::kContainsAll:
      return "contains_all";
    case CheckOp::kIsSet:
      return "is_set";
  }
  return "?";
}

ProvisionRef Obligation::provision() const {
  const int para = item ? paragraph.value_or(1) : paragraph.value_or(0);
  return ProvisionRef{article, para, item.value_or(0)};
}

const std::vector<std::string>& ObligationAreas() {
  static const std::vector<std::string> kAreas = {"governance",
                                                  "security_operations",
                                                  "logging_monitoring",
                                                  "incident_response",
                                                  "data_security",
                                                  "personal_information",
                                                  "content_governance",
                                                  "identity",
                                                  "critical_infrastructure",
                                                  "supply_chain"};
  return kAreas;
}

std::string_view AreaLabel(std::string_view area) {
  if (area == "governance") return "Governance";
  if (area == "security_operations") return "Security operations";
  if (area == "logging_monitoring") return "Logging & monitoring";
  if (area == "incident_response") return "Incident response";
  if (area == "data_security") return "Data security";
  if (area == "personal_information") return "Personal information";
  if (area == "content_governance") return "Content governance";
  if (area == "identity") return "Identity";
  if (area == "critical_infrastructure") return "Critical infrastructure";
  if (area == "supply_chain") return "Supply chain";
  return area;
}

StatusOr<EvidenceCheck> ParseEvidenceCheck(std::string_view text) {
  EvidenceCheck check;
  check.text = Trim(text);
  std::string_view s = check.text;
  size_t i = 0;
  while (i < s.size() && IsPathChar(s[i])) ++i;
  check.path = std::string(s.substr(0, i));
  if (check.path.empty() || check.path.front() == '.' || check.path.back() == '.' ||
      check.path.find("..") != std::string::npos) {
    return InvalidArgumentError("evidence check '" + check.text +
                                "': expected a dotted lower-case path first");
  }
  std::string rest = Trim(s.substr(i));
  static const std::pair<std::string_view, CheckOp> kOps[] = {
      {"contains_all", CheckOp::kContainsAll},
      {"is_set", CheckOp::kIsSet},
      {"==", CheckOp::kEq},
      {"!=", CheckOp::kNe},
      {">=", CheckOp::kGe},
      {"<=", CheckOp::kLe},
      {">", CheckOp::kGt},
      {"<", CheckOp::kLt},
      {"in", CheckOp::kIn}};
  bool found = false;
  for (const auto& [name, op] : kOps) {
    if (rest.rfind(name, 0) == 0) {
      check.op = op;
      rest = Trim(std::string_view(rest).substr(name.size()));
      found = true;
      break;
    }
  }
  if (!found) {
    return InvalidArgumentError("evidence check '" + check.text +
                                "': expected an operator (==, !=, >=, <=, >, <, in, contains_all, "
                                "is_set) after the path");
  }
  CheckValue& v = check.value;
  if (check.op == CheckOp::kIsSet) {
    if (!rest.empty()) {
      return InvalidArgumentError("evidence check '" + check.text + "': is_set takes no value");
    }
    return check;
  }
  if (rest.empty()) {
    return InvalidArgumentError("evidence check '" + check.text + "': missing value");
  }
  if (check.op == CheckOp::kIn || check.op == CheckOp::kContainsAll) {
    if (rest.front() != '[' || rest.back() != ']') {
      return InvalidArgumentError("evidence check '" + check.text +
                                  "': expected a list [a, b] after " +
                                  std::string(CheckOpName(check.op)));
    }
    v.kind = CheckValue::Kind::kList;
    std::string_view inner = std::string_view(rest).substr(1, rest.size() - 2);
    while (!inner.empty()) {
      size_t comma = inner.find(',');
      std::string word = Trim(inner.substr(0, comma));
      if (!IsWord(word)) {
        return InvalidArgumentError("evidence check '" + check.text + "': bad list element '" +
                                    word + "'");
      }
      v.list.push_back(word);
      if (comma == std::string_view::npos) break;
      inner = inner.substr(comma + 1);
    }
    if (v.list.empty()) {
      return InvalidArgumentError("evidence check '" + check.text + "': empty list");
    }
    return check;
  }
  bool numeric_op = check.op == CheckOp::kGe || check.op == CheckOp::kLe ||
                    check.op == CheckOp::kGt || check.op == CheckOp::kLt;
  int64_t n = 0;
  auto r = std::from_chars(rest.data(), rest.data() + rest.size(), n);
  if (r.ec == std::errc() && r.ptr == rest.data() + rest.size()) {
    v.kind = CheckValue::Kind::kInt;
    v.integer = n;
  } else if (numeric_op) {
    return InvalidArgumentError("evidence check '" + check.text +
                                "': " + std::string(CheckOpName(check.op)) + " needs an integer");
  } else if (rest == "true" || rest == "false") {
    v.kind = CheckValue::Kind::kBool;
    v.boolean = rest == "true";
  } else if (IsWord(rest)) {
    v.kind = CheckValue::Kind::kWord;
    v.word = rest;
  } else {
    return InvalidArgumentError("evidence check '" + check.text + "': bad value '" + rest + "'");
  }
  return check;
}

}  // namespace hegui::law
