// libFuzzer target: everything that parses untrusted request fields before a
// store is touched.
//
//  - the input as a serialized CreateArticleRequest, then
//    ValidateCreateArticleRequest (and CanonicalUrl on accepted urls);
//  - resource-name parsers (articles/, quotes/, entities/) and EntitySlug;
//  - paging::DecodePageToken on arbitrary tokens and filters, and the
//    Encode/Decode round trip;
//  - storage::KeyReader driven by the input, and the KeyWriter/KeyReader
//    round trip.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "common/catalog/resource_names.h"
#include "common/paging/page_token.h"
#include "common/storage/key_codec.h"
#include "google/protobuf/stubs/logging.h"
#include "ingest_service/ingest/article_validation.h"
#include "tests/fuzz/fuzz_util.h"
#include "verbatim/v1/ingest_service.pb.h"

namespace {

using verbatim::fuzz::Pieces;

absl::string_view Absl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

void FuzzValidation(const uint8_t* data, size_t size) {
  verbatim::v1::CreateArticleRequest request;
  if (!request.ParseFromArray(data, static_cast<int>(size))) return;
  verbatim::ingest::ArticleLimits limits;
  limits.max_body_bytes = 1 << 16;
  const absl::Status status =
      verbatim::ingest::ValidateCreateArticleRequest(request, limits);
  if (!status.ok()) {
    FUZZ_CHECK(status.code() == absl::StatusCode::kInvalidArgument ||
               status.code() == absl::StatusCode::kResourceExhausted);
    return;
  }
  const auto& article = request.article();
  FUZZ_CHECK(!absl::StripAsciiWhitespace(article.body()).empty());
  FUZZ_CHECK(static_cast<int64_t>(article.body().size()) <=
             limits.max_body_bytes);
  FUZZ_CHECK(article.body().find('\0') == std::string::npos);
  FUZZ_CHECK(verbatim::fuzz::IsStrictUtf8(article.body()));
  FUZZ_CHECK(verbatim::fuzz::IsStrictUtf8(article.title()));
  if (!article.url().empty()) {
    FUZZ_CHECK(absl::StartsWithIgnoreCase(article.url(), "http://") ||
               absl::StartsWithIgnoreCase(article.url(), "https://"));
    const std::string canonical = verbatim::ingest::CanonicalUrl(article.url());
    FUZZ_CHECK(canonical.size() <= article.url().size());
    // A canonical form is its own canonical form.
    FUZZ_CHECK(verbatim::ingest::CanonicalUrl(canonical) == canonical);
  }
}

void FuzzNames(std::string_view name) {
  auto article = verbatim::catalog::ParseArticleName(Absl(name), "name");
  if (article.ok()) {
    FUZZ_CHECK(*article != 0);
    auto again = verbatim::catalog::ParseArticleName(
        verbatim::catalog::ArticleName(*article), "name");
    FUZZ_CHECK(again.ok() && *again == *article);
  } else {
    FUZZ_CHECK(article.status().code() == absl::StatusCode::kInvalidArgument);
  }
  auto quote = verbatim::catalog::ParseQuoteName(Absl(name), "name");
  if (quote.ok()) {
    auto again = verbatim::catalog::ParseQuoteName(
        verbatim::catalog::QuoteName(*quote), "name");
    FUZZ_CHECK(again.ok() && *again == *quote);
  }
  auto entity = verbatim::catalog::ParseEntityName(Absl(name), "name");
  if (entity.ok()) {
    FUZZ_CHECK(verbatim::catalog::EntityName(*entity) == name);
  } else {
    FUZZ_CHECK(entity.status().code() == absl::StatusCode::kInvalidArgument);
  }
  // A slug made from any display name is a valid entity id.
  const std::string slug = verbatim::catalog::EntitySlug(Absl(name));
  FUZZ_CHECK(!slug.empty());
  auto parsed = verbatim::catalog::ParseEntityName(
      verbatim::catalog::EntityName(slug), "name");
  FUZZ_CHECK(parsed.ok() && *parsed == slug);
  // Documented: "at most 60 characters"; and a slug never ends in '-'
  // (both failed before f7d3fe2: tests/fuzz/crashes/).
  FUZZ_CHECK(slug.size() <= 60);
  FUZZ_CHECK(slug.back() != '-');
}

void FuzzPageTokens(std::string_view token, std::string_view filters,
                    std::string_view key) {
  auto decoded = verbatim::paging::DecodePageToken(Absl(token), Absl(filters));
  if (decoded.ok()) {
    // Whatever decodes re-encodes to a token that decodes the same.
    const std::string again =
        verbatim::paging::EncodePageToken(*decoded, Absl(filters));
    auto redecoded = verbatim::paging::DecodePageToken(again, Absl(filters));
    FUZZ_CHECK(redecoded.ok() && *redecoded == *decoded);
  } else {
    FUZZ_CHECK(decoded.status().code() == absl::StatusCode::kInvalidArgument);
  }
  const std::string issued =
      verbatim::paging::EncodePageToken(Absl(key), Absl(filters));
  auto round_trip = verbatim::paging::DecodePageToken(issued, Absl(filters));
  FUZZ_CHECK(round_trip.ok() && *round_trip == key);
}

// Reads the key with a sequence of component types chosen by `ops`, then
// writes what was read and checks the writer reproduces the consumed prefix.
void FuzzKeys(std::string_view ops, std::string_view key) {
  verbatim::storage::KeyReader reader(Absl(key));
  verbatim::storage::KeyWriter writer;
  for (char op : ops) {
    bool ok = false;
    switch (static_cast<unsigned char>(op) % 4) {
      case 0: {
        uint64_t v;
        if ((ok = reader.Uint64(&v))) writer.Uint64(v);
        break;
      }
      case 1: {
        int64_t v;
        if ((ok = reader.Int64(&v))) writer.Int64(v);
        break;
      }
      case 2: {
        int64_t v;
        if ((ok = reader.Int64Descending(&v))) writer.Int64Descending(v);
        break;
      }
      default: {
        std::string v;
        if ((ok = reader.String(&v))) writer.String(v);
        break;
      }
    }
    if (!ok) return;
    FUZZ_CHECK(absl::StartsWith(Absl(key), writer.key()));
  }
  if (reader.done()) FUZZ_CHECK(writer.key() == key);
  // PrefixSuccessor bounds every key with the prefix.
  const std::string successor = verbatim::storage::PrefixSuccessor(Absl(key));
  if (!successor.empty()) {
    FUZZ_CHECK(std::string(key) < successor);
    FUZZ_CHECK(std::string(key) + "\xFF\xFF" < successor);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Invalid UTF-8 in string fields is expected input; protobuf logs an ERROR
  // line for every such parse (hundreds of megabytes per hour of fuzzing).
  // Fatal checks still abort.
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the target, so the corpus can hold seeds of each.
  const uint8_t selector = data[0] % 4;
  ++data;
  --size;
  Pieces pieces(data, size);
  switch (selector) {
    case 0:
      FuzzValidation(data, size);
      break;
    case 1:
      FuzzNames(std::string_view(reinterpret_cast<const char*>(data), size));
      break;
    case 2: {
      const std::string_view filters = pieces.Next();
      const std::string_view key = pieces.Next();
      FuzzPageTokens(pieces.Rest(), filters, key);
      break;
    }
    default: {
      const std::string_view ops = pieces.Next();
      FuzzKeys(ops, pieces.Rest());
      break;
    }
  }
  return 0;
}
