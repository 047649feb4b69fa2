#include "common/text/name_particles.h"

#include "verbatim_text_data.h"

namespace verbatim::text {

const Lexicon& NameParticles() {
  static const Lexicon& particles = CompiledInLexicon(
      "name_particles.txt", data::EmbeddedFile("name_particles.txt"));
  return particles;
}

bool IsPersonNameParticle(std::string_view word) {
  const auto kind = NameParticles().FindFolded(word);
  return kind.has_value() && *kind != "title";
}

bool IsSurnameParticle(std::string_view word) {
  return NameParticles().FindFolded(word) == "surname";
}

}  // namespace verbatim::text
