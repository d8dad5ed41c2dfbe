#include "assess/facts.h"

#include <algorithm>
#include <functional>

namespace hegui::assess {
namespace {

const std::vector<std::string> kKeySectors = {"finance",  "energy",          "transport",   "water",
                                              "telecoms", "public_services", "e_government"};

// Personal information of more individuals than this is "large volume" (a
// hegui policy threshold, not a statutory figure; docs/profile.md).
constexpr int64_t kLargeScaleSubjects = 1'000'000;

bool IsPersonal(const ProfileNode& item) {
  auto c = item.Text("category");
  return c && (*c == "personal" || *c == "sensitive_personal");
}
bool IsPersonalOrImportant(const ProfileNode& item) {
  auto c = item.Text("category");
  return c && *c != "general";
}
bool Contains(const std::vector<std::string>* list, std::string_view v) {
  return list != nullptr && std::find(list->begin(), list->end(), v) != list->end();
}
bool ContainsAny(const std::vector<std::string>* list, const std::vector<std::string>& values) {
  if (list == nullptr) return false;
  for (const auto& v : values) {
    if (Contains(list, v)) return true;
  }
  return false;
}
std::string Name(const ProfileNode& item) { return item.Text("name").value_or("?"); }

Fact Known(bool v, std::string reason) {
  return Fact{v ? Truth::kTrue : Truth::kFalse, std::move(reason)};
}
Fact Unknown(std::string reason) { return Fact{Truth::kUnknown, std::move(reason)}; }

// Counts list items for which `test` is kTrue (a failure); unknown when no
// failure was found but some item could not be decided.
DerivedCount Count(const std::vector<ProfileNode>& items, bool list_answered,
                   const std::function<bool(const ProfileNode&)>& relevant,
                   const std::function<Truth(const ProfileNode&)>& fails) {
  DerivedCount out;
  if (!list_answered) return out;
  int64_t failures = 0;
  bool unknown = false;
  for (const ProfileNode& item : items) {
    if (!relevant(item)) continue;
    Truth t = fails(item);
    if (t == Truth::kTrue) {
      ++failures;
      out.items.push_back(Name(item));
    } else if (t == Truth::kUnknown) {
      unknown = true;
    }
  }
  if (failures > 0 || !unknown) out.value = failures;
  return out;
}

Truth FromOptional(std::optional<bool> b) {
  if (!b) return Truth::kUnknown;
  return *b ? Truth::kTrue : Truth::kFalse;
}

// "none" (any case) or empty text means there is no path.
Truth NoPath(const ProfileNode& item, std::string_view field) {
  auto t = item.Text(field);
  if (!t) return Truth::kUnknown;
  std::string lower = *t;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return (lower.empty() || lower == "none") ? Truth::kTrue : Truth::kFalse;
}

}  // namespace

std::string_view TruthName(Truth t) {
  switch (t) {
    case Truth::kFalse:
      return "false";
    case Truth::kTrue:
      return "true";
    case Truth::kUnknown:
      return "unknown";
  }
  return "?";
}

Truth And(Truth a, Truth b) {
  if (a == Truth::kFalse || b == Truth::kFalse) return Truth::kFalse;
  if (a == Truth::kUnknown || b == Truth::kUnknown) return Truth::kUnknown;
  return Truth::kTrue;
}
Truth Or(Truth a, Truth b) {
  if (a == Truth::kTrue || b == Truth::kTrue) return Truth::kTrue;
  if (a == Truth::kUnknown || b == Truth::kUnknown) return Truth::kUnknown;
  return Truth::kFalse;
}
Truth Not(Truth a) {
  if (a == Truth::kUnknown) return a;
  return a == Truth::kTrue ? Truth::kFalse : Truth::kTrue;
}

const Fact& FactSet::Get(std::string_view name) const {
  static const Fact kUnlisted{Truth::kUnknown, "not a known fact"};
  auto it = facts_.find(std::string(name));
  return it == facts_.end() ? kUnlisted : it->second;
}

const DerivedCount* FactSet::Derived(std::string_view name) const {
  auto it = derived_.find(std::string(name));
  return it == derived_.end() ? nullptr : &it->second;
}

const std::vector<std::pair<std::string, std::string>>& FactNames() {
  static const std::vector<std::pair<std::string, std::string>> kNames = {
      {"everyone", "always true: duties of every person and organisation"},
      {"network_operator", "always true: the project builds, runs or serves through a network"},
      {"internal_only", "deployment.exposure is internal"},
      {"external_facing", "deployment.exposure is partners or public"},
      {"public_facing", "deployment.exposure is public"},
      {"processes_personal_info", "some data item is personal or sensitive_personal"},
      {"processes_sensitive_personal_info", "some data item is sensitive_personal"},
      {"processes_important_data", "some data item is important"},
      {"personal_info_beyond_employees",
       "some personal data item concerns customers, the public or minors"},
      {"large_scale_personal_info", "users.personal_info_subjects >= 1,000,000"},
      {"cross_border",
       "data is stored overseas or leaves China, the system runs overseas, or an overseas vendor "
       "receives personal information"},
      {"cii_operator", "sector.cii_designated is true"},
      {"serves_cii_customers", "sector.serves_cii_customers is true"},
      {"key_sector",
       "sector.industry or a sector.customer_sectors entry is finance, energy, transport, water, "
       "telecoms, public_services or e_government"},
      {"cii_adjacent", "cii_operator or serves_cii_customers or key_sector"},
      {"product_or_service_provider", "external_facing or service.provided_to_others"},
      {"generates_content", "service.kinds includes generative_ai or rag"},
      {"content_service",
       "external_facing and service.kinds includes generative_ai, rag, recommender, "
       "customer_service, messaging, information_publication or search"},
      {"identity_verification_service",
       "service.kinds includes messaging, information_publication or network_access, or the "
       "service is public_facing and conversational (generative_ai, rag, customer_service)"},
      {"e_information_or_app_provider", "service.kinds includes e_information or app_distribution"},
      {"critical_equipment_provider", "service.critical_network_equipment is true"},
      {"security_information_publisher",
       "security.publishes_security_info is true or service.kinds includes security_testing"},
      {"under_rectification_order", "governance.rectification_order is true"},
      {"uses_vendors", "the vendors list is not empty"},
  };
  return kNames;
}

const std::vector<std::pair<std::string, std::string>>& DerivedNames() {
  static const std::vector<std::pair<std::string, std::string>> kNames = {
      {"pi_items_without_consent", "personal data items whose consent is false"},
      {"unnecessary_pi_items", "personal data items whose necessary is false"},
      {"pi_items_without_deletion", "personal data items whose deletion is 'none'"},
      {"pi_items_without_correction", "personal data items whose correction is 'none'"},
      {"pi_items_shared_without_consent",
       "personal data items shared with third parties without consent"},
      {"pi_or_important_stored_overseas",
       "personal or important data items stored overseas (stored_in: overseas)"},
      {"outbound_items_without_assessment",
       "personal or important data items that leave China without a transfer assessment"},
      {"vendors_without_confidentiality", "vendors without a confidentiality agreement"},
      {"vendors_without_security_review", "vendors whose security_review is pending or failed"},
  };
  return kNames;
}

FactSet DeriveFacts(const Profile& p) {
  FactSet fs;
  auto& f = fs.facts_;
  f["everyone"] = Known(true, "duties of every person and organisation");
  f["network_operator"] = Known(true, "the project builds, runs or serves through a network");

  auto exposure = p.Text("deployment.exposure");
  if (exposure) {
    f["internal_only"] = Known(*exposure == "internal", "deployment.exposure is " + *exposure);
    f["external_facing"] = Known(*exposure != "internal", "deployment.exposure is " + *exposure);
    f["public_facing"] = Known(*exposure == "public", "deployment.exposure is " + *exposure);
  } else {
    for (const char* n : {"internal_only", "external_facing", "public_facing"}) {
      f[n] = Unknown("deployment.exposure is unanswered");
    }
  }

  // Data map.
  const bool data_answered = p.Find("data") != nullptr;
  const auto& data = p.Items("data");
  auto any_item = [&](const std::function<bool(const ProfileNode&)>& pred, const std::string& what,
                      const std::string& none_reason) {
    if (!data_answered) return Unknown("the data map (data) is unanswered");
    for (const ProfileNode& item : data) {
      if (pred(item)) return Known(true, "data item '" + Name(item) + "' is " + what);
    }
    return Known(false, none_reason);
  };
  f["processes_personal_info"] =
      any_item(IsPersonal, "personal information", "no data item is personal information");
  f["processes_sensitive_personal_info"] =
      any_item([](const ProfileNode& i) { return i.Text("category") == "sensitive_personal"; },
               "sensitive personal information", "no data item is sensitive personal information");
  f["processes_important_data"] =
      any_item([](const ProfileNode& i) { return i.Text("category") == "important"; },
               "important data", "no data item is important data");

  {
    Fact beyond = Known(false, "personal information concerns employees only");
    if (f["processes_personal_info"].value == Truth::kFalse) {
      beyond = Known(false, "no personal information is processed");
    } else if (!data_answered) {
      beyond = Unknown("the data map (data) is unanswered");
    } else {
      for (const ProfileNode& item : data) {
        if (!IsPersonal(item)) continue;
        const auto* subjects = item.List("subjects");
        if (subjects == nullptr) {
          if (beyond.value == Truth::kFalse) {
            beyond = Unknown("data item '" + Name(item) + "': subjects is unanswered");
          }
        } else if (ContainsAny(subjects, {"customers", "public", "minors"})) {
          beyond =
              Known(true, "data item '" + Name(item) + "' concerns people outside the company");
          break;
        }
      }
    }
    f["personal_info_beyond_employees"] = beyond;
  }

  {
    auto subjects = p.Int("users.personal_info_subjects");
    Fact large;
    if (f["processes_personal_info"].value == Truth::kFalse) {
      large = Known(false, "no personal information is processed");
    } else if (subjects) {
      large =
          Known(*subjects >= kLargeScaleSubjects,
                "users.personal_info_subjects is " + std::to_string(*subjects) +
                    (*subjects >= kLargeScaleSubjects ? " (at least " : " (below ") + "1,000,000)");
    } else {
      large = Unknown("users.personal_info_subjects is unanswered");
    }
    f["large_scale_personal_info"] = large;
  }

  {
    Fact cb = Known(false, "data is stored in China and does not leave it");
    auto region = p.Text("deployment.region");
    bool unknown = false;
    std::string unknown_reason;
    if (region && *region != "cn") {
      cb = Known(true, "deployment.region is " + *region);
    } else if (!region) {
      unknown = true;
      unknown_reason = "deployment.region is unanswered";
    }
    if (cb.value != Truth::kTrue) {
      if (!data_answered) {
        unknown = true;
        unknown_reason = "the data map (data) is unanswered";
      }
      for (const ProfileNode& item : data) {
        if (item.Bool("leaves_china") == true) {
          cb = Known(true, "data item '" + Name(item) + "' leaves China");
          break;
        }
        if (item.Text("stored_in") == "overseas") {
          cb = Known(true, "data item '" + Name(item) + "' is stored overseas");
          break;
        }
        if (!item.Bool("leaves_china") || !item.Text("stored_in")) {
          unknown = true;
          unknown_reason =
              "data item '" + Name(item) + "': stored_in or leaves_china is unanswered";
        }
      }
    }
    if (cb.value != Truth::kTrue) {
      for (const ProfileNode& v : p.Items("vendors")) {
        if (v.Text("region") == "overseas" && v.Bool("processes_personal_info") == true) {
          cb =
              Known(true, "vendor '" + Name(v) + "' is overseas and receives personal information");
          break;
        }
      }
    }
    if (cb.value != Truth::kTrue && unknown) cb = Unknown(unknown_reason);
    f["cross_border"] = cb;
  }

  auto flag = [&](const char* fact, const char* path) {
    auto b = p.Bool(path);
    f[fact] = b ? Known(*b, std::string(path) + " is " + (*b ? "true" : "false"))
                : Unknown(std::string(path) + " is unanswered");
  };
  flag("cii_operator", "sector.cii_designated");
  flag("serves_cii_customers", "sector.serves_cii_customers");
  flag("critical_equipment_provider", "service.critical_network_equipment");
  flag("under_rectification_order", "governance.rectification_order");

  {
    auto industry = p.Text("sector.industry");
    const auto* customers = p.List("sector.customer_sectors");
    Fact key = Known(false, "no key sector is involved");
    if (industry &&
        std::find(kKeySectors.begin(), kKeySectors.end(), *industry) != kKeySectors.end()) {
      key = Known(true, "sector.industry is " + *industry);
    } else if (customers != nullptr && ContainsAny(customers, kKeySectors)) {
      for (const auto& s : *customers) {
        if (std::find(kKeySectors.begin(), kKeySectors.end(), s) != kKeySectors.end()) {
          key = Known(true, "it serves customers in " + s);
          break;
        }
      }
    } else if (!industry) {
      key = Unknown("sector.industry is unanswered");
    }
    f["key_sector"] = key;
  }
  {
    Truth t =
        Or(Or(f["cii_operator"].value, f["serves_cii_customers"].value), f["key_sector"].value);
    std::string reason;
    for (const char* n : {"cii_operator", "serves_cii_customers", "key_sector"}) {
      if (f[n].value == t) {
        reason = f[n].reason;
        break;
      }
    }
    f["cii_adjacent"] = Fact{t, reason};
  }

  const auto* kinds = p.List("service.kinds");
  auto kinds_fact = [&](const std::vector<std::string>& wanted, const std::string& what) {
    if (kinds == nullptr) return Unknown("service.kinds is unanswered");
    for (const auto& k : wanted) {
      if (Contains(kinds, k)) return Known(true, "service.kinds includes " + k);
    }
    return Known(false, "service.kinds includes no " + what);
  };
  f["generates_content"] = kinds_fact({"generative_ai", "rag"}, "content generation");
  {
    Fact provided;
    auto to_others = p.Bool("service.provided_to_others");
    if (f["external_facing"].value == Truth::kTrue) {
      provided = f["external_facing"];
    } else if (to_others == true) {
      provided = Known(true, "service.provided_to_others is true");
    } else if (to_others == false && f["external_facing"].value == Truth::kFalse) {
      provided = Known(false, "internal use only and not provided to others");
    } else {
      provided = Unknown(to_others ? f["external_facing"].reason
                                   : "service.provided_to_others is unanswered");
    }
    f["product_or_service_provider"] = provided;
  }
  {
    Fact interactive = kinds_fact({"generative_ai", "rag", "recommender", "customer_service",
                                   "messaging", "information_publication", "search"},
                                  "content or interaction service");
    Truth t = And(f["external_facing"].value, interactive.value);
    std::string reason =
        t == Truth::kTrue
            ? interactive.reason + " and " + f["external_facing"].reason
            : (f["external_facing"].value != Truth::kTrue ? f["external_facing"].reason
                                                          : interactive.reason);
    f["content_service"] = Fact{t, reason};
  }
  {
    Fact direct = kinds_fact({"messaging", "information_publication", "network_access"},
                             "messaging, publication or access service");
    Fact conversational =
        kinds_fact({"generative_ai", "rag", "customer_service"}, "conversational service");
    Truth public_conv = And(f["public_facing"].value, conversational.value);
    Truth t = Or(direct.value, public_conv);
    std::string reason;
    if (direct.value == Truth::kTrue) {
      reason = direct.reason;
    } else if (public_conv == Truth::kTrue) {
      reason = "a public conversational service (" + conversational.reason +
               ") is treated as an information-publication service";
    } else {
      reason = direct.value == Truth::kUnknown            ? direct.reason
               : f["public_facing"].value != Truth::kTrue ? f["public_facing"].reason
                                                          : conversational.reason;
    }
    f["identity_verification_service"] = Fact{t, reason};
  }
  f["e_information_or_app_provider"] =
      kinds_fact({"e_information", "app_distribution"}, "e-information or app distribution");
  {
    auto publishes = p.Bool("security.publishes_security_info");
    Fact testing = kinds_fact({"security_testing"}, "security testing");
    if (publishes == true) {
      f["security_information_publisher"] = Known(true, "security.publishes_security_info is true");
    } else if (testing.value == Truth::kTrue) {
      f["security_information_publisher"] = testing;
    } else if (publishes == false && testing.value == Truth::kFalse) {
      f["security_information_publisher"] =
          Known(false, "it publishes no security information and does no security testing");
    } else {
      f["security_information_publisher"] =
          Unknown(publishes ? testing.reason : "security.publishes_security_info is unanswered");
    }
  }
  {
    const bool answered = p.Find("vendors") != nullptr;
    const auto& vendors = p.Items("vendors");
    f["uses_vendors"] =
        answered ? Known(!vendors.empty(), std::to_string(vendors.size()) + " vendor(s) listed")
                 : Unknown("vendors is unanswered");
  }

  // Derived counts.
  auto& d = fs.derived_;
  d["pi_items_without_consent"] = Count(data, data_answered, IsPersonal, [](const ProfileNode& i) {
    return Not(FromOptional(i.Bool("consent")));
  });
  d["unnecessary_pi_items"] = Count(data, data_answered, IsPersonal, [](const ProfileNode& i) {
    return Not(FromOptional(i.Bool("necessary")));
  });
  d["pi_items_without_deletion"] = Count(
      data, data_answered, IsPersonal, [](const ProfileNode& i) { return NoPath(i, "deletion"); });
  d["pi_items_without_correction"] =
      Count(data, data_answered, IsPersonal,
            [](const ProfileNode& i) { return NoPath(i, "correction"); });
  d["pi_items_shared_without_consent"] =
      Count(data, data_answered, IsPersonal, [](const ProfileNode& i) {
        return And(FromOptional(i.Bool("shared_with_third_parties")),
                   Not(FromOptional(i.Bool("consent"))));
      });
  d["pi_or_important_stored_overseas"] =
      Count(data, data_answered, IsPersonalOrImportant, [](const ProfileNode& i) {
        auto s = i.Text("stored_in");
        if (!s) return Truth::kUnknown;
        return *s == "overseas" ? Truth::kTrue : Truth::kFalse;
      });
  d["outbound_items_without_assessment"] =
      Count(data, data_answered, IsPersonalOrImportant, [](const ProfileNode& i) {
        Truth leaves = Or(FromOptional(i.Bool("leaves_china")),
                          i.Text("stored_in")
                              ? (i.Text("stored_in") == "overseas" ? Truth::kTrue : Truth::kFalse)
                              : Truth::kUnknown);
        return And(leaves, Not(FromOptional(i.Bool("transfer_assessment"))));
      });
  const bool vendors_answered = p.Find("vendors") != nullptr;
  const auto& vendors = p.Items("vendors");
  auto all = [](const ProfileNode&) { return true; };
  d["vendors_without_confidentiality"] =
      Count(vendors, vendors_answered, all, [](const ProfileNode& v) {
        return Not(FromOptional(v.Bool("contract.confidentiality_agreement")));
      });
  d["vendors_without_security_review"] =
      Count(vendors, vendors_answered, all, [](const ProfileNode& v) {
        auto r = v.Text("security_review");
        if (!r) return Truth::kUnknown;
        return (*r == "pending" || *r == "failed") ? Truth::kTrue : Truth::kFalse;
      });
  return fs;
}

}  // namespace hegui::assess
