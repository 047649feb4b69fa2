#include "common/rpc/consistency_token.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/status/errors.h"

namespace verbatim::rpc {
namespace {
constexpr absl::string_view kPrefix = "s";
}  // namespace

std::string EncodeConsistencyToken(uint64_t sequence_number) {
  return absl::StrCat(kPrefix, sequence_number);
}

absl::StatusOr<uint64_t> DecodeConsistencyToken(absl::string_view token) {
  uint64_t sequence_number = 0;
  if (!absl::ConsumePrefix(&token, kPrefix) ||
      !absl::SimpleAtoi(token, &sequence_number)) {
    return status::InvalidField(
        kConsistencyTokenHeader,
        "is not a token an IngestService response carried");
  }
  return sequence_number;
}

}  // namespace verbatim::rpc
