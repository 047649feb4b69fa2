// The single writer of the evaluation JSON-lines format read by
// /work/shared/eval/score.py (see its docstring for the schema).
#ifndef VERBATIM_INGEST_SERVICE_EXTRACTION_EVAL_JSONL_H_
#define VERBATIM_INGEST_SERVICE_EXTRACTION_EVAL_JSONL_H_

#include <string>
#include <string_view>

#include "absl/types/span.h"
#include "ingest_service/extraction/extractor.h"

namespace verbatim::extraction {

// Returns one JSON object, without a trailing newline:
//   {"file": ..., "quotes": [{"text", "speaker", "speaker_id", "cluster"}],
//    "entities": [{"name", "type", "id", "aliases"}]}
// `quote_clusters` (one per r.quotes) and `entity_ids` (one per r.entities)
// carry cross-article ids; when a span is empty (or shorter than needed) the
// clusters are null and ids are derived from the entity name
// ("kendrick-lamar"). Strings are escaped per RFC 8259; malformed UTF-8 bytes
// become U+FFFD so the line is always valid JSON.
std::string EvalJsonLine(std::string_view file, const ExtractionResult& r,
                         absl::Span<const std::string> quote_clusters,
                         absl::Span<const std::string> entity_ids);

// Appends `s` as a quoted JSON string to `out`.
void AppendJsonString(std::string_view s, std::string& out);

// "Kendrick Lamar" -> "kendrick-lamar": lowercase ASCII letters and digits,
// other runs folded to '-', non-ASCII letters kept.
std::string NameId(std::string_view name);

}  // namespace verbatim::extraction

#endif  // VERBATIM_INGEST_SERVICE_EXTRACTION_EVAL_JSONL_H_
