// Store: the one interface through which hegui keeps its state (users, API
// keys, the review queue, security assessments, complaints). Backends are
// SQLite (embedded, default) and PostgreSQL (shared by several gateways);
// store::Open() in store/open.h picks one from a URL.
//
// Thread safety: every method may be called from many threads at once on one
// Store; backends hold a pool of connections (docs/store.md).
// Lifetime: a Store owns its connections; destroy it after the last call.
// Errors (hegui::Status codes, chosen by what the caller does next):
//   kInvalidArgument     a field is malformed (empty name, bad key id...).
//   kNotFound            the named user / key / item does not exist.
//   kAlreadyExists       a unique field is taken (user display name).
//   kFailedPrecondition  the record is not in a state that allows the change
//                        (deciding an already-decided review item), or the
//                        database schema is newer than this binary.
//   kUnauthenticated     Authenticate(): unknown, malformed or revoked key.
//   kUnavailable         the database cannot be reached or is busy; retry.
//   kDataLoss            a stored row cannot be read back as a record.
// Messages never contain an API key secret.
//
// Example:
//   HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s,
//                          store::Open("sqlite:///var/lib/hegui/hegui.db"));
//   HEGUI_ASSIGN_OR_RETURN(store::User u, s->CreateUser("Li Lei", store::Role::kUser));
//   HEGUI_ASSIGN_OR_RETURN(store::IssuedApiKey k, s->CreateApiKey(u.id, "laptop"));
//   // give k.token to the user once; later, on every request:
//   HEGUI_ASSIGN_OR_RETURN(store::Principal p, s->Authenticate(bearer_token));
#ifndef HEGUI_STORE_STORE_H_
#define HEGUI_STORE_STORE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/status_or.h"
#include "store/records.h"

namespace hegui::store {

class Store {
 public:
  virtual ~Store() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view backend_name() const = 0;

  // Highest migration applied to the database (see store/migrations.h).
  virtual StatusOr<int> SchemaVersion() = 0;

  // --- Users -------------------------------------------------------------
  // New users start unverified. AlreadyExists if the display name is taken.
  virtual StatusOr<User> CreateUser(std::string_view display_name, Role role) = 0;
  virtual StatusOr<User> GetUser(UserId id) = 0;
  // All users, by id.
  virtual StatusOr<std::vector<User>> ListUsers() = 0;
  // Records that the user's real identity was verified by `method` (e.g.
  // "mobile", "id_card") at `at`. Verifying again replaces method and time.
  virtual StatusOr<User> VerifyUserIdentity(UserId id, std::string_view method, Time at) = 0;
  virtual StatusOr<User> SetUserRole(UserId id, Role role) = 0;

  // --- API keys ----------------------------------------------------------
  // Creates a key for `user_id` from 256 bits of fresh randomness and returns
  // its token; only the token's SHA-256 is stored. NotFound if no such user.
  virtual StatusOr<IssuedApiKey> CreateApiKey(UserId user_id, std::string_view label) = 0;
  // Accepts "hg_<key_id>" or the bare key id. Revoking twice is
  // FailedPrecondition; NotFound for an unknown key.
  virtual StatusOr<ApiKey> RevokeApiKey(std::string_view key_id) = 0;
  virtual StatusOr<ApiKey> GetApiKey(std::string_view key_id) = 0;
  // All keys (or those of one user), by creation time.
  virtual StatusOr<std::vector<ApiKey>> ListApiKeys(std::optional<UserId> user_id) = 0;
  // Checks a bearer token and returns the key with its owner.
  // Cost: one indexed point lookup (primary-key descent on api_keys joined to
  // users by primary key) with a cached prepared statement, plus one SHA-256
  // of the secret and a constant-time compare; a write only when last_used_at
  // is older than StoreOptions::last_used_granularity. Unauthenticated when
  // the token is malformed, unknown, wrong or revoked (the message says which,
  // never the secret).
  virtual StatusOr<Principal> Authenticate(std::string_view token) = 0;

  // --- Human review queue (CSL Art. 49) ----------------------------------
  virtual StatusOr<ReviewItem> CreateReviewItem(const NewReviewItem& item) = 0;
  virtual StatusOr<ReviewItem> GetReviewItem(ReviewItemId id) = 0;
  // Items with `status` (all if unset), oldest first, at most `limit`.
  virtual StatusOr<std::vector<ReviewItem>> ListReviewItems(std::optional<ReviewStatus> status,
                                                            int limit) = 0;
  // Decides a pending item; `decision` is kApproved or kRejected.
  // FailedPrecondition if it was already decided (the first decision stands).
  virtual StatusOr<ReviewItem> DecideReviewItem(ReviewItemId id, ReviewStatus decision,
                                                std::string_view reviewer, std::string_view note,
                                                Time at) = 0;

  // --- Cross-border security assessments (CSL Art. 39) -------------------
  virtual StatusOr<SecurityAssessment> CreateSecurityAssessment(
      const NewSecurityAssessment& assessment) = 0;
  // All assessments, by id.
  virtual StatusOr<std::vector<SecurityAssessment>> ListSecurityAssessments() = 0;
  // An assessment for `upstream` covering `data_class` still valid at `at`
  // (the one valid longest), or nullopt if none.
  virtual StatusOr<std::optional<SecurityAssessment>> FindSecurityAssessment(
      std::string_view upstream, std::string_view data_class, Time at) = 0;

  // --- Complaints and reports (CSL Art. 51) ------------------------------
  virtual StatusOr<Complaint> CreateComplaint(const NewComplaint& complaint) = 0;
  virtual StatusOr<Complaint> GetComplaint(ComplaintId id) = 0;
  // Complaints with `status` (all if unset), oldest first, at most `limit`.
  virtual StatusOr<std::vector<Complaint>> ListComplaints(std::optional<ComplaintStatus> status,
                                                          int limit) = 0;
  virtual StatusOr<Complaint> UpdateComplaint(ComplaintId id, ComplaintStatus status,
                                              std::string_view response) = 0;
};

}  // namespace hegui::store

#endif  // HEGUI_STORE_STORE_H_
