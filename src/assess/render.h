// Renderers of an Assessment: Markdown, self-contained printable HTML, JSON
// (formats described in docs/profile.md, "Reports"). Output is deterministic:
// no timestamps or environment-dependent text unless injected through
// RenderOptions. Pure functions; thread-safe.
#ifndef HEGUI_ASSESS_RENDER_H_
#define HEGUI_ASSESS_RENDER_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.h"

namespace hegui::assess {

struct RenderOptions {
  // Shown as "Generated <generated_at>" when non-empty.
  std::string generated_at;
  // The official Chinese text of an article (by number), for citations in the
  // HTML report; nullopt if not available.
  std::function<std::optional<std::string>(int article)> article_text;
};

std::string RenderMarkdown(const Assessment& a, const RenderOptions& options);
std::string RenderJson(const Assessment& a, const RenderOptions& options);
std::string RenderHtml(const Assessment& a, const RenderOptions& options);

// Portfolio: one summary over several assessments (in the order given), with
// each project's full report after it.
std::string RenderPortfolioMarkdown(const std::vector<Assessment>& all,
                                    const RenderOptions& options);
std::string RenderPortfolioJson(const std::vector<Assessment>& all, const RenderOptions& options);
std::string RenderPortfolioHtml(const std::vector<Assessment>& all, const RenderOptions& options);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_RENDER_H_
