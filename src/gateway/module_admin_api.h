// ModuleAdminApi: the admin HTTP API over ModuleServices (store + evidence
// log). Routes, below /admin (JSON in and out; docs/gateway.md):
//   GET  /reviews[?status=pending|approved|rejected]   list review items
//   POST /reviews/<id>/decision {"decision","reviewer","note"}  -> human_override
//   GET  /users                                        list users
//   POST /users {"name","role"}                        -> permission_change
//   POST /users/<id>/verify {"method"}                 -> permission_change
//   GET  /keys                                         list keys (never secrets)
//   POST /keys {"user_id","label"}                     -> permission_change; token once
//   POST /keys/<key id>/revoke                         -> permission_change
// A change is refused (503) when its evidence record cannot be written.
// Thread-safe; `services` must outlive it.
#ifndef HEGUI_GATEWAY_MODULE_ADMIN_API_H_
#define HEGUI_GATEWAY_MODULE_ADMIN_API_H_

#include "gateway/admin_api.h"
#include "gateway/module_services.h"

namespace hegui::gateway {

class ModuleAdminApi : public AdminApi {
 public:
  explicit ModuleAdminApi(ModuleServices* services) : services_(services) {}
  AdminResponse Handle(std::string_view method, std::string_view path,
                       std::string_view body) override;

 private:
  ModuleServices* services_;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_MODULE_ADMIN_API_H_
