// RandomJsonPieces: the small random choices the parser tests' generators of
// JSON bodies are built from: percent chances, picks among alternatives, JSON
// white space and member names. Seeded, so that a failing body is reproduced
// by its seed; a generator derives from it and adds its own grammar.
#ifndef HEGUI_TESTS_GATEWAY_RANDOM_JSON_PIECES_H_
#define HEGUI_TESTS_GATEWAY_RANDOM_JSON_PIECES_H_

#include <cstdint>
#include <initializer_list>
#include <random>
#include <string>

namespace hegui::gateway {

class RandomJsonPieces {
 protected:
  explicit RandomJsonPieces(uint32_t seed) : rng_(seed) {}

  bool Chance(int percent) { return static_cast<int>(rng_() % 100) < percent; }
  std::string Pick(std::initializer_list<std::string> options) {
    return *(options.begin() + rng_() % options.size());
  }
  // JSON white space, mostly none.
  std::string Space() { return Pick({"", "", "", " ", "\n\t", "\r\n "}); }
  // `"name":` with white space around its parts.
  std::string Key(const std::string& name) {
    return Space() + "\"" + name + "\"" + Space() + ":" + Space();
  }

  std::mt19937 rng_;
};

}  // namespace hegui::gateway

#endif  // HEGUI_TESTS_GATEWAY_RANDOM_JSON_PIECES_H_
