#include "store/internal/postgres_connection.h"

#include <libpq-fe.h>

#include <string>
#include <unordered_map>

namespace hegui::store::internal {
namespace {

void DiscardNotice(void*, const char*) {}

std::string TrimmedMessage(const char* message) {
  std::string s = message != nullptr ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

Status ResultError(const PGresult* res, PGconn* conn, std::string_view what) {
  const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const std::string sqlstate = state != nullptr ? state : "";
  std::string message =
      "postgresql: " + std::string(what) + ": " +
      TrimmedMessage(res != nullptr ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  if (!sqlstate.empty()) message += " (SQLSTATE " + sqlstate + ")";
  if (sqlstate == "23505") return AlreadyExistsError(message);
  if (sqlstate.rfind("23", 0) == 0) return InvalidArgumentError(message);
  if (sqlstate.empty() || sqlstate.rfind("08", 0) == 0 || sqlstate.rfind("57P", 0) == 0 ||
      sqlstate == "40001" || sqlstate == "40P01") {
    return UnavailableError(message);
  }
  return InternalError(message);
}

// "a = ? AND b = ?" -> "a = $1 AND b = $2". Our SQL has no '?' inside literals.
std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 8);
  int n = 0;
  for (char c : sql) {
    if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

class PostgresConnection final : public SqlConnection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  StatusOr<std::vector<SqlRow>> Query(std::string_view sql,
                                      std::initializer_list<SqlParam> params) override {
    HEGUI_RETURN_IF_ERROR(EnsureConnected());
    StatusOr<const std::string*> name = Prepare(sql);
    if (!name.ok()) return name.status();
    std::string storage[16];
    const char* values[16];
    if (params.size() > 16) return InternalError("more than 16 parameters in one statement");
    size_t i = 0;
    for (const SqlParam& p : params) {
      if (const int64_t* n = std::get_if<int64_t>(&p)) {
        storage[i] = std::to_string(*n);
        values[i] = storage[i].c_str();
      } else if (const std::string_view* s = std::get_if<std::string_view>(&p)) {
        storage[i] = std::string(*s);
        values[i] = storage[i].c_str();
      } else {
        values[i] = nullptr;
      }
      ++i;
    }
    PGresult* res = PQexecPrepared(conn_, (*name)->c_str(), static_cast<int>(params.size()), values,
                                   nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(res);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      Status error = ResultError(res, conn_, sql);
      PQclear(res);
      return error;
    }
    std::vector<SqlRow> rows;
    const int tuples = PQntuples(res);
    const int fields = PQnfields(res);
    rows.reserve(tuples);
    for (int r = 0; r < tuples; ++r) {
      std::vector<SqlValue> row;
      row.reserve(fields);
      for (int c = 0; c < fields; ++c) {
        if (PQgetisnull(res, r, c)) {
          row.emplace_back(std::monostate{});
        } else {
          row.emplace_back(std::string(PQgetvalue(res, r, c), PQgetlength(res, r, c)));
        }
      }
      rows.emplace_back(std::move(row));
    }
    PQclear(res);
    return rows;
  }

  Status Exec(std::string_view script) override {
    HEGUI_RETURN_IF_ERROR(EnsureConnected());
    const std::string text(script);
    PGresult* res = PQexec(conn_, text.c_str());
    const ExecStatusType status = PQresultStatus(res);
    Status result = OkStatus();
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      result = ResultError(res, conn_, "executing script");
    }
    PQclear(res);
    return result;
  }

  Status BeginWrite() override { return Exec("BEGIN"); }

 private:
  Status EnsureConnected() {
    if (PQstatus(conn_) == CONNECTION_OK) return OkStatus();
    PQreset(conn_);
    statements_.clear();  // Prepared statements die with the session.
    if (PQstatus(conn_) != CONNECTION_OK) {
      return UnavailableError("postgresql: connection lost and reconnecting failed: " +
                              TrimmedMessage(PQerrorMessage(conn_)));
    }
    return OkStatus();
  }

  StatusOr<const std::string*> Prepare(std::string_view sql) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) return &it->second;
    std::string name = "hegui_s" + std::to_string(statements_.size());
    const std::string numbered = NumberPlaceholders(sql);
    PGresult* res = PQprepare(conn_, name.c_str(), numbered.c_str(), 0, nullptr);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
      Status error = ResultError(res, conn_, "preparing '" + std::string(sql) + "'");
      PQclear(res);
      return error;
    }
    PQclear(res);
    auto [inserted, ok] = statements_.emplace(std::string(sql), std::move(name));
    return &inserted->second;
  }

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  PGconn* conn_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> statements_;
};

}  // namespace

StatusOr<std::unique_ptr<SqlConnection>> OpenPostgresConnection(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  if (conn == nullptr) return UnavailableError("postgresql: out of memory opening a connection");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = TrimmedMessage(PQerrorMessage(conn));
    PQfinish(conn);
    return UnavailableError("cannot connect to PostgreSQL: " + message);
  }
  PQsetNoticeProcessor(conn, DiscardNotice, nullptr);
  return std::unique_ptr<SqlConnection>(std::make_unique<PostgresConnection>(conn));
}

}  // namespace hegui::store::internal
