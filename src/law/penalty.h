// A penalty provision of the Cybersecurity Law (Arts. 61-77) as data: which
// obligations it punishes, its tiers (base, correction refused, serious,
// particularly serious consequences) with the fines on the offender and on the
// directly responsible persons, and the non-monetary sanctions.
//
// Loaded from data/law/penalties.yaml by penalty_catalogue.h (format in
// docs/law-data.md). Every amount names the clause of the official text that
// states it (`stated_in`), and law check compares the two. Plain values,
// thread-safe to read.
#ifndef HEGUI_LAW_PENALTY_H_
#define HEGUI_LAW_PENALTY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "law/article_id.h"
#include "law/chinese_amount.h"

namespace hegui::law {

// What kind of legal consequence a penalty provision sets.
enum class PenaltyKind {
  kFine,           // Administrative penalties with fines and/or sanctions (Arts. 61-70).
  kReferral,       // Handled under other laws and regulations (Art. 71).
  kCreditRecord,   // Recorded in credit files and published (Art. 72).
  kLeniency,       // Lighter, reduced or no penalty under the Administrative Penalty Law (Art. 73).
  kDisciplinary,   // Discipline of officials and government networks (Arts. 74, 75).
  kCivilCriminal,  // Civil liability, public-security penalties, criminal liability (Art. 76).
  kOverseasMeasures,  // Liability and sanctions against overseas actors (Art. 77).
};

enum class TierLevel {
  kBase,                 // First finding: order to correct, warning, perhaps a fine.
  kCorrectionRefused,    // 拒不改正 (usually "or harm caused" / "or serious circumstances").
  kSerious,              // 严重后果 / 情节严重 / 情节较重.
  kParticularlySerious,  // 特别严重.
};

// Non-monetary sanctions, each with the Chinese words that state it.
enum class Sanction {
  kRectificationOrder,       // 责令改正 / 责令限期改正
  kWarning,                  // 警告
  kPublicNotice,             // 予以通报
  kConfiscation,             // 没收违法所得
  kStopSales,                // 责令停止销售或者提供
  kStopUse,                  // 停止使用
  kEliminateImpact,          // 消除对国家安全的影响
  kSuspendBusiness,          // 暂停相关业务
  kClosureForRectification,  // 停业整顿
  kCloseWebsiteOrApp,        // 关闭网站或者应用程序
  kRevokePermit,             // 吊销相关业务许可证
  kRevokeBusinessLicence,    // 吊销营业执照
  kDetention,                // 拘留
  kCloseSitesAndGroups,      // 关闭用于实施违法犯罪活动的网站、通讯群组
  kBanFromKeyPosts,          // 不得从事网络安全管理和网络运营关键岗位的工作
  kFreezeAssets,             // 冻结财产
  kOtherSanctions,           // 其他必要的制裁措施
  kLegalLiability,           // 依法追究法律责任
  kDisciplinaryAction,       // 处分
  kCreditRecord,             // 记入信用档案
  kPublicDisclosure,         // 予以公示
  kReferral,               // 依照有关法律、行政法规的规定处理、处罚 / …处罚
  kLenientTreatment,       // 从轻、减轻或者不予处罚
  kCivilLiability,         // 民事责任
  kPublicSecurityPenalty,  // 治安管理处罚
  kCriminalLiability,      // 刑事责任
};

std::string_view PenaltyKindName(PenaltyKind kind);
std::string_view TierLevelName(TierLevel level);
std::string_view SanctionName(Sanction sanction);
// The Chinese phrases that state `sanction` (any one suffices).
std::vector<std::string_view> SanctionPhrases(Sanction sanction);
// All sanctions, in enum order (for parsing and checks).
const std::vector<Sanction>& AllSanctions();

// Where in the official text an amount is stated.
struct StatedIn {
  ArticleId article;  // Defaults to the penalty's article.
  int paragraph = 1;
  int clause = 1;  // See stated_sanctions.h.

  // "Art. 61 para 3 clause 1".
  std::string ToString() const {
    return article.ToString() + " para " + std::to_string(paragraph) + " clause " +
           std::to_string(clause);
  }
};

// A fine: a yuan range or a multiple of illegal income / purchase amount.
struct Fine {
  AmountRange range;           // basis kYuan, kIllegalIncomeMultiple or kPurchaseAmountMultiple.
  bool discretionary = false;  // 可以处: the authority may, not must, impose it.
};

struct Tier {
  TierLevel level = TierLevel::kBase;
  std::string trigger;  // When this tier applies, in English.
  StatedIn stated_in;
  std::optional<Fine> fine;          // On the offender (entity, or the individual).
  std::optional<Fine> persons_fine;  // On the directly responsible persons.
  std::optional<AmountRange> detention_days;
  // Fines that depend on illegal income: applies when income < below / >= at_least.
  std::optional<int64_t> illegal_income_below;
  std::optional<int64_t> illegal_income_at_least;
  std::vector<Sanction> sanctions;                // Imposed.
  std::vector<Sanction> discretionary_sanctions;  // May be imposed (并可以…).
  std::vector<std::string> applies_to;            // Subset of punishes; empty = all of them.
};

// A ban on holding posts (Art. 66 para 3).
struct Ban {
  std::optional<int> years;  // Absent: for life.
  std::string after;         // What triggers it, in English.
  StatedIn stated_in;
};

struct Penalty {
  std::string id;  // "PEN-61-1", "PEN-62".
  ArticleId article;
  int paragraph = 0;  // 0: the whole article.
  PenaltyKind kind = PenaltyKind::kFine;
  std::string offender;   // "network_operator", "cii_operator", "individual", "organisation", ...
  std::string authority;  // "competent_authority", "public_security", ...
  std::string summary;    // English.
  std::vector<ProvisionRef> violations;    // Provisions the text names as violated.
  std::vector<std::string> punishes;       // Obligation ids (CSL-23-1 ...).
  bool applies_to_all_violations = false;  // Arts. 72, 73, 76: any violation of the law.
  std::string persons_as;  // Id of the penalty whose amounts apply to the responsible persons.
  std::vector<Tier> tiers;
  std::vector<Ban> bans;
  int line = 0;  // Line in penalties.yaml.

  // "Art. 61 para 1" or "Art. 62".
  ProvisionRef provision() const { return {article, paragraph, 0}; }
};

}  // namespace hegui::law

#endif  // HEGUI_LAW_PENALTY_H_
