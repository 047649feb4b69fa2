// Opaque page tokens bound to the request that produced them (AIP-158).
//
// A token records where the next page starts (an encoded store key) and a
// fingerprint of the request's filters. Decoding rejects tokens that are
// malformed, tampered with, from another version, or reused with other filters.
#ifndef VERBATIM_COMMON_PAGING_PAGE_TOKEN_H_
#define VERBATIM_COMMON_PAGING_PAGE_TOKEN_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace verbatim::paging {

// Returns a URL-safe token for resuming at `resume_key`. `filters` is any
// canonical encoding of the request's filters (page size excluded).
std::string EncodePageToken(absl::string_view resume_key,
                            absl::string_view filters);

// Returns the resume key of `token`, or INVALID_ARGUMENT (field "page_token")
// when the token is malformed or was issued for different `filters`.
absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            absl::string_view filters);

// 64-bit FNV-1a: stable across processes and builds, unlike absl::Hash.
uint64_t StableHash(absl::string_view data, uint64_t seed = 0);

}  // namespace verbatim::paging

#endif  // VERBATIM_COMMON_PAGING_PAGE_TOKEN_H_
