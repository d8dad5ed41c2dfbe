// The records hegui keeps in its store: users, API keys, review-queue items,
// cross-border security assessments and complaints, as plain values.
//
// These are data only: no behaviour beyond naming enum values. What a record
// means under the law (who may be served, which route is permitted) is decided
// by the gateway and govern/, not here. Times are microseconds since the Unix
// epoch (UTC); ids are assigned by the store and never reused.
//
// Invariant kept by every backend: a record read back equals the record
// written, field for field (the conformance suite in tests/store checks it).
#ifndef HEGUI_STORE_RECORDS_H_
#define HEGUI_STORE_RECORDS_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status_or.h"

namespace hegui::store {

// A point in time with microsecond resolution (what the store keeps).
using Time = std::chrono::sys_time<std::chrono::microseconds>;

using UserId = int64_t;
using ReviewItemId = int64_t;
using AssessmentId = int64_t;
using ComplaintId = int64_t;

// What a user may do in the console and admin API.
enum class Role { kAdmin, kReviewer, kAuditor, kUser };

// Whether the user's real identity was checked (CSL Art. 26).
enum class IdentityStatus { kUnverified, kVerified };

// Where an item in the human-review queue stands (CSL Art. 49).
enum class ReviewStatus { kPending, kApproved, kRejected };

// Where a complaint or report stands (CSL Art. 51).
enum class ComplaintStatus { kOpen, kInProgress, kResolved };

// Stable lower-case names ("admin", "in_progress", ...), as stored and printed.
std::string_view RoleName(Role role);
std::string_view IdentityStatusName(IdentityStatus status);
std::string_view ReviewStatusName(ReviewStatus status);
std::string_view ComplaintStatusName(ComplaintStatus status);

// RFC 3339 in UTC with microseconds, e.g. "2026-11-30T03:04:05.123456Z".
std::string FormatTime(Time t);

// Inverse of FormatTime(); also accepts "YYYY-MM-DDTHH:MM:SSZ" (no fraction)
// and a bare date "YYYY-MM-DD" (midnight UTC). InvalidArgument otherwise.
StatusOr<Time> ParseTime(std::string_view text);

// Inverses of the above; InvalidArgument naming the accepted values otherwise.
StatusOr<Role> ParseRole(std::string_view name);
StatusOr<IdentityStatus> ParseIdentityStatus(std::string_view name);
StatusOr<ReviewStatus> ParseReviewStatus(std::string_view name);
StatusOr<ComplaintStatus> ParseComplaintStatus(std::string_view name);

struct User {
  UserId id = 0;
  std::string display_name;  // Unique across users.
  Role role = Role::kUser;
  IdentityStatus identity_status = IdentityStatus::kUnverified;
  std::string identity_method;  // How identity was verified, e.g. "mobile"; empty if not.
  std::optional<Time> identity_verified_at;  // Set iff identity_status is kVerified.
  Time created_at{};
};

// An API key as stored: the secret itself is never kept, only its SHA-256.
struct ApiKey {
  std::string key_id;  // Public part, 16 lower-case hex digits; shown as "hg_<key_id>".
  UserId user_id = 0;  // Owner.
  std::string label;   // Free text chosen at creation, may be empty.
  bool revoked = false;
  Time created_at{};
  std::optional<Time> revoked_at;    // Set iff revoked.
  std::optional<Time> last_used_at;  // Updated coarsely (see StoreOptions).
};

// What Store::Authenticate returns: the key and its owner, read together.
struct Principal {
  ApiKey key;
  User user;
};

// Returned once by Store::CreateApiKey: the only time the secret is visible.
struct IssuedApiKey {
  ApiKey key;
  std::string token;  // "hg_<key_id>_<secret>", what the client sends as its bearer token.
};

// Longest text field the store accepts (review content, complaint text...):
// 1 MiB. Longer values are refused with InvalidArgument, never cut silently.
inline constexpr size_t kMaxRecordTextBytes = size_t{1} << 20;

struct NewReviewItem {
  std::string reason;           // Why the item needs a human, e.g. "lexicon match".
  std::string category;         // Content category, e.g. "violence".
  std::string article;          // Article cited, e.g. "CSL-49".
  std::string request_summary;  // The text under review (masked as policy requires).
  std::string request_id;       // Gateway request id linking to the evidence log; may be empty.
  std::optional<UserId> user_id;
  std::string side;   // Where it was caught: "input" or "output" (free text; may be empty).
  bool held = false;  // True: the response is withheld until a decision; false: delivered flagged.
};

struct ReviewItem {
  ReviewItemId id = 0;
  Time created_at{};
  ReviewStatus status = ReviewStatus::kPending;
  std::string reason;
  std::string category;
  std::string article;
  std::string request_summary;
  std::string request_id;
  std::optional<UserId> user_id;
  std::string decision_note;  // Reviewer's words; empty while pending.
  std::string reviewer;       // Who decided; empty while pending.
  std::optional<Time> decided_at;
  std::string side;  // Since schema version 5.
  bool held = false;
};

// A recorded cross-border security assessment that permits personal
// information or important data of the listed classes to go to one overseas
// upstream until `valid_until` (CSL Art. 39).
struct NewSecurityAssessment {
  std::string description;                // E.g. "CAC assessment 2026-017 for OpenAI US".
  std::vector<std::string> data_classes;  // E.g. {"personal_information"}; at least one.
  std::string upstream;                   // Upstream name as in the gateway config.
  std::string region;                     // Region of that upstream, e.g. "us".
  Time valid_until{};
};

struct SecurityAssessment {
  AssessmentId id = 0;
  std::string description;
  std::vector<std::string> data_classes;  // Sorted, without duplicates.
  std::string upstream;
  std::string region;
  Time valid_until{};
  Time created_at{};
};

struct NewComplaint {
  std::string channel;  // How it arrived, e.g. "web", "email", "phone".
  std::string text;
  std::string contact;  // How to answer; may be empty.
};

struct Complaint {
  ComplaintId id = 0;
  Time created_at{};
  std::string channel;
  std::string text;
  std::string contact;
  ComplaintStatus status = ComplaintStatus::kOpen;
  std::string response;  // Latest note from whoever handles it.
  Time updated_at{};
};

}  // namespace hegui::store

#endif  // HEGUI_STORE_RECORDS_H_
