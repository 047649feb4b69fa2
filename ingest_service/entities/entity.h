// Entity recognition output shared by the extraction pipeline and the store.
//
// Offsets are byte offsets into the text given to the recognizer, half-open
// [begin, end). Indices into EntityAnalysis vectors are stable for one
// analysis.
#ifndef VERBATIM_INGEST_SERVICE_ENTITIES_ENTITY_H_
#define VERBATIM_INGEST_SERVICE_ENTITIES_ENTITY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace verbatim::entities {

enum class EntityType { kPerson, kOrganization, kPlace, kWork, kEvent };

// Grammatical gender used to resolve pronouns; kUnknown when no cue exists.
enum class Gender { kUnknown, kMale, kFemale };

// Half-open byte range [begin, end).
struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
};

struct Mention {
  TextSpan span;
  std::string text;             // surface form as printed
  int entity = -1;              // index into EntityAnalysis::entities
  bool in_boilerplate = false;  // inside a caption, ad or navigation line
};

struct Entity {
  std::string display_name;  // fullest form seen in the article
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;  // every other surface form, deduplicated
  Gender gender = Gender::kUnknown;
  // A gazetteer lists one of its names ("Harvard", "CBS"): a name of its
  // own, not the short form of a longer one ("Harvard Law School").
  bool listed = false;
  // The classifier's votes for `type` (type_classifier.h), the most any
  // mention had: below kAcceptScore the type is a guess from the name's
  // shape ("Halloran Pike" is a person for want of a cue).
  float type_score = 0;
};

struct EntityAnalysis {
  std::vector<Entity> entities;
  std::vector<Mention> mentions;  // sorted by span.begin
};

// "PERSON", "ORG", "PLACE", "WORK", "EVENT" (the eval schema's spelling).
std::string_view EntityTypeName(EntityType type);

}  // namespace verbatim::entities

#endif  // VERBATIM_INGEST_SERVICE_ENTITIES_ENTITY_H_
