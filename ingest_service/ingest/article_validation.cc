#include "ingest_service/ingest/article_validation.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/status/errors.h"
#include "google/protobuf/util/time_util.h"
#include "unicode/utf8.h"

namespace verbatim::ingest {
namespace {

using status::InvalidField;
using status::LimitExceeded;

bool IsValidUtf8(const std::string& text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

absl::Status CheckText(const std::string& value, absl::string_view field,
                       int64_t max_bytes, absl::StatusCode code) {
  if (static_cast<int64_t>(value.size()) > max_bytes) {
    return LimitExceeded(code, field, static_cast<int64_t>(value.size()),
                         max_bytes, "bytes");
  }
  if (value.find('\0') != std::string::npos) {
    return InvalidField(field, "contains a NUL byte");
  }
  if (!IsValidUtf8(value)) return InvalidField(field, "is not valid UTF-8");
  return absl::OkStatus();
}

absl::Status CheckUrl(const std::string& url) {
  if (url.empty()) return absl::OkStatus();
  absl::string_view rest = url;
  const bool http = absl::StartsWithIgnoreCase(rest, "http://");
  const bool https = absl::StartsWithIgnoreCase(rest, "https://");
  if (!http && !https) {
    return InvalidField("article.url",
                        "must be an absolute http:// or https:// URL");
  }
  rest.remove_prefix(http ? 7 : 8);
  const absl::string_view host = rest.substr(0, rest.find_first_of("/?#"));
  if (host.empty()) return InvalidField("article.url", "has no host");
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
      return InvalidField("article.url",
                          "contains spaces or control characters");
    }
  }
  return absl::OkStatus();
}

absl::Status CheckTimestamp(const google::protobuf::Timestamp& time,
                            absl::string_view field) {
  using google::protobuf::util::TimeUtil;
  if (time.seconds() < TimeUtil::kTimestampMinSeconds ||
      time.seconds() > TimeUtil::kTimestampMaxSeconds || time.nanos() < 0 ||
      time.nanos() > 999999999) {
    return InvalidField(field, "must be between 0001-01-01 and 9999-12-31 UTC");
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateCreateArticleRequest(
    const v1::CreateArticleRequest& request, const ArticleLimits& limits) {
  if (!request.has_article()) return InvalidField("article", "is required");
  const v1::Article& article = request.article();
  if (absl::Status s =
          CheckText(article.body(), "article.body", limits.max_body_bytes,
                    absl::StatusCode::kResourceExhausted);
      !s.ok()) {
    return s;
  }
  if (absl::StripAsciiWhitespace(article.body()).empty()) {
    return InvalidField("article.body", "must contain text");
  }
  const std::pair<const std::string*, std::pair<absl::string_view, int64_t>>
      fields[] = {
          {&article.title(), {"article.title", limits.max_title_bytes}},
          {&article.url(), {"article.url", limits.max_url_bytes}},
          {&article.source(), {"article.source", limits.max_source_bytes}},
          {&request.request_id(), {"request_id", limits.max_request_id_bytes}},
          {&article.content_type(), {"article.content_type", 100}},
      };
  for (const auto& [value, field] : fields) {
    if (absl::Status s = CheckText(*value, field.first, field.second,
                                   absl::StatusCode::kInvalidArgument);
        !s.ok()) {
      return s;
    }
  }
  if (absl::Status s = CheckUrl(article.url()); !s.ok()) return s;
  if (!article.content_type().empty() &&
      !absl::StartsWithIgnoreCase(article.content_type(), "text/plain")) {
    return InvalidField("article.content_type",
                        absl::StrCat("\"", article.content_type(),
                                     "\" is not supported; send text/plain"));
  }
  if (article.has_publish_time()) {
    if (absl::Status s =
            CheckTimestamp(article.publish_time(), "article.publish_time");
        !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

std::string CanonicalUrl(const std::string& url) {
  std::string result = url.substr(0, url.find('#'));
  const size_t scheme_end = result.find("://");
  const size_t host_end = result.find_first_of("/?", scheme_end + 3);
  const size_t lower_end =
      host_end == std::string::npos ? result.size() : host_end;
  for (size_t i = 0; i < lower_end; ++i)
    result[i] = absl::ascii_tolower(result[i]);
  while (result.size() > scheme_end + 3 && result.back() == '/')
    result.pop_back();
  return result;
}

}  // namespace verbatim::ingest
