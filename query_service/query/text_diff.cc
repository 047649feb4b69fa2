#include "query_service/query/text_diff.h"

#include <string>

#include "absl/strings/str_join.h"
#include "common/text/fold.h"

namespace verbatim::query {
namespace {

constexpr size_t kMaxWords = 2000;

struct Word {
  std::string surface;  // as printed, punctuation included
  std::string folded;   // letters and digits only, folded
  bool bracketed = false;
};

std::vector<Word> SplitWords(absl::string_view text) {
  std::vector<Word> words;
  bool in_brackets = false;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\n' || text[i] == '\t'))
      ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n' &&
           text[i] != '\t')
      ++i;
    if (start == i) break;
    const absl::string_view token = text.substr(start, i - start);
    const bool opens = token.find('[') != absl::string_view::npos;
    const bool closes = token.find(']') != absl::string_view::npos;
    Word word{std::string(token), text::NameKey(token), in_brackets || opens};
    if (opens) in_brackets = true;
    if (closes) in_brackets = false;
    if (!word.folded.empty()) words.push_back(std::move(word));
  }
  return words;
}

std::string Join(const std::vector<const Word*>& words) {
  std::string result;
  for (const Word* word : words) {
    if (!result.empty()) result.push_back(' ');
    result += word->surface;
  }
  return result;
}

}  // namespace

std::vector<v1::TextEdit> DiffQuoteText(absl::string_view canonical,
                                        absl::string_view printed) {
  // Most printings are the canonical text itself (its first printing, or a
  // verbatim reprint).
  if (canonical == printed) return {};
  const std::vector<Word> a = SplitWords(canonical);
  const std::vector<Word> b = SplitWords(printed);
  std::vector<v1::TextEdit> edits;
  if (a.size() > kMaxWords || b.size() > kMaxWords) return edits;

  // lcs(i, j): length of the longest common subsequence of a[i..] and b[j..].
  const size_t n = a.size();
  const size_t m = b.size();
  std::vector<uint16_t> table((n + 1) * (m + 1), 0);
  auto lcs = [&](size_t i, size_t j) -> uint16_t& {
    return table[i * (m + 1) + j];
  };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs(i, j) = a[i].folded == b[j].folded
                      ? lcs(i + 1, j + 1) + 1
                      : std::max(lcs(i + 1, j), lcs(i, j + 1));
    }
  }

  std::vector<const Word*> cut, added, bracket_canonical, bracket_printed;
  auto flush = [&] {
    if (!bracket_printed.empty()) {
      v1::TextEdit& edit = edits.emplace_back();
      edit.set_kind(v1::TextEdit::BRACKETED);
      edit.set_canonical_text(Join(bracket_canonical));
      edit.set_printed_text(Join(bracket_printed));
    }
    if (!cut.empty() || !added.empty()) {
      v1::TextEdit& edit = edits.emplace_back();
      edit.set_kind(cut.empty()     ? v1::TextEdit::ADDED
                    : added.empty() ? v1::TextEdit::CUT
                                    : v1::TextEdit::CHANGED);
      edit.set_canonical_text(Join(cut));
      edit.set_printed_text(Join(added));
    }
    cut.clear();
    added.clear();
    bracket_canonical.clear();
    bracket_printed.clear();
  };
  size_t i = 0;
  size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i].folded == b[j].folded) {
      if (!cut.empty() || !added.empty()) flush();
      if (b[j].bracketed != a[i].bracketed && b[j].bracketed) {
        bracket_canonical.push_back(&a[i]);
        bracket_printed.push_back(&b[j]);
      } else if (!bracket_printed.empty()) {
        flush();
      }
      ++i;
      ++j;
    } else if (j < m && (i == n || lcs(i, j + 1) >= lcs(i + 1, j))) {
      if (!bracket_canonical.empty()) flush();
      if (b[j].bracketed) {
        bracket_printed.push_back(&b[j]);
      } else {
        added.push_back(&b[j]);
      }
      ++j;
    } else {
      if (!bracket_printed.empty()) flush();
      cut.push_back(&a[i]);
      ++i;
    }
  }
  flush();
  return edits;
}

}  // namespace verbatim::query
