// C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the signed
// statement "the log named <origin> had <size> records with root <root>".
//
//   checkpoint := origin "\n" decimal-size "\n" base64(root hash) "\n" extension-line*
//
// The text is the body of a signed note (note.h). Example for an empty log:
//   hegui.example/audit
//   0
//   47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=
// Value type; thread-compatible.
#ifndef HEGUI_AUDIT_CHECKPOINT_H_
#define HEGUI_AUDIT_CHECKPOINT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "audit/merkle.h"
#include "core/status_or.h"

namespace hegui::audit {

struct Checkpoint {
  std::string origin;
  int64_t size = 0;
  Hash root;
  std::vector<std::string> extensions;  // Lines after the root, without "\n".

  std::string Text() const;
  // InvalidArgument naming the line when the text is not a checkpoint.
  static StatusOr<Checkpoint> Parse(std::string_view text);
};

}  // namespace hegui::audit

#endif  // HEGUI_AUDIT_CHECKPOINT_H_
