// Checks a CreateArticleRequest before any work is done on it.
#ifndef VERBATIM_INGEST_SERVICE_INGEST_ARTICLE_VALIDATION_H_
#define VERBATIM_INGEST_SERVICE_INGEST_ARTICLE_VALIDATION_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "verbatim/v1/ingest_service.pb.h"

namespace verbatim::ingest {

struct ArticleLimits {
  int64_t max_body_bytes = 2 << 20;
  int64_t max_title_bytes = 2000;
  int64_t max_url_bytes = 2048;
  int64_t max_source_bytes = 200;
  int64_t max_request_id_bytes = 128;
};

// OK, or INVALID_ARGUMENT / RESOURCE_EXHAUSTED naming the first bad field
// ("article.body", "article.publish_time", ...) and, for sizes, the limit.
// Rejects: a missing article, an empty or whitespace-only body, bodies over
// the limit, text fields that are not UTF-8 or contain NUL bytes, urls that
// are not absolute http(s) URLs, timestamps outside years 1..9999, and
// content types other than text/plain.
absl::Status ValidateCreateArticleRequest(
    const v1::CreateArticleRequest& request, const ArticleLimits& limits);

// The canonical form of a URL for duplicate detection: scheme and host
// lower-cased, fragment and trailing slash removed. Input must be valid.
std::string CanonicalUrl(const std::string& url);

}  // namespace verbatim::ingest

#endif  // VERBATIM_INGEST_SERVICE_INGEST_ARTICLE_VALIDATION_H_
