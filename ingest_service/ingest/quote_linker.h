// Finds the utterance a printed quotation belongs to, so that the same quote
// reprinted by several outlets (with small edits, cuts or merged halves) is
// one Quote resource.
#ifndef VERBATIM_INGEST_SERVICE_INGEST_QUOTE_LINKER_H_
#define VERBATIM_INGEST_SERVICE_INGEST_QUOTE_LINKER_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "common/storage/store.h"
#include "ingest_service/ingest/record_changes.h"

namespace verbatim::ingest {

// Share of the shorter text's words that must occur in the longer one.
inline constexpr double kSameUtteranceContainment = 0.6;

// Share of a's folded words (with multiplicity) that also occur in b.
double WordContainment(const std::string& a, const std::string& b);

// Returns the id of a stored or newly created (in `changes`) utterance whose
// text contains most of `text`'s words or is mostly contained in it, spoken
// by `speaker` or by an unknown speaker (either side empty), or nullopt.
// Candidates come from the shingle index, so the cost does not grow with the
// number of stored quotes.
absl::StatusOr<std::optional<uint64_t>> FindUtterance(const storage::Store& store,
                                                      RecordChanges& changes,
                                                      const std::string& text,
                                                      const std::string& speaker);

}  // namespace verbatim::ingest

#endif  // VERBATIM_INGEST_SERVICE_INGEST_QUOTE_LINKER_H_
