// libFuzzer target: the extraction pipeline on arbitrary bytes.
//
// Extractor::Extract must reject exactly the inputs that are not valid UTF-8
// (INVALID_ARGUMENT) and, on everything else, return spans inside the body,
// quotes in text order and indices that point into its own vectors.
// ParseArticleFile must never fail, and its body must be a part of the input.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ingest_service/extraction/article_file.h"
#include "ingest_service/extraction/extractor.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

using verbatim::extraction::ExtractionResult;
using verbatim::extraction::Extractor;

const Extractor& TheExtractor() {
  static const Extractor* extractor = [] {
    auto created = Extractor::Create();
    FUZZ_CHECK(created.ok());
    return created->release();
  }();
  return *extractor;
}

void CheckResult(const ExtractionResult& result, std::string_view body) {
  const int entities = static_cast<int>(result.entities.size());
  size_t previous_begin = 0;
  for (size_t i = 0; i < result.quotes.size(); ++i) {
    const auto& quote = result.quotes[i];
    FUZZ_CHECK(quote.span.begin <= quote.span.end);
    FUZZ_CHECK(quote.span.end <= body.size());
    FUZZ_CHECK(quote.span.begin >= previous_begin);  // text order
    previous_begin = quote.span.begin;
    FUZZ_CHECK(quote.speaker >= -1 && quote.speaker < entities);
    FUZZ_CHECK(quote.continues >= -1 && quote.continues < static_cast<int>(i));
    FUZZ_CHECK(quote.confidence >= 0.0 && quote.confidence <= 1.0);
    FUZZ_CHECK(verbatim::fuzz::IsStrictUtf8(quote.text));
  }
  for (const auto& mention : result.mentions) {
    FUZZ_CHECK(mention.span.begin <= mention.span.end);
    FUZZ_CHECK(mention.span.end <= body.size());
    FUZZ_CHECK(mention.entity >= -1 && mention.entity < entities);
  }
  for (const auto& entity : result.entities) {
    FUZZ_CHECK(verbatim::fuzz::IsStrictUtf8(entity.display_name));
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  TheExtractor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const bool valid = verbatim::fuzz::IsStrictUtf8(input);

  auto result = TheExtractor().Extract(input);
  if (valid) {
    FUZZ_CHECK(result.ok());
    CheckResult(*result, input);
  } else {
    FUZZ_CHECK(!result.ok());
    FUZZ_CHECK(result.status().code() == absl::StatusCode::kInvalidArgument);
  }

  const verbatim::extraction::ArticleFile file =
      verbatim::extraction::ParseArticleFile(input);
  FUZZ_CHECK(file.body.size() <= input.size());
  FUZZ_CHECK(input.find(file.body) != std::string_view::npos);
  if (file.body != input) {
    auto body_result = TheExtractor().Extract(file.body);
    if (verbatim::fuzz::IsStrictUtf8(file.body)) {
      FUZZ_CHECK(body_result.ok());
      CheckResult(*body_result, file.body);
    }
  }
  return 0;
}
