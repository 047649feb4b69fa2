#include "ingest_service/tools/article_request.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "ingest_service/extraction/article_file.h"

namespace verbatim::tools {

absl::StatusOr<v1::CreateArticleRequest> ReadArticleRequest(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream contents;
  contents << in.rdbuf();
  extraction::ArticleFile file = extraction::ParseArticleFile(contents.str());

  v1::CreateArticleRequest request;
  v1::Article* article = request.mutable_article();
  article->set_title(file.title);
  article->set_source(file.source);
  article->set_url(file.url);
  article->set_body(std::move(file.body));
  if (!file.date.empty()) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(file.date, &day)) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ": date \"", file.date, "\" is not YYYY-MM-DD"));
    }
    article->mutable_publish_time()->set_seconds(
        absl::ToUnixSeconds(absl::FromCivil(day, absl::UTCTimeZone())));
  }
  return request;
}

}  // namespace verbatim::tools
