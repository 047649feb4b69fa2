// Finds named entities in one article and groups their surface forms.
#ifndef VERBATIM_INGEST_SERVICE_ENTITIES_ENTITY_RECOGNIZER_H_
#define VERBATIM_INGEST_SERVICE_ENTITIES_ENTITY_RECOGNIZER_H_

#include <memory>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "ingest_service/entities/entity.h"

namespace verbatim::entities {

// What the text pipeline already knows about the article; all spans are byte
// ranges into the text passed to Recognize.
struct TextLayout {
  absl::Span<const TextSpan> sentences;  // in order; may be empty (whole text)
  absl::Span<const TextSpan> boilerplate;  // captions, ads, navigation lines
  absl::Span<const TextSpan> quotations;   // text between quote marks
};

// Thread-safe after construction: Recognize is const and keeps no state.
class EntityRecognizer {
 public:
  // Loads the embedded gazetteers and lexicons. Fails only on corrupt data.
  static absl::StatusOr<std::unique_ptr<EntityRecognizer>> Create();
  virtual ~EntityRecognizer() = default;

  // Returns every entity mention in `text` (valid UTF-8, NFC) with mentions of
  // one entity (full name, surname, nickname, honorific form) grouped.
  virtual EntityAnalysis Recognize(std::string_view text,
                                   const TextLayout& layout) const = 0;

  // What ResolveName does with a name that matches no entity.
  enum class UnknownName {
    kAdd,     // adds an entity: a PERSON, or an ORGANIZATION by its head
    kIgnore,  // returns -1 and leaves `analysis` as it was
  };

  // Resolves a name found by the caller (e.g. an attribution frame's subject,
  // "Lamar", "K.Dot", "Mr Musk") to an entity of `analysis` and records the
  // mention. Returns the entity index, or -1 for an unknown name with
  // UnknownName::kIgnore.
  virtual int ResolveName(std::string_view text, TextSpan span,
                          UnknownName unknown,
                          EntityAnalysis& analysis) const = 0;
};

}  // namespace verbatim::entities

#endif  // VERBATIM_INGEST_SERVICE_ENTITIES_ENTITY_RECOGNIZER_H_
