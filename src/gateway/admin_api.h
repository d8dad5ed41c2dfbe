// AdminApi: the administration endpoints under /admin/ (users, keys, the
// human-review queue), protected by the admin token.
//
// The Gateway checks "Authorization: Bearer <admin token>" (admin.token_env)
// before calling Handle(); with no token configured the admin API answers
// 404 (it is off). Handle() gets the method, the path below /admin and the
// body, and returns the HTTP status and JSON body. Implementations are
// thread-safe and record every change in the evidence log
// (permission_change, human_override).
#ifndef HEGUI_GATEWAY_ADMIN_API_H_
#define HEGUI_GATEWAY_ADMIN_API_H_

#include <string>
#include <string_view>

namespace hegui::gateway {

struct AdminResponse {
  int status = 200;
  std::string body;  // JSON.
};

class AdminApi {
 public:
  virtual ~AdminApi() = default;
  virtual AdminResponse Handle(std::string_view method, std::string_view path,
                               std::string_view body) = 0;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_ADMIN_API_H_
