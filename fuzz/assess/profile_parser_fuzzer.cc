// Fuzzes the project-profile parser: any byte string must give either a
// Profile or an InvalidArgument status naming the source, never a crash, a
// hang or an exception. Accepted profiles are also assessed against the
// shipped obligation catalogue and rendered, exercising facts, tiers,
// evaluation and the renderers on whatever the parser lets through.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "assess/assessment.h"
#include "assess/profile_parser.h"
#include "assess/render.h"
#include "law/obligation_catalogue.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const hegui::law::ObligationCatalogue* catalogue = [] {
    auto c = hegui::law::ObligationCatalogue::LoadDefault();
    if (!c.ok()) std::abort();
    return new hegui::law::ObligationCatalogue(std::move(*c));
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  hegui::StatusOr<hegui::assess::Profile> profile = hegui::assess::ParseProfile(text, "fuzz.yaml");
  if (!profile.ok()) {
    if (profile.status().code() != hegui::StatusCode::kInvalidArgument) std::abort();
    if (profile.status().message().rfind("fuzz.yaml", 0) != 0) std::abort();
    return 0;
  }
  hegui::assess::Assessment a = hegui::assess::Assess(*profile, *catalogue, {});
  hegui::assess::RenderOptions options;
  (void)hegui::assess::RenderMarkdown(a, options);
  (void)hegui::assess::RenderJson(a, options);
  (void)hegui::assess::RenderHtml(a, options);
  return 0;
}
