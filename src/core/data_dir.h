// Locates hegui's shipped data (the law catalogue, the default lexicon).
//
// Order: the HEGUI_DATA_DIR environment variable; else the source tree's data/
// directory compiled in at build time; else /usr/share/hegui. The returned path
// has no trailing slash.
#ifndef HEGUI_CORE_DATA_DIR_H_
#define HEGUI_CORE_DATA_DIR_H_

#include <string>

namespace hegui {

std::string DataDir();

}  // namespace hegui

#endif  // HEGUI_CORE_DATA_DIR_H_
