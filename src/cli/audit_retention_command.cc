// `hegui audit purge|shred|stats`: retention (CSL Art. 23 item (3)),
// crypto-shredding of a data subject (Art. 45) and a cheap summary.
#include <sys/stat.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "audit/log.h"
#include "audit/log_dir.h"
#include "audit/log_reader.h"
#include "audit/record_codec.h"
#include "cli/audit_verbs.h"

namespace hegui::cli {
namespace {

struct PurgeArgs {
  std::string dir, before;
  int retention_days = audit::kMinRetentionDays;
  OutputFormat format = OutputFormat::kText;
};

struct ShredArgs {
  std::string dir, subject, actor = "hegui-cli";
};

struct StatsArgs {
  std::string dir;
  OutputFormat format = OutputFormat::kText;
};

Status RunPurge(const PurgeArgs& args) {
  HEGUI_ASSIGN_OR_RETURN(audit::RecordTime before, audit::ParseRecordTime(args.before));
  audit::LogOptions options;
  options.retention_days = args.retention_days;
  HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<audit::Log> log, audit::Log::Open(args.dir, options));
  StatusOr<audit::PurgeResult> r = log->Purge(before);
  Status closed = log->Close();
  if (!r.ok()) return r.status();
  HEGUI_RETURN_IF_ERROR(closed);
  if (args.format == OutputFormat::kJson) {
    nlohmann::ordered_json j;
    j["segments_removed"] = r->segments_removed;
    j["records_removed"] = r->records_removed;
    j["first_kept_index"] = r->first_kept_index;
    if (r->segments_removed > 0) j["purge_record_index"] = r->purge_record_index;
    std::cout << j.dump(2) << "\n";
  } else if (r->segments_removed == 0) {
    std::cout << "nothing to purge: no closed segment holds only records before " << args.before
              << "\n";
  } else {
    std::cout << "purged " << r->records_removed << " records in " << r->segments_removed
              << " segments; recorded as record " << r->purge_record_index << "\n";
  }
  return OkStatus();
}

Status RunShred(const ShredArgs& args) {
  HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<audit::Log> log, audit::Log::Open(args.dir, {}));
  StatusOr<uint64_t> index = log->Shred(args.subject, args.actor);
  Status closed = log->Close();
  if (!index.ok()) return index.status();
  HEGUI_RETURN_IF_ERROR(closed);
  std::cout << "destroyed the keys of subject " << args.subject
            << "; its sealed fields now read [shredded]; recorded as record " << *index << "\n";
  return OkStatus();
}

Status RunStats(const StatsArgs& args) {
  HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<audit::LogReader> reader,
                         audit::LogReader::Open(args.dir));
  HEGUI_ASSIGN_OR_RETURN(std::vector<audit::SegmentFile> segs, audit::ListSegments(args.dir));
  uint64_t bytes = 0, reserved = 0;
  for (const audit::SegmentFile& s : segs) {
    struct stat st;
    if (stat(s.path.c_str(), &st) == 0) bytes += static_cast<uint64_t>(st.st_size);
    HEGUI_ASSIGN_OR_RETURN(uint64_t r, audit::ReservedBytes(s.path));
    reserved += r;
  }
  StatusOr<audit::Checkpoint> cp = reader->LatestCheckpoint();
  std::string oldest;
  if (!segs.empty()) {
    Status s = reader->ForEachRecord(segs.front().first_index, [&](uint64_t, std::string_view p) {
      StatusOr<audit::StoredRecord> r = audit::DecodeRecord(p);
      if (r.ok()) oldest = audit::FormatRecordTime(r->time);
      return false;
    });
    HEGUI_RETURN_IF_ERROR(s);
  }
  const uint64_t first = segs.empty() ? 0 : segs.front().first_index;
  if (args.format == OutputFormat::kJson) {
    nlohmann::ordered_json j;
    j["origin"] = reader->verifier_key().substr(0, reader->verifier_key().find('+'));
    j["records"] = reader->tree_size();
    j["purged_records"] = first;
    j["segments"] = segs.size();
    j["segment_bytes"] = bytes;
    j["reserved_bytes"] = reserved;
    if (!oldest.empty()) j["first_present_time"] = oldest;
    j["latest_checkpoint_size"] = cp.ok() ? cp->size : -1;
    j["subjects_with_keys"] = reader->keys().live_subjects();
    j["subjects_shredded"] = reader->keys().shredded_subjects();
    j["verifier_key"] = reader->verifier_key();
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << "records:            " << reader->tree_size() << " (" << first << " purged)\n"
              << "segments:           " << segs.size() << ", " << bytes << " bytes (" << reserved
              << " reserved for appends)\n"
              << "first present time: " << (oldest.empty() ? "-" : oldest) << "\n"
              << "latest checkpoint:  "
              << (cp.ok() ? std::to_string(cp->size) + " records" : cp.status().ToString()) << "\n"
              << "subjects:           " << reader->keys().live_subjects() << " with keys, "
              << reader->keys().shredded_subjects() << " shredded\n"
              << "verifier key:       " << reader->verifier_key() << "\n";
  }
  return OkStatus();
}

}  // namespace

void AddAuditRetentionVerbs(CLI::App& audit, CommandResult& result) {
  auto purge = std::make_shared<PurgeArgs>();
  CLI::App* p = audit.add_subcommand(
      "purge", "Remove whole segments older than a date (never younger than 180 days)");
  p->add_option("DIR", purge->dir, "Log directory")->required();
  p->add_option("--before", purge->before, "Cut-off date (YYYY-MM-DD)")->required();
  p->add_option("--retention-days", purge->retention_days,
                "Configured retention; below 180 is refused (CSL Art. 23 item (3))")
      ->capture_default_str();
  AddFormatOption(*p, &purge->format);
  p->callback([purge, &result] {
    Status s = RunPurge(*purge);
    if (!s.ok()) result.exit_code = ReportError(s);
  });

  auto shred = std::make_shared<ShredArgs>();
  CLI::App* s = audit.add_subcommand("shred", "Destroy a data subject's keys (crypto-shredding)");
  s->add_option("DIR", shred->dir, "Log directory")->required();
  s->add_option("SUBJECT", shred->subject, "Data subject id")->required();
  s->add_option("--actor", shred->actor, "Who asked for it (recorded)")->capture_default_str();
  s->callback([shred, &result] {
    Status st = RunShred(*shred);
    if (!st.ok()) result.exit_code = ReportError(st);
  });

  auto stats = std::make_shared<StatsArgs>();
  CLI::App* st = audit.add_subcommand("stats", "Size, retention and checkpoint summary");
  st->add_option("DIR", stats->dir, "Log directory")->required();
  AddFormatOption(*st, &stats->format);
  st->callback([stats, &result] {
    Status s2 = RunStats(*stats);
    if (!s2.ok()) result.exit_code = ReportError(s2);
  });
}

}  // namespace hegui::cli
