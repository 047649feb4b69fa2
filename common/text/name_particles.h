// The lowercase particles that sit inside names (lexicons/name_particles.txt),
// shared by the quote attributor and the entity recognizer.
#ifndef VERBATIM_COMMON_TEXT_NAME_PARTICLES_H_
#define VERBATIM_COMMON_TEXT_NAME_PARTICLES_H_

#include <string_view>

#include "common/text/lexicon.h"

namespace verbatim::text {

// Keys are particles; values are `surname`, `inner` or `title` (the file says
// what each allows). Parsed on first use; thread-safe.
const Lexicon& NameParticles();

// Whether `word` (any case) is a particle of a person's name (`surname` or
// `inner`), and whether it belongs to surnames ("van", "bin"; not "y", "of").
bool IsPersonNameParticle(std::string_view word);
bool IsSurnameParticle(std::string_view word);

}  // namespace verbatim::text

#endif  // VERBATIM_COMMON_TEXT_NAME_PARTICLES_H_
