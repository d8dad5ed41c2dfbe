// ScannerHandle: the current Scanner, swappable at run time.
//
// Readers call Get() for a snapshot (a shared_ptr they hold for one request or
// one stream); an operator reloading the lexicon compiles a new Scanner off
// the hot path and calls Swap(). The swap is atomic: each Get() returns either
// the old or the new Scanner, never a mix, and the old one lives until its
// last reader drops it.
//
// Thread-safety: Get() and Swap() may be called concurrently from any threads.
#ifndef HEGUI_SCAN_SCANNER_HANDLE_H_
#define HEGUI_SCAN_SCANNER_HANDLE_H_

#include <atomic>
#include <memory>

#include "scan/scanner.h"

namespace hegui::scan {

class ScannerHandle {
 public:
  explicit ScannerHandle(std::shared_ptr<const Scanner> scanner) : current_(std::move(scanner)) {}

  std::shared_ptr<const Scanner> Get() const { return current_.load(std::memory_order_acquire); }
  void Swap(std::shared_ptr<const Scanner> scanner) {
    current_.store(std::move(scanner), std::memory_order_release);
  }

 private:
  std::atomic<std::shared_ptr<const Scanner>> current_;
};

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_SCANNER_HANDLE_H_
