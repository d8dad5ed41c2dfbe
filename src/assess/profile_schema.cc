#include "assess/profile_schema.h"

namespace hegui::assess {
namespace {

FieldSpec B(std::string name, std::string doc) {
  return FieldSpec{.name = std::move(name), .kind = FieldKind::kBool, .doc = std::move(doc)};
}
FieldSpec I(std::string name, int64_t min, int64_t max, std::string doc) {
  return FieldSpec{.name = std::move(name),
                   .kind = FieldKind::kInt,
                   .doc = std::move(doc),
                   .min = min,
                   .max = max};
}
FieldSpec T(std::string name, std::string doc, bool required = false) {
  return FieldSpec{.name = std::move(name),
                   .kind = FieldKind::kText,
                   .doc = std::move(doc),
                   .required = required};
}
FieldSpec E(std::string name, std::vector<std::string> values, std::string doc,
            bool required = false) {
  return FieldSpec{.name = std::move(name),
                   .kind = FieldKind::kEnum,
                   .doc = std::move(doc),
                   .values = std::move(values),
                   .required = required};
}
FieldSpec EL(std::string name, std::vector<std::string> values, std::string doc) {
  return FieldSpec{.name = std::move(name),
                   .kind = FieldKind::kEnumList,
                   .doc = std::move(doc),
                   .values = std::move(values)};
}
FieldSpec O(std::string name, std::string doc, std::vector<FieldSpec> children) {
  return FieldSpec{.name = std::move(name),
                   .kind = FieldKind::kObject,
                   .doc = std::move(doc),
                   .children = std::move(children)};
}
FieldSpec OL(std::string name, std::string doc, std::vector<FieldSpec> children) {
  return FieldSpec{.name = std::move(name),
                   .kind = FieldKind::kObjectList,
                   .doc = std::move(doc),
                   .children = std::move(children)};
}

const std::vector<std::string>& Sectors() {
  static const std::vector<std::string> kSectors = {
      "finance",         "energy",       "transport",     "water",     "telecoms",
      "public_services", "e_government", "healthcare",    "education", "retail",
      "e_commerce",      "internet",     "manufacturing", "other"};
  return kSectors;
}

FieldSpec BuildSchema() {
  FieldSpec root = O("", "a project profile", {});
  root.children = {
      FieldSpec{.name = "version",
                .kind = FieldKind::kInt,
                .doc = "schema version; must be 1",
                .min = 1,
                .max = 1,
                .required = true},
      O("project", "what the project is",
        {T("name", "project name", /*required=*/true), T("owner", "owning team or person"),
         T("description", "one paragraph on what it does")}),
      O("deployment", "where and how it runs",
        {E("region", {"cn", "overseas", "hybrid"}, "where the system runs"),
         T("cloud", "cloud provider and region, or on-premises"),
         E("exposure", {"internal", "partners", "public"},
           "who can reach it: staff only, business partners, or the public"),
         B("local_deployment_option",
           "a deployment option inside the customer's premises exists")}),
      O("service", "what kind of service it is",
        {EL("kinds",
            {"generative_ai", "rag", "recommender", "internal_productivity", "customer_service",
             "messaging", "information_publication", "search", "e_information", "app_distribution",
             "network_access", "security_testing"},
            "service kinds"),
         B("provided_to_others",
           "offered to other organisations as a network product or service (SaaS, API, model)"),
         B("critical_network_equipment",
           "ships critical network equipment or a specialised cybersecurity product")}),
      O("sector", "sector and critical-information-infrastructure status",
        {E("industry", Sectors(), "the operator's own sector"),
         B("cii_designated",
           "the operator is a designated CII operator and this system is part of it"),
         B("serves_cii_customers", "the system serves customers that operate CII"),
         EL("customer_sectors", Sectors(), "sectors of the customers served")}),
      O("users", "user scale",
        {I("monthly_active", 0, 10'000'000'000, "monthly active users"),
         I("personal_info_subjects", 0, 10'000'000'000,
           "number of individuals whose personal information is processed"),
         B("includes_minors", "minors use the service")}),
      OL("data", "the data map: one entry per data item",
         {T("name", "what the item is", /*required=*/true),
          E("category", {"personal", "sensitive_personal", "important", "general"}, "data category",
            /*required=*/true),
          EL("subjects", {"employees", "customers", "public", "minors"},
             "whose information it is (personal categories)"),
          EL("purposes", {"training", "inference", "logging", "analytics", "service"},
             "what it is used for"),
          B("necessary", "necessary for the service"),
          B("consent", "the individuals consented (personal categories)"),
          E("stored_in", {"cn", "overseas"}, "where it is stored"),
          T("location", "the store, e.g. 'OSS cn-shanghai'"),
          B("leaves_china", "it is transferred or accessible outside mainland China"),
          B("transfer_assessment", "an outbound-transfer security assessment was completed"),
          B("shared_with_third_parties", "it is provided to other organisations"),
          I("retention_days", 0, 36500, "how long it is kept"),
          T("deletion", "how it is deleted ('none' if it cannot be)"),
          T("correction", "how it is corrected ('none' if it cannot be)")}),
      O("security", "security controls",
        {T("owner", "the person accountable for the project's cybersecurity"),
         B("internal_rules", "written security rules and operating procedures exist"),
         I("mlps_level", 1, 5, "MLPS protection level"),
         B("mlps_filed", "MLPS grading filed with the public security organ"),
         B("access_control", "role-based access control on the system and its data"),
         B("anti_malware", "anti-malware protection"),
         B("intrusion_detection", "intrusion detection / attack prevention"),
         EL("log_coverage",
            {"model_calls", "permission_changes", "abnormal_outputs", "interface_failures",
             "data_access", "human_overrides", "security_incidents"},
            "events recorded in the logs"),
         I("log_retention_days", 0, 36500, "days network logs are kept"),
         I("vulnerability_sla_days", 0, 3650, "days within which vulnerabilities are remediated"),
         B("vulnerability_disclosure",
           "users are informed and authorities told of vulnerabilities"),
         B("incident_plan", "a written incident response plan"),
         T("incident_escalation", "how incidents are escalated (who, how fast)"),
         B("incident_reporting", "incidents are reported to the competent department"),
         I("drills_per_year", 0, 365, "incident drills per year"),
         B("data_classification", "data is classified"),
         B("backup", "important data is backed up"),
         B("disaster_recovery", "disaster-recovery backup of systems and databases"),
         B("encryption_at_rest", "stored data is encrypted"),
         B("encryption_in_transit", "network traffic is encrypted"),
         B("publishes_security_info", "the team publishes vulnerability or threat information"),
         B("security_info_rules", "such publication follows the state rules")}),
      O("cii", "duties of CII operators",
        {B("security_department", "a dedicated security management body"),
         B("background_checks", "security background checks for key positions"),
         B("training", "regular security training and skills assessment"),
         B("synchronous_security", "security planned, built and used together with the system"),
         B("annual_assessment", "a yearly security inspection and risk assessment"),
         B("assessment_reported", "results reported to the protection department")}),
      O("identity", "user identity",
        {E("verification", {"none", "phone", "id_document", "enterprise_sso"},
           "how users' real identity is verified"),
         B("blocks_unverified", "unverified users are refused the service")}),
      O("content", "content governance",
        {B("acceptable_use_policy", "acceptable-use rules exist and are enforced"),
         B("prompt_controls", "prompt-risk controls"),
         B("output_interception", "output is screened and intercepted"),
         B("human_review", "human review and escalation of risky cases"),
         I("record_retention_days", 0, 36500, "days records of handled content are kept"),
         B("authority_reporting", "prohibited content is reported to the authorities"),
         B("complaint_channel", "a complaint and report channel exists"),
         B("complaint_channel_published", "the channel is published to users"),
         I("complaint_response_days", 0, 365, "days within which complaints are handled"),
         B("distribution_screening", "messages or apps distributed are screened")}),
      O("privacy", "personal-information governance",
        {B("notice_published", "collection and use rules are published"),
         B("protection_system", "a user-information protection system is in place"),
         B("breach_response", "a breach procedure: remedy, inform users, report"),
         B("rights_requests", "a channel for deletion and correction requests")}),
      O("governance", "governance",
        {B("legal_review", "legal and compliance reviewed the project"),
         B("lawful_assistance_procedure", "a procedure for lawful requests from authorities"),
         T("regulator_liaison", "who handles supervision and inspection"),
         B("rectification_order",
           "a regulator has interviewed the operator and ordered rectification"),
         B("rectification_complete", "the rectification is complete")}),
      O("product", "when the project provides a network product or service",
        {B("malware_screening", "releases are screened for malicious code"),
         I("maintenance_months", 0, 1200, "security-maintenance period committed to customers"),
         B("collection_notice", "users are told what the product collects"),
         B("security_certification", "security certification or testing passed")}),
      OL("vendors", "suppliers of models, cloud, databases, middleware and platforms",
         {T("name", "vendor name", /*required=*/true),
          E("kind", {"model", "cloud", "database", "middleware", "platform", "other"},
            "what it supplies"),
          E("region", {"cn", "overseas"}, "where it processes data"),
          B("processes_personal_info", "it receives personal information"),
          E("security_review", {"passed", "pending", "failed", "not_required"},
            "national security review status (CII procurement)"),
          O("contract", "clauses in the contract",
            {B("vulnerability_notification", "vendor notifies vulnerabilities"),
             I("patch_timeline_days", 0, 3650, "days within which the vendor patches"),
             B("logging_support", "vendor provides logs"),
             B("incident_cooperation", "vendor cooperates in incidents"),
             B("remote_access_controls", "vendor's remote access is controlled"),
             I("maintenance_period_months", 0, 1200, "security-maintenance period"),
             B("exit_arrangements", "exit and data-return arrangements"),
             B("confidentiality_agreement", "security and confidentiality agreement signed")})}),
  };
  return root;
}

}  // namespace

const FieldSpec* FieldSpec::Child(std::string_view child_name) const {
  for (const FieldSpec& c : children) {
    if (c.name == child_name) return &c;
  }
  return nullptr;
}

const FieldSpec& ProfileSchema() {
  static const FieldSpec kSchema = BuildSchema();
  return kSchema;
}

const FieldSpec* FindProfileField(std::string_view dotted_path) {
  const FieldSpec* spec = &ProfileSchema();
  while (!dotted_path.empty()) {
    if (spec->kind != FieldKind::kObject && spec->kind != FieldKind::kObjectList) return nullptr;
    size_t dot = dotted_path.find('.');
    spec = spec->Child(dotted_path.substr(0, dot));
    if (spec == nullptr) return nullptr;
    dotted_path = dot == std::string_view::npos ? std::string_view() : dotted_path.substr(dot + 1);
  }
  return spec;
}

std::string DescribeExpected(const FieldSpec& spec) {
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  switch (spec.kind) {
    case FieldKind::kBool:
      return "true or false";
    case FieldKind::kInt:
      return "an integer " + std::to_string(spec.min) + ".." + std::to_string(spec.max);
    case FieldKind::kText:
      return "text";
    case FieldKind::kEnum:
      return "one of " + join(spec.values);
    case FieldKind::kEnumList:
      return "a list of " + join(spec.values);
    case FieldKind::kObject:
      return "a mapping";
    case FieldKind::kObjectList:
      return "a list of mappings";
  }
  return "?";
}

}  // namespace hegui::assess
