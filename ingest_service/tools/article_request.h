// Turns an article file (see extraction/article_file.h) into a request.
#ifndef VERBATIM_INGEST_SERVICE_TOOLS_ARTICLE_REQUEST_H_
#define VERBATIM_INGEST_SERVICE_TOOLS_ARTICLE_REQUEST_H_

#include <string>

#include "absl/status/statusor.h"
#include "verbatim/v1/ingest_service.pb.h"

namespace verbatim::tools {

// Reads `path` and returns a CreateArticleRequest with title, source, url,
// publish time (the header date at 00:00 UTC) and body. NOT_FOUND when the
// file cannot be read; INVALID_ARGUMENT for a malformed date.
absl::StatusOr<v1::CreateArticleRequest> ReadArticleRequest(
    const std::string& path);

}  // namespace verbatim::tools

#endif  // VERBATIM_INGEST_SERVICE_TOOLS_ARTICLE_REQUEST_H_
