// `hegui audit init|append|checkpoint` and the registration of every audit verb.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "audit/log.h"
#include "cli/audit_verbs.h"
#include "cli/commands.h"

namespace hegui::cli {
namespace {

struct InitArgs {
  std::string dir;
  std::string origin = "hegui.local/audit";
};

struct AppendArgs {
  std::string dir;
  size_t batch = 1000;
  bool relaxed = false;
  OutputFormat format = OutputFormat::kText;
};

struct CheckpointArgs {
  std::string dir;
};

// One JSON Lines input record -> audit::Record.
StatusOr<audit::Record> ParseInputRecord(const std::string& line) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgumentError(std::string("not JSON: ") + e.what());
  }
  if (!j.is_object()) return InvalidArgumentError("expected a JSON object");
  audit::Record r;
  try {
    for (const auto& [key, value] : j.items()) {
      if (key == "kind") {
        HEGUI_ASSIGN_OR_RETURN(r.kind, audit::ParseRecordKind(value.get<std::string>()));
      } else if (key == "time") {
        HEGUI_ASSIGN_OR_RETURN(r.time, audit::ParseRecordTime(value.get<std::string>()));
      } else if (key == "actor") {
        r.actor = value.get<std::string>();
      } else if (key == "subject") {
        r.subject = value.get<std::string>();
      } else if (key == "body") {
        if (!value.is_object()) return InvalidArgumentError("field 'body' must be an object");
        r.body = value.dump();
      } else if (key == "sealed") {
        if (!value.is_object()) return InvalidArgumentError("field 'sealed' must be an object");
        for (const auto& [field, plain] : value.items()) r.sealed[field] = plain.get<std::string>();
      } else {
        return InvalidArgumentError("unknown field '" + key + "'");
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgumentError(std::string("field has the wrong type: ") + e.what());
  }
  if (!j.contains("kind")) return InvalidArgumentError("field 'kind' is required");
  return r;
}

Status RunAppend(const AppendArgs& args) {
  audit::LogOptions options;
  options.durability = args.relaxed ? audit::Durability::kRelaxed : audit::Durability::kSync;
  options.on_recovery = [](const std::string& what) {
    std::cerr << "hegui: recovered: " << what << "\n";
  };
  HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<audit::Log> log, audit::Log::Open(args.dir, options));
  std::vector<audit::Record> batch;
  std::string line;
  int line_no = 0;
  Status failure;
  auto flush = [&]() -> Status {
    if (batch.empty()) return OkStatus();
    HEGUI_ASSIGN_OR_RETURN(std::vector<uint64_t> idx, log->AppendAll(batch));
    for (uint64_t i : idx) {
      if (args.format == OutputFormat::kJson)
        std::cout << "{\"index\":" << i << "}\n";
      else
        std::cout << i << "\n";
    }
    batch.clear();
    return OkStatus();
  };
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    StatusOr<audit::Record> r = ParseInputRecord(line);
    if (!r.ok()) {
      failure = Status(r.status().code(),
                       "stdin:" + std::to_string(line_no) + ": " + r.status().message());
      break;
    }
    batch.push_back(std::move(*r));
    if (batch.size() >= args.batch) {
      Status s = flush();
      if (!s.ok()) {
        failure = s.WithContext("stdin:" + std::to_string(line_no));
        break;
      }
    }
  }
  if (failure.ok()) failure = flush();
  Status closed = log->Close();
  HEGUI_RETURN_IF_ERROR(failure);
  return closed;
}

}  // namespace

void AddAuditCommand(CLI::App& app, CommandResult& result) {
  CLI::App* audit =
      app.add_subcommand("audit", "The evidence log: append, verify, prove, export, purge");
  audit->require_subcommand(1);

  auto init = std::make_shared<InitArgs>();
  CLI::App* init_cmd = audit->add_subcommand("init", "Create a log and its signing key (0600)");
  init_cmd->add_option("DIR", init->dir, "Log directory")->required();
  init_cmd->add_option("--origin", init->origin, "Checkpoint origin and key name")
      ->capture_default_str();
  init_cmd->callback([init, &result] {
    Status s = audit::Log::Create(init->dir, init->origin);
    if (!s.ok()) {
      result.exit_code = ReportError(s);
      return;
    }
    std::cout << "created audit log " << init->dir << " (origin " << init->origin << ")\n";
  });

  auto append = std::make_shared<AppendArgs>();
  CLI::App* append_cmd = audit->add_subcommand(
      "append", "Append JSON Lines records from stdin; prints each record's index");
  append_cmd->add_option("DIR", append->dir, "Log directory")->required();
  append_cmd->add_option("--batch", append->batch, "Records per group commit")
      ->capture_default_str();
  append_cmd->add_flag("--relaxed", append->relaxed,
                       "Acknowledge before fdatasync (a power cut may lose the last records)");
  AddFormatOption(*append_cmd, &append->format);
  append_cmd->callback([append, &result] {
    Status s = RunAppend(*append);
    if (!s.ok()) result.exit_code = ReportError(s);
  });

  auto cp = std::make_shared<CheckpointArgs>();
  CLI::App* cp_cmd = audit->add_subcommand("checkpoint", "Sign and print a checkpoint of the log");
  cp_cmd->add_option("DIR", cp->dir, "Log directory")->required();
  cp_cmd->callback([cp, &result] {
    StatusOr<std::unique_ptr<audit::Log>> log = audit::Log::Open(cp->dir, {});
    if (!log.ok()) {
      result.exit_code = ReportError(log.status());
      return;
    }
    StatusOr<std::string> note = (*log)->WriteCheckpoint();
    Status closed = (*log)->Close();
    if (!note.ok()) {
      result.exit_code = ReportError(note.status());
      return;
    }
    if (!closed.ok()) {
      result.exit_code = ReportError(closed);
      return;
    }
    std::cout << *note;
  });

  AddAuditVerifyVerb(*audit, result);
  AddAuditProofVerbs(*audit, result);
  AddAuditExportVerb(*audit, result);
  AddAuditRetentionVerbs(*audit, result);
}

}  // namespace hegui::cli
