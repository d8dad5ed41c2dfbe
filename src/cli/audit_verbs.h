// The verbs of `hegui audit` (docs/audit-format.md), split over
// audit_*_command.cc files; AddAuditCommand() in audit_command.cc attaches
// them all to the `audit` sub-app.
#ifndef HEGUI_CLI_AUDIT_VERBS_H_
#define HEGUI_CLI_AUDIT_VERBS_H_

#include "cli/command.h"

namespace hegui::cli {

void AddAuditVerifyVerb(CLI::App& audit, CommandResult& result);
void AddAuditProofVerbs(CLI::App& audit, CommandResult& result);  // prove, consistency
void AddAuditExportVerb(CLI::App& audit, CommandResult& result);
void AddAuditRetentionVerbs(CLI::App& audit, CommandResult& result);  // purge, shred, stats

}  // namespace hegui::cli

#endif  // HEGUI_CLI_AUDIT_VERBS_H_
