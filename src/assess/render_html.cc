// Self-contained printable HTML report (render.h): one file, inline CSS, an
// inline SVG bar chart of worst-case exposure by area, and for every cited
// article its official Chinese text.
#include <algorithm>
#include <set>
#include <sstream>

#include "assess/render.h"
#include "assess/report_text.h"

namespace hegui::assess {
namespace {

std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const char kStyle[] = R"(
body{font-family:"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:60em;color:#1a1a1a;line-height:1.45;padding:0 1em}
h1{font-size:1.6em;border-bottom:2px solid #333}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #bbb}h3{font-size:1.05em;margin-bottom:.2em}
table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:.25em .45em;text-align:left;vertical-align:top}th{background:#f1f1f1}
.gap{color:#a40000;font-weight:bold}.met{color:#1b6e20}.unknown{color:#8a5a00}
.tier{font-size:1.15em;font-weight:bold}.meta{color:#555;font-size:.9em}
blockquote.zh{margin:.3em 0 .8em 0;padding:.4em .8em;border-left:3px solid #999;background:#fafafa;font-size:.9em;white-space:pre-wrap}
code{font-size:.9em;background:#f4f4f4;padding:0 .2em}td a{white-space:nowrap}
.obligation{page-break-inside:avoid;margin-bottom:1.2em}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}h2{page-break-after:avoid}.project{page-break-before:always}}
)";

std::string StatusSpan(ControlStatus s) {
  return "<span class=\"" + std::string(ControlStatusName(s)) + "\">" + report::StatusWord(s) +
         "</span>";
}

// Horizontal bars: worst-case entity exposure (max of range) per area.
std::string Chart(const Assessment& a) {
  if (a.by_area.empty()) return "<p>No gaps: no exposure to chart.</p>\n";
  int64_t top = 1;
  for (const AreaExposure& ae : a.by_area) top = std::max(top, ae.exposure.entity_worst.max);
  const int bar_h = 22, label_w = 190, bar_w = 330, gap = 6;
  const int height = static_cast<int>(a.by_area.size()) * (bar_h + gap) + 10;
  std::ostringstream o;
  o << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" << label_w + bar_w + 170
    << "\" height=\"" << height << "\" aria-label=\"Worst-case exposure by area\">\n";
  int y = 4;
  for (const AreaExposure& ae : a.by_area) {
    const int64_t v = ae.exposure.entity_worst.max;
    const int w = std::max<int>(v > 0 ? 2 : 0, static_cast<int>(v * bar_w / top));
    o << "<text x=\"0\" y=\"" << y + 15 << "\" font-size=\"12\">" << Esc(law::AreaLabel(ae.area))
      << "</text>";
    o << "<rect x=\"" << label_w << "\" y=\"" << y << "\" width=\"" << w << "\" height=\"" << bar_h
      << "\" fill=\"#b03a2e\"/>";
    o << "<text x=\"" << label_w + w + 6 << "\" y=\"" << y + 15 << "\" font-size=\"12\">"
      << Esc(FormatRange(ae.exposure.entity_worst)) << "</text>\n";
    y += bar_h + gap;
  }
  o << "</svg>\n";
  return o.str();
}

void Body(std::ostringstream& o, const Assessment& a, const RenderOptions& options,
          const std::string& anchor) {
  int unanswered = 0;
  for (const auto& q : a.intake) unanswered += !q.answered();
  o << "<table>\n<tr><th>Review tier</th><td class=\"tier\">" << Esc(ReviewTierLabel(a.tier.tier))
    << "</td></tr>\n<tr><th>CII class</th><td>" << Esc(report::CiiClass(a)) << "</td></tr>\n"
    << "<tr><th>Obligations</th><td>" << a.applicable << " applicable: " << a.met << " met, "
    << a.gaps << " gaps, " << a.unknown << " unknown</td></tr>\n"
    << "<tr><th>Exposure, entity</th><td>base case " << FormatRange(a.total.entity_base)
    << "; worst case <b>" << FormatRange(a.total.entity_worst) << "</b></td></tr>\n"
    << "<tr><th>Exposure, responsible persons</th><td>base case "
    << FormatRange(a.total.persons_base) << "; worst case <b>" << FormatRange(a.total.persons_worst)
    << "</b> (each)</td></tr>\n"
    << "<tr><th>Intake questions unanswered</th><td>" << unanswered << " of " << a.intake.size()
    << "</td></tr>\n</table>\n";
  if (a.unquantified_gaps) {
    o << "<p class=\"meta\">Some gaps fall under provisions that refer to other laws (Art. 71) or "
         "fine a multiple of an amount the profile does not give; they are not in the "
         "totals.</p>\n";
  }

  o << "<h2>Risk tier</h2>\n<ul>\n";
  for (const TierReason& r : a.tier.reasons) {
    o << "<li><b>" << Esc(ReviewTierLabel(r.tier)) << "</b>: " << Esc(r.reason) << "</li>\n";
  }
  o << "<li><b>CII class</b>: " << Esc(report::CiiClass(a)) << "</li>\n</ul>\n";

  o << "<h2>Intake questions</h2>\n<table><tr><th>Question</th><th>Answer</th></tr>\n";
  for (const IntakeQuestion& q : a.intake) {
    o << "<tr><td>" << Esc(q.question) << "</td><td>";
    if (q.answered()) {
      o << Esc(q.answer);
    } else {
      o << "<span class=\"gap\">unanswered</span>:";
      for (const auto& f : q.missing) o << " <code>" << Esc(f) << "</code>";
    }
    o << "</td></tr>\n";
  }
  o << "</table>\n";

  o << "<h2>Penalty exposure by area</h2>\n" << Chart(a);

  o << "<h2>Obligations</h2>\n<table><tr><th>Id</th><th>Article</th><th>Obligation</th>"
       "<th>Binds</th><th>Status</th><th>Worst case (entity)</th></tr>\n";
  for (size_t i = 0; i < a.obligations.size(); ++i) {
    const ObligationResult& r = a.obligations[i];
    if (r.applies == Truth::kFalse) continue;
    o << "<tr><td><a href=\"#" << anchor << r.obligation->id.str() << "\">"
      << r.obligation->id.str() << "</a></td><td>" << Esc(r.obligation->Citation()) << "</td><td>"
      << Esc(r.obligation->title) << "</td><td>" << Esc(law::AddresseeLabel(r.obligation->binds))
      << "</td><td>" << StatusSpan(r.status) << "</td><td>"
      << (r.status == ControlStatus::kGap ? Esc(report::ShortExposure(a.penalties[i])) : "")
      << "</td></tr>\n";
  }
  o << "</table>\n";
  for (size_t i = 0; i < a.obligations.size(); ++i) {
    const ObligationResult& r = a.obligations[i];
    if (r.applies == Truth::kFalse) continue;
    const law::Obligation& ob = *r.obligation;
    o << "<div class=\"obligation\" id=\"" << anchor << ob.id.str() << "\">\n<h3>" << ob.id.str()
      << " " << Esc(ob.title) << " — " << StatusSpan(r.status) << "</h3>\n";
    o << "<p class=\"meta\">" << Esc(ob.Citation()) << " · binds "
      << Esc(law::AddresseeLabel(ob.binds)) << " · " << Esc(law::AreaLabel(ob.area)) << "</p>\n<p>"
      << Esc(ob.summary) << "</p>\n";
    std::optional<std::string> zh =
        options.article_text ? options.article_text(ob.article.number()) : std::nullopt;
    if (zh) o << "<blockquote class=\"zh\" lang=\"zh-CN\">" << Esc(*zh) << "</blockquote>\n";
    o << "<p>Applies because" << (r.applies == Truth::kUnknown ? " (assumed until answered)" : "")
      << ":</p><ul>\n";
    for (const auto& w : r.why) o << "<li>" << Esc(w) << "</li>\n";
    o << "</ul>\n<table><tr><th>Control</th><th>Status</th><th>Evidence</th><th>Profile "
         "says</th></tr>\n";
    for (const ControlResult& c : r.controls) {
      for (size_t k = 0; k < c.checks.size(); ++k) {
        o << "<tr>";
        if (k == 0) {
          o << "<td rowspan=\"" << c.checks.size() << "\">" << Esc(c.control->title)
            << "</td><td rowspan=\"" << c.checks.size() << "\">" << StatusSpan(c.status) << "</td>";
        }
        o << "<td><code>" << Esc(c.checks[k].check) << "</code></td><td>"
          << Esc(c.checks[k].observed) << "</td></tr>\n";
      }
    }
    o << "</table>\n";
    const PenaltyLink& link = a.penalties[i];
    if (link.provisions.empty()) {
      o << "<p class=\"meta\">No CSL penalty provision names this obligation.</p>\n";
    }
    for (const PenaltyTerms* p : link.provisions) {
      o << "<p class=\"meta\">Penalty: " << Esc(report::DescribeProvision(*p)) << ".</p>\n";
      std::optional<std::string> pzh =
          options.article_text ? options.article_text(p->article) : std::nullopt;
      if (pzh) {
        o << "<details><summary>" << Esc(p->citation) << " 原文</summary><blockquote class=\"zh\" "
          << "lang=\"zh-CN\">" << Esc(*pzh) << "</blockquote></details>\n";
      }
    }
    if (r.status == ControlStatus::kGap) {
      o << "<p>Exposure of this gap: entity base " << FormatRange(link.exposure.entity_base)
        << ", worst " << Esc(report::EntityWorst(link)) << "; responsible persons base "
        << FormatRange(link.exposure.persons_base) << ", worst "
        << FormatRange(link.exposure.persons_worst) << ".</p>\n";
    }
    o << "</div>\n";
  }
  o << "<h3>Not applicable</h3>\n<ul>\n";
  for (const ObligationResult& r : a.obligations) {
    if (r.applies != Truth::kFalse) continue;
    std::string why;
    for (const auto& w : r.why) why += (why.empty() ? "" : "; ") + w;
    o << "<li>" << r.obligation->id.str() << " (" << Esc(r.obligation->Citation()) << ") "
      << Esc(r.obligation->title) << ": " << Esc(why) << "</li>\n";
  }
  o << "</ul>\n";

  o << "<h2>Penalty exposure</h2>\n";
  if (a.gaps == 0) {
    o << "<p>No gaps: no exposure.</p>\n";
  } else {
    o << "<table><tr><th>Gap</th><th>Provision</th><th>Entity, base</th><th>Entity, worst</th>"
         "<th>Persons, base</th><th>Persons, worst</th></tr>\n";
    for (size_t i = 0; i < a.obligations.size(); ++i) {
      const ObligationResult& r = a.obligations[i];
      if (r.applies == Truth::kFalse || r.status != ControlStatus::kGap) continue;
      const PenaltyLink& l = a.penalties[i];
      std::string prov;
      for (const PenaltyTerms* p : l.provisions) {
        prov += (prov.empty() ? "" : ", ") + p->id + (p->referred ? " (other laws)" : "");
      }
      o << "<tr><td>" << r.obligation->id.str() << "</td><td>" << Esc(prov.empty() ? "none" : prov)
        << "</td><td>" << FormatRange(l.exposure.entity_base) << "</td><td>"
        << Esc(report::EntityWorst(l)) << "</td><td>" << FormatRange(l.exposure.persons_base)
        << "</td><td>" << FormatRange(l.exposure.persons_worst) << "</td></tr>\n";
    }
    o << "<tr><th>Total</th><th>each provision once</th><th>" << FormatRange(a.total.entity_base)
      << "</th><th>" << FormatRange(a.total.entity_worst) << "</th><th>"
      << FormatRange(a.total.persons_base) << "</th><th>" << FormatRange(a.total.persons_worst)
      << "</th></tr>\n</table>\n";
  }

  o << "<h2>Data map</h2>\n";
  const auto& items = a.profile.Items("data");
  if (items.empty()) {
    o << "<p>" << (a.profile.Find("data") ? "The data map lists no items." : "<b>No data map.</b>")
      << "</p>\n";
  } else {
    o << "<table><tr><th>Item</th><th>Category</th><th>Purposes</th><th>Necessary</th><th>Stored</"
         "th>"
         "<th>Leaves China</th><th>Deletion</th><th>Correction</th></tr>\n";
    auto b = [](std::optional<bool> v) { return v ? (*v ? "yes" : "no") : "?"; };
    for (const ProfileNode& item : items) {
      std::string purposes;
      if (const auto* p = item.List("purposes")) {
        for (const auto& x : *p) purposes += (purposes.empty() ? "" : ", ") + x;
      }
      o << "<tr><td>" << Esc(item.Text("name").value_or("?")) << "</td><td>"
        << Esc(item.Text("category").value_or("?")) << "</td><td>"
        << Esc(purposes.empty() ? "?" : purposes) << "</td><td>" << b(item.Bool("necessary"))
        << "</td><td>" << Esc(item.Text("stored_in").value_or("?")) << "</td><td>"
        << b(item.Bool("leaves_china")) << "</td><td>" << Esc(item.Text("deletion").value_or("?"))
        << "</td><td>" << Esc(item.Text("correction").value_or("?")) << "</td></tr>\n";
    }
    o << "</table>\n";
    if (!a.data_findings.empty()) {
      o << "<ul>\n";
      for (const DataFinding& f : a.data_findings) {
        o << "<li><b>" << Esc(f.item) << "</b>: " << Esc(f.detail) << " (" << f.obligation
          << ")</li>\n";
      }
      o << "</ul>\n";
    }
  }

  o << "<h2>Vendor contracts</h2>\n";
  if (a.vendors.empty()) {
    o << "<p>" << (a.profile.Find("vendors") ? "No vendors listed." : "<b>Vendors unanswered.</b>")
      << "</p>\n";
  } else {
    o << "<table><tr><th>Vendor</th><th>Kind</th><th>Region</th>";
    for (const ClauseStatus& c : a.vendors.front().clauses) o << "<th>" << Esc(c.label) << "</th>";
    o << "<th>Coverage</th></tr>\n";
    for (const VendorCoverage& v : a.vendors) {
      o << "<tr><td>" << Esc(v.name) << "</td><td>" << Esc(v.kind) << "</td><td>" << Esc(v.region)
        << "</td>";
      for (const ClauseStatus& c : v.clauses) {
        o << "<td>" << StatusSpan(c.status);
        if (c.status != ControlStatus::kUnknown &&
            (c.clause == "patch_timeline_days" || c.clause == "maintenance_period_months")) {
          o << " (" << Esc(c.observed) << ")";
        }
        o << "</td>";
      }
      o << "<td>" << v.covered << "/" << v.required << "</td></tr>\n";
    }
    o << "</table>\n";
  }

  o << "<h2>Action list</h2>\n<ol>\n";
  for (const Action& act : a.actions) {
    o << "<li><b>" << Esc(act.title) << "</b>";
    if (!act.obligation.empty()) o << " (" << act.obligation << ", " << Esc(act.citation) << ")";
    if (act.status == ControlStatus::kGap && act.exposure.entity_worst.max > 0) {
      o << " — exposure up to " << FormatRange(act.exposure.entity_worst);
    }
    o << "<br>" << Esc(act.detail) << "</li>\n";
  }
  o << "</ol>\n";
}

void Open(std::ostringstream& o, const std::string& title) {
  o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
    << Esc(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n";
}

void Meta(std::ostringstream& o, const std::string& text, const RenderOptions& options) {
  o << "<p class=\"meta\">" << Esc(text)
    << " assessed against the PRC Cybersecurity Law as amended "
    << "28 October 2025.";
  if (!options.generated_at.empty()) o << " Generated " << Esc(options.generated_at) << ".";
  o << "</p>\n";
}

}  // namespace

std::string RenderHtml(const Assessment& a, const RenderOptions& options) {
  std::ostringstream o;
  Open(o, "CSL assessment: " + a.profile.name());
  o << "<h1>CSL assessment: " << Esc(a.profile.name()) << "</h1>\n";
  Meta(o, "Profile " + a.profile.source(), options);
  Body(o, a, options, "");
  o << "</body>\n</html>\n";
  return o.str();
}

std::string RenderPortfolioHtml(const std::vector<Assessment>& all, const RenderOptions& options) {
  std::ostringstream o;
  Open(o, "CSL portfolio assessment");
  o << "<h1>CSL portfolio assessment</h1>\n";
  Meta(o, std::to_string(all.size()) + " project profile(s)", options);
  o << "<table><tr><th>Project</th><th>Tier</th><th>CII class</th><th>Applicable</th><th>Gaps</th>"
       "<th>Unknown</th><th>Entity worst case</th><th>Persons worst case</th></tr>\n";
  Exposure sum;
  for (size_t i = 0; i < all.size(); ++i) {
    const Assessment& a = all[i];
    o << "<tr><td><a href=\"#project-" << i + 1 << "\">" << Esc(a.profile.name()) << "</a></td><td>"
      << Esc(ReviewTierLabel(a.tier.tier)) << "</td><td>"
      << (a.tier.cii_operator   ? "CII operator"
          : a.tier.cii_adjacent ? "CII-adjacent"
                                : "no")
      << "</td><td>" << a.applicable << "</td><td>" << a.gaps << "</td><td>" << a.unknown
      << "</td><td>" << FormatRange(a.total.entity_worst) << "</td><td>"
      << FormatRange(a.total.persons_worst) << "</td></tr>\n";
    sum += a.total;
  }
  o << "<tr><th>All projects</th><th></th><th></th><th></th><th></th><th></th><th>"
    << FormatRange(sum.entity_worst) << "</th><th>" << FormatRange(sum.persons_worst)
    << "</th></tr>\n</table>\n";
  for (size_t i = 0; i < all.size(); ++i) {
    o << "<section class=\"project\" id=\"project-" << i + 1 << "\">\n<h1>"
      << Esc(all[i].profile.name()) << "</h1>\n";
    Meta(o, "Profile " + all[i].profile.source(), RenderOptions{"", nullptr});
    Body(o, all[i], options, "p" + std::to_string(i + 1) + "-");
    o << "</section>\n";
  }
  o << "</body>\n</html>\n";
  return o.str();
}

}  // namespace hegui::assess
