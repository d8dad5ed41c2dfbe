// `hegui assessments add|list`: record the cross-border security assessments
// that permit personal information or important data to go to an overseas
// upstream (CSL Art. 39); the gateway's route stage looks them up.
// Thin: parse, call hegui::store, print.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/admin_audit.h"
#include "cli/commands.h"
#include "store/open.h"

namespace hegui::cli {
namespace {

using nlohmann::json;

struct AssessmentsOptions {
  std::string store_url;
  OutputFormat format = OutputFormat::kText;
  std::string description;
  std::string upstream;
  std::string region;
  std::vector<std::string> data_classes;
  std::string valid_until;
  AdminAuditOptions audit;
};

json AssessmentJson(const store::SecurityAssessment& a) {
  return {{"id", a.id},
          {"description", a.description},
          {"upstream", a.upstream},
          {"region", a.region},
          {"data_classes", a.data_classes},
          {"valid_until", store::FormatTime(a.valid_until)},
          {"created_at", store::FormatTime(a.created_at)}};
}

std::string Joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ",") + p;
  return out;
}

StatusOr<std::unique_ptr<store::Store>> OpenStore(const AssessmentsOptions& o) {
  return store::Open(o.store_url.empty() ? store::DefaultStoreUrl() : o.store_url);
}

ExitCode RunAdd(const AssessmentsOptions& o) {
  StatusOr<store::Time> until = store::ParseTime(o.valid_until);
  if (!until.ok()) return ReportError(until.status().WithContext("--valid-until"));
  StatusOr<std::unique_ptr<AdminAuditTrail>> trail = AdminAuditTrail::Open(o.audit);
  if (!trail.ok()) return ReportError(trail.status());
  StatusOr<std::unique_ptr<store::Store>> s = OpenStore(o);
  if (!s.ok()) return ReportError(s.status());
  StatusOr<store::SecurityAssessment> a =
      (*s)->CreateSecurityAssessment({.description = o.description,
                                      .data_classes = o.data_classes,
                                      .upstream = o.upstream,
                                      .region = o.region,
                                      .valid_until = *until});
  if (!a.ok()) return ReportError(a.status());
  if (o.format == OutputFormat::kJson) {
    std::cout << AssessmentJson(*a).dump(2) << "\n";
  } else {
    std::cout << "recorded assessment " << a->id << ": " << Joined(a->data_classes) << " may go to "
              << a->upstream << " (" << a->region << ") until " << store::FormatTime(a->valid_until)
              << "\n";
  }
  json body = AssessmentJson(*a);
  body["action"] = "security_assessment_recorded";
  body["store"] = (*s)->backend_name();
  Status recorded =
      (*trail)->Finish((*trail)->Append(audit::RecordKind::kConfigChange, body.dump()),
                       "security assessment " + std::to_string(a->id) + " was recorded");
  return recorded.ok() ? ExitCode::kOk : ReportError(recorded);
}

ExitCode RunList(const AssessmentsOptions& o) {
  StatusOr<std::unique_ptr<store::Store>> s = OpenStore(o);
  if (!s.ok()) return ReportError(s.status());
  StatusOr<std::vector<store::SecurityAssessment>> all = (*s)->ListSecurityAssessments();
  if (!all.ok()) return ReportError(all.status());
  if (o.format == OutputFormat::kJson) {
    json out = json::array();
    for (const store::SecurityAssessment& a : *all) out.push_back(AssessmentJson(a));
    std::cout << out.dump(2) << "\n";
    return ExitCode::kOk;
  }
  std::cout << "ID\tUPSTREAM\tREGION\tVALID_UNTIL\tDATA_CLASSES\tDESCRIPTION\n";
  for (const store::SecurityAssessment& a : *all) {
    std::cout << a.id << "\t" << a.upstream << "\t" << a.region << "\t"
              << store::FormatTime(a.valid_until) << "\t" << Joined(a.data_classes) << "\t"
              << a.description << "\n";
  }
  return ExitCode::kOk;
}

void AddCommonOptions(CLI::App& app, AssessmentsOptions* o) {
  app.add_option("--store", o->store_url,
                 "Store URL (default: $HEGUI_STORE, else sqlite://./hegui.db)");
  AddFormatOption(app, &o->format);
}

}  // namespace

void AddAssessmentsCommand(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<AssessmentsOptions>();
  CLI::App* assessments = app.add_subcommand(
      "assessments", "Cross-border security assessments permitting overseas routes (Art. 39)");
  assessments->require_subcommand(1);

  CLI::App* add = assessments->add_subcommand("add", "Record a security assessment");
  add->add_option("--description", options->description, "What was assessed, by whom, reference")
      ->required();
  add->add_option("--upstream", options->upstream, "Upstream name as in the gateway config")
      ->required();
  add->add_option("--region", options->region, "Region of that upstream, e.g. us")->required();
  add->add_option("--data-class", options->data_classes,
                  "Data class it permits, e.g. personal_information (repeatable)")
      ->required();
  add->add_option("--valid-until", options->valid_until,
                  "End of validity, exclusive: YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)")
      ->required();
  AddCommonOptions(*add, options.get());
  AddAdminAuditOptions(*add, &options->audit);
  add->callback([options, &result] { result.exit_code = RunAdd(*options); });

  CLI::App* list = assessments->add_subcommand("list", "List recorded assessments");
  AddCommonOptions(*list, options.get());
  list->callback([options, &result] { result.exit_code = RunList(*options); });
}

}  // namespace hegui::cli
