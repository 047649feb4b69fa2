#include "common/text/given_names.h"

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_split.h"
#include "common/text/lexicon_lines.h"

namespace verbatim::text {
namespace {

// Each form's names, as line numbers of the lexicon.
using NamesByForm = absl::flat_hash_map<std::string, std::vector<int>>;

const NamesByForm& Forms() {
  // Not compiled in: exact names only.
  static const auto* forms = [] {
    auto* map = new NamesByForm();
    int name = 0;
    for (const std::string& line : LexiconLines("given_name_variants.txt")) {
      for (absl::string_view form :
           absl::StrSplit(line, ' ', absl::SkipEmpty())) {
        (*map)[std::string(form)].push_back(name);
      }
      ++name;
    }
    return map;
  }();
  return *forms;
}

}  // namespace

bool HasOtherForms(absl::string_view name) { return Forms().contains(name); }

bool SameGivenName(absl::string_view a, absl::string_view b) {
  if (a == b) return true;
  const NamesByForm& forms = Forms();
  const auto ia = forms.find(a);
  const auto ib = forms.find(b);
  if (ia == forms.end() || ib == forms.end()) return false;
  for (const int name : ia->second) {
    for (const int other : ib->second) {
      if (name == other) return true;
    }
  }
  return false;
}

}  // namespace verbatim::text
