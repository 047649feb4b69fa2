#include "common/text/edit_distance.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "common/text/fold.h"

namespace verbatim::text {

int EditDistance(absl::string_view a, absl::string_view b, int limit) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> previous(m + 1), current(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_min = current[0];
    for (int j = 1; j <= m; ++j) {
      const int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

std::string PersonNameSkeleton(absl::string_view display_name) {
  const std::vector<std::string> words = FoldedWords(display_name);
  if (words.size() < 2) return "";
  std::string skeleton(1, words.front()[0]);
  skeleton.push_back('|');
  char last = 0;
  for (char c : words.back()) {
    const bool vowel =
        c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    if (!vowel && c != last) skeleton.push_back(c);
    last = c;
  }
  return skeleton;
}

std::vector<std::string> PersonNameSkeletonKeys(
    absl::string_view display_name) {
  constexpr size_t kMinConsonantsToDrop = 3;
  std::vector<std::string> keys;
  const std::string skeleton = PersonNameSkeleton(display_name);
  if (skeleton.empty()) return keys;
  keys.push_back(skeleton);
  const size_t surname = skeleton.find('|') + 1;
  if (skeleton.size() - surname < kMinConsonantsToDrop) return keys;
  for (size_t i = surname; i < skeleton.size(); ++i) {
    std::string key = skeleton;
    key.erase(i, 1);
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      keys.push_back(std::move(key));
    }
  }
  return keys;
}

}  // namespace verbatim::text
