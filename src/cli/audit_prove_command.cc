// `hegui audit prove DIR --index N` and `hegui audit consistency DIR --old N`:
// RFC 6962 proofs against the latest signed checkpoint (by default), in a form
// an independent verifier can check (tests/audit/go_interop does, with Go's
// golang.org/x/mod/sumdb/note and tlog).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "audit/base64.h"
#include "audit/log_reader.h"
#include "cli/audit_verbs.h"

namespace hegui::cli {
namespace {

struct ProveArgs {
  std::string dir;
  uint64_t index = 0;
  int64_t size = -1;
  OutputFormat format = OutputFormat::kText;
};

struct ConsistencyArgs {
  std::string dir;
  uint64_t old_size = 0;
  int64_t new_size = -1;
  OutputFormat format = OutputFormat::kText;
};

nlohmann::json HashList(const std::vector<audit::Hash>& proof) {
  nlohmann::json a = nlohmann::json::array();
  for (const audit::Hash& h : proof) a.push_back(audit::Base64Encode(h.view()));
  return a;
}

// The tree size to prove against: the one asked for, else the latest checkpoint's.
// `note` receives the checkpoint note when the size is the checkpoint's.
StatusOr<uint64_t> ResolveSize(const audit::LogReader& reader, int64_t asked, std::string* note) {
  StatusOr<audit::Checkpoint> latest = reader.LatestCheckpoint();
  if (asked < 0) {
    if (!latest.ok()) return latest.status().WithContext("latest checkpoint");
    *note = *reader.LatestCheckpointNote();
    return static_cast<uint64_t>(latest->size);
  }
  if (latest.ok() && latest->size == asked) *note = *reader.LatestCheckpointNote();
  return static_cast<uint64_t>(asked);
}

Status RunProve(const ProveArgs& args) {
  HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<audit::LogReader> reader,
                         audit::LogReader::Open(args.dir));
  std::string note;
  HEGUI_ASSIGN_OR_RETURN(uint64_t size, ResolveSize(*reader, args.size, &note));
  if (args.index >= size) {
    return InvalidArgumentError("record " + std::to_string(args.index) +
                                " is not covered by a tree of " + std::to_string(size) +
                                " records (run hegui audit checkpoint first)");
  }
  HEGUI_ASSIGN_OR_RETURN(std::vector<audit::Hash> proof, reader->ProveInclusion(args.index, size));
  HEGUI_ASSIGN_OR_RETURN(audit::Hash root, reader->RootAt(size));
  // A purged record's bytes are gone but its leaf hash stays in the tree.
  StatusOr<std::string> payload = reader->RecordPayload(args.index);
  HEGUI_ASSIGN_OR_RETURN(audit::Hash leaf, reader->LeafHashAt(args.index));
  if (payload.ok() && !(audit::LeafHash(*payload) == leaf)) {
    return DataLossError("record " + std::to_string(args.index) +
                         " does not match its stored tree hash (run hegui audit verify)");
  }
  HEGUI_RETURN_IF_ERROR(audit::VerifyInclusion(static_cast<int64_t>(args.index),
                                               static_cast<int64_t>(size), leaf, proof, root));
  if (args.format == OutputFormat::kJson) {
    nlohmann::ordered_json j;
    j["index"] = args.index;
    j["tree_size"] = size;
    if (payload.ok()) j["record"] = audit::Base64Encode(*payload);
    j["leaf_hash"] = audit::Base64Encode(leaf.view());
    j["proof"] = HashList(proof);
    j["root"] = audit::Base64Encode(root.view());
    if (!note.empty()) j["checkpoint"] = note;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << "record " << args.index << " is in the tree of " << size << " records\n";
    std::cout << "leaf hash: " << leaf.Hex() << "\nroot:      " << root.Hex() << "\nproof:\n";
    for (const audit::Hash& h : proof) std::cout << "  " << h.Hex() << "\n";
    if (!note.empty()) std::cout << "checkpoint:\n" << note;
  }
  return OkStatus();
}

Status RunConsistency(const ConsistencyArgs& args) {
  HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<audit::LogReader> reader,
                         audit::LogReader::Open(args.dir));
  std::string note;
  HEGUI_ASSIGN_OR_RETURN(uint64_t new_size, ResolveSize(*reader, args.new_size, &note));
  if (args.old_size > new_size) {
    return InvalidArgumentError("--old " + std::to_string(args.old_size) + " exceeds --new " +
                                std::to_string(new_size));
  }
  HEGUI_ASSIGN_OR_RETURN(std::vector<audit::Hash> proof,
                         reader->ProveConsistency(args.old_size, new_size));
  HEGUI_ASSIGN_OR_RETURN(audit::Hash old_root, reader->RootAt(args.old_size));
  HEGUI_ASSIGN_OR_RETURN(audit::Hash new_root, reader->RootAt(new_size));
  HEGUI_RETURN_IF_ERROR(audit::VerifyConsistency(static_cast<int64_t>(args.old_size),
                                                 static_cast<int64_t>(new_size), old_root, new_root,
                                                 proof));
  if (args.format == OutputFormat::kJson) {
    nlohmann::ordered_json j;
    j["old_size"] = args.old_size;
    j["new_size"] = new_size;
    j["old_root"] = audit::Base64Encode(old_root.view());
    j["new_root"] = audit::Base64Encode(new_root.view());
    j["proof"] = HashList(proof);
    if (!note.empty()) j["checkpoint"] = note;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << "the tree of " << args.old_size << " records is a prefix of the tree of "
              << new_size << "\nold root: " << old_root.Hex() << "\nnew root: " << new_root.Hex()
              << "\nproof:\n";
    for (const audit::Hash& h : proof) std::cout << "  " << h.Hex() << "\n";
    if (!note.empty()) std::cout << "checkpoint:\n" << note;
  }
  return OkStatus();
}

}  // namespace

void AddAuditProofVerbs(CLI::App& audit, CommandResult& result) {
  auto prove = std::make_shared<ProveArgs>();
  CLI::App* p = audit.add_subcommand("prove", "Inclusion proof of one record");
  p->add_option("DIR", prove->dir, "Log directory")->required();
  p->add_option("--index", prove->index, "Record index")->required();
  p->add_option("--size", prove->size, "Tree size (default: the latest checkpoint's)");
  AddFormatOption(*p, &prove->format);
  p->callback([prove, &result] {
    Status s = RunProve(*prove);
    if (!s.ok()) result.exit_code = ReportError(s);
  });

  auto cons = std::make_shared<ConsistencyArgs>();
  CLI::App* c = audit.add_subcommand("consistency", "Consistency proof between two tree sizes");
  c->add_option("DIR", cons->dir, "Log directory")->required();
  c->add_option("--old", cons->old_size, "Older tree size")->required();
  c->add_option("--new", cons->new_size, "Newer tree size (default: the latest checkpoint's)");
  AddFormatOption(*c, &cons->format);
  c->callback([cons, &result] {
    Status s = RunConsistency(*cons);
    if (!s.ok()) result.exit_code = ReportError(s);
  });
}

}  // namespace hegui::cli
