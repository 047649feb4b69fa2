#include "common/catalog/resource_names.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/status/errors.h"
#include "common/text/fold.h"

namespace verbatim::catalog {
namespace {

constexpr size_t kMaxSlugLength = 60;

absl::StatusOr<uint64_t> ParseNumericName(absl::string_view name,
                                          absl::string_view collection,
                                          absl::string_view singular,
                                          absl::string_view field) {
  const std::string prefix = absl::StrCat(collection, "/");
  uint64_t id = 0;
  absl::string_view rest = name;
  if (name.empty()) {
    return status::InvalidField(
        field, absl::StrCat("is required, e.g. \"", collection, "/1\""));
  }
  if (!absl::ConsumePrefix(&rest, prefix) || rest.empty() || rest.size() > 20 ||
      !std::all_of(rest.begin(), rest.end(), absl::ascii_isdigit) ||
      !absl::SimpleAtoi(rest, &id) || id == 0) {
    return status::InvalidField(
        field, absl::StrCat("\"", absl::CHexEscape(name.substr(0, 100)),
                            "\" is not ", singular, " name; expected \"",
                            collection, "/{positive number}\""));
  }
  return id;
}

}  // namespace

std::string ArticleName(uint64_t id) { return absl::StrCat("articles/", id); }
std::string QuoteName(uint64_t id) { return absl::StrCat("quotes/", id); }
std::string EntityName(absl::string_view entity_id) {
  return absl::StrCat("entities/", entity_id);
}

absl::StatusOr<uint64_t> ParseArticleName(absl::string_view name,
                                          absl::string_view field) {
  return ParseNumericName(name, "articles", "an article", field);
}

absl::StatusOr<uint64_t> ParseQuoteName(absl::string_view name,
                                        absl::string_view field) {
  return ParseNumericName(name, "quotes", "a quote", field);
}

absl::StatusOr<std::string> ParseEntityName(absl::string_view name,
                                            absl::string_view field) {
  if (name.empty()) {
    return status::InvalidField(
        field, "is required, e.g. \"entities/kendrick-lamar\"");
  }
  absl::string_view rest = name;
  const bool well_formed =
      absl::ConsumePrefix(&rest, "entities/") && !rest.empty() &&
      rest.size() <= kMaxSlugLength + 8 &&
      std::all_of(rest.begin(), rest.end(), [](char c) {
        return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '-';
      });
  if (!well_formed) {
    return status::InvalidField(
        field, absl::StrCat("\"", absl::CHexEscape(name.substr(0, 100)),
                            "\" is not an entity name; expected "
                            "\"entities/{lower-case-slug}\""));
  }
  return std::string(rest);
}

std::string EntitySlug(absl::string_view display_name) {
  std::string slug;
  bool pending_dash = false;
  auto add = [&](char c) {
    if (absl::ascii_isalnum(c)) {
      // A separator needs room for at least one character after it.
      const size_t needed = (pending_dash && !slug.empty()) ? 2 : 1;
      if (slug.size() + needed > kMaxSlugLength) return false;
      if (pending_dash && !slug.empty()) slug.push_back('-');
      pending_dash = false;
      slug.push_back(absl::ascii_tolower(c));
    } else if (c != '\'' && c != '.') {
      // "K.Dot" -> "kdot", "O'Neil" -> "oneil"; spaces and dashes separate.
      pending_dash = true;
    }
    return true;
  };
  for (size_t i = 0; i < display_name.size();) {
    const auto byte = static_cast<unsigned char>(display_name[i]);
    if (byte < 0x80) {
      if (!add(display_name[i++])) break;
      continue;
    }
    // A letter with an accent is the letter: "Ibáñez" -> "ibanez". Other
    // scripts separate; a curly apostrophe is dropped like a straight one.
    const size_t length = byte >= 0xF0   ? 4
                          : byte >= 0xE0 ? 3
                          : byte >= 0xC0 ? 2
                                         : 1;
    const std::string folded = text::NameKey(display_name.substr(i, length));
    i += length;
    const bool latin = !folded.empty() &&
                       std::all_of(folded.begin(), folded.end(), [](char c) {
                         return absl::ascii_isalnum(c);
                       });
    if (!latin) {
      if (display_name.substr(i - length, length) != "\u2019") {
        pending_dash = true;
      }
      continue;
    }
    bool room = true;
    for (char c : folded) room = room && add(c);
    if (!room) break;
  }
  return slug.empty() ? "entity" : slug;
}

}  // namespace verbatim::catalog
