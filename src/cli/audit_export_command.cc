// `hegui audit export DIR [--since --until --kind --subject] --format jsonl|csv`:
// records for SIEM import, sealed personal information opened where its key
// still exists and "[shredded]" where it was destroyed.
#include <CLI/CLI.hpp>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "audit/log_reader.h"
#include "audit/record_codec.h"
#include "cli/audit_verbs.h"

namespace hegui::cli {
namespace {

enum class ExportFormat { kJsonl, kCsv };

struct ExportArgs {
  std::string dir, since, until, kind, subject;
  ExportFormat format = ExportFormat::kJsonl;
};

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Status Run(const ExportArgs& args) {
  std::optional<audit::RecordTime> since, until;
  if (!args.since.empty()) {
    HEGUI_ASSIGN_OR_RETURN(since, audit::ParseRecordTime(args.since));
  }
  if (!args.until.empty()) {
    HEGUI_ASSIGN_OR_RETURN(until, audit::ParseRecordTime(args.until));
  }
  std::optional<audit::RecordKind> kind;
  if (!args.kind.empty()) {
    HEGUI_ASSIGN_OR_RETURN(kind, audit::ParseRecordKind(args.kind));
  }
  HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<audit::LogReader> reader,
                         audit::LogReader::Open(args.dir));
  if (args.format == ExportFormat::kCsv) std::cout << "index,time,kind,actor,subject,body,pi\n";
  Status failure;
  HEGUI_RETURN_IF_ERROR(reader->ForEachRecord(0, [&](uint64_t index, std::string_view payload) {
    StatusOr<audit::StoredRecord> r = audit::DecodeRecord(payload);
    if (!r.ok()) {
      failure = r.status().WithContext("record " + std::to_string(index));
      return false;
    }
    if ((since && r->time < *since) || (until && r->time >= *until) || (kind && r->kind != *kind) ||
        (!args.subject.empty() && r->subject != args.subject)) {
      return true;
    }
    std::string json = audit::RecordToJson(index, *r, &reader->keys());
    if (args.format == ExportFormat::kJsonl) {
      std::cout << json << "\n";
    } else {
      nlohmann::json j = nlohmann::json::parse(json);
      std::cout << index << "," << CsvField(j["time"]) << "," << CsvField(j["kind"]) << ","
                << CsvField(j["actor"]) << "," << CsvField(j["subject"]) << ","
                << CsvField(j["body"].dump()) << ","
                << CsvField(j.contains("pi") ? j["pi"].dump() : "") << "\n";
    }
    return true;
  }));
  return failure;
}

}  // namespace

void AddAuditExportVerb(CLI::App& audit, CommandResult& result) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd =
      audit.add_subcommand("export", "Export records as JSON Lines or CSV (for a SIEM)");
  cmd->add_option("DIR", args->dir, "Log directory")->required();
  cmd->add_option("--since", args->since,
                  "Only records at or after this time (YYYY-MM-DD[THH:MM:SSZ])");
  cmd->add_option("--until", args->until, "Only records before this time");
  cmd->add_option("--kind", args->kind, "Only records of this kind");
  cmd->add_option("--subject", args->subject, "Only records about this data subject");
  static const std::map<std::string, ExportFormat> kFormats = {{"jsonl", ExportFormat::kJsonl},
                                                               {"csv", ExportFormat::kCsv}};
  cmd->add_option("--format", args->format, "jsonl or csv")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("jsonl");
  cmd->callback([args, &result] {
    Status s = Run(*args);
    if (!s.ok()) result.exit_code = ReportError(s);
  });
}

}  // namespace hegui::cli
