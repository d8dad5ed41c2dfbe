#include "law/penalty.h"

namespace hegui::law {

std::string_view PenaltyKindName(PenaltyKind kind) {
  switch (kind) {
    case PenaltyKind::kFine:
      return "fine";
    case PenaltyKind::kReferral:
      return "referral";
    case PenaltyKind::kCreditRecord:
      return "credit_record";
    case PenaltyKind::kLeniency:
      return "leniency";
    case PenaltyKind::kDisciplinary:
      return "disciplinary";
    case PenaltyKind::kCivilCriminal:
      return "civil_criminal";
    case PenaltyKind::kOverseasMeasures:
      return "overseas_measures";
  }
  return "unknown";
}

std::string_view TierLevelName(TierLevel level) {
  switch (level) {
    case TierLevel::kBase:
      return "base";
    case TierLevel::kCorrectionRefused:
      return "correction_refused";
    case TierLevel::kSerious:
      return "serious";
    case TierLevel::kParticularlySerious:
      return "particularly_serious";
  }
  return "unknown";
}

namespace {

struct SanctionInfo {
  Sanction sanction;
  std::string_view name;
  std::vector<std::string_view> phrases;
};

const std::vector<SanctionInfo>& SanctionTable() {
  static const std::vector<SanctionInfo> kTable = {
      {Sanction::kRectificationOrder, "rectification_order", {"责令改正", "责令限期改正"}},
      {Sanction::kWarning, "warning", {"警告"}},
      {Sanction::kPublicNotice, "public_notice", {"予以通报"}},
      {Sanction::kConfiscation, "confiscation_of_illegal_income", {"没收违法所得"}},
      {Sanction::kStopSales, "stop_sales", {"责令停止销售或者提供"}},
      {Sanction::kStopUse, "stop_use", {"停止使用"}},
      {Sanction::kEliminateImpact, "eliminate_impact", {"消除对国家安全的影响"}},
      {Sanction::kSuspendBusiness, "suspend_business", {"暂停相关业务"}},
      {Sanction::kClosureForRectification, "closure_for_rectification", {"停业整顿"}},
      {Sanction::kCloseWebsiteOrApp, "close_website_or_app", {"关闭网站或者应用程序"}},
      {Sanction::kRevokePermit, "revoke_business_permit", {"吊销相关业务许可证"}},
      {Sanction::kRevokeBusinessLicence, "revoke_business_licence", {"吊销营业执照"}},
      {Sanction::kDetention, "detention", {"拘留"}},
      {Sanction::kCloseSitesAndGroups,
       "close_sites_and_groups",
       {"关闭用于实施违法犯罪活动的网站、通讯群组"}},
      {Sanction::kBanFromKeyPosts,
       "ban_from_key_posts",
       {"不得从事网络安全管理和网络运营关键岗位的工作"}},
      {Sanction::kFreezeAssets, "freeze_assets", {"冻结财产"}},
      {Sanction::kOtherSanctions, "other_sanctions", {"其他必要的制裁措施"}},
      {Sanction::kLegalLiability, "legal_liability", {"依法追究法律责任"}},
      {Sanction::kDisciplinaryAction, "disciplinary_action", {"给予处分"}},
      {Sanction::kCreditRecord, "credit_record", {"记入信用档案"}},
      {Sanction::kPublicDisclosure, "public_disclosure", {"予以公示"}},
      {Sanction::kReferral,
       "referral",
       {"依照有关法律、行政法规的规定处理、处罚", "依照有关法律、行政法规的规定处罚"}},
      {Sanction::kLenientTreatment, "lenient_treatment", {"从轻、减轻或者不予处罚"}},
      {Sanction::kCivilLiability, "civil_liability", {"民事责任"}},
      {Sanction::kPublicSecurityPenalty, "public_security_penalty", {"给予治安管理处罚"}},
      {Sanction::kCriminalLiability, "criminal_liability", {"刑事责任"}},
  };
  return kTable;
}

}  // namespace

std::string_view SanctionName(Sanction sanction) {
  for (const SanctionInfo& s : SanctionTable()) {
    if (s.sanction == sanction) return s.name;
  }
  return "unknown";
}

std::vector<std::string_view> SanctionPhrases(Sanction sanction) {
  for (const SanctionInfo& s : SanctionTable()) {
    if (s.sanction == sanction) return s.phrases;
  }
  return {};
}

const std::vector<Sanction>& AllSanctions() {
  static const std::vector<Sanction> kAll = [] {
    std::vector<Sanction> all;
    for (const SanctionInfo& s : SanctionTable()) all.push_back(s.sanction);
    return all;
  }();
  return kAll;
}

}  // namespace hegui::law
