#include "ingest_service/extraction/boilerplate.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "common/text/lexicon.h"
#include "ingest_service/extraction/text_util.h"
#include "verbatim_extraction_data.h"

namespace verbatim::extraction {

namespace {

constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr",
                                        "may", "jun", "jul", "aug",
                                        "sep", "oct", "nov", "dec"};

// Wire captions read "CITY, STATE – JUNE 20: Someone attends ...": a short
// place, a dash, a month and a colon soon after.
bool IsWireCaption(std::string_view line) {
  // Cheap gate: the colon must come early.
  const size_t colon = line.substr(0, 110).find(':');
  if (colon == std::string_view::npos) return false;
  const size_t limit = std::min<size_t>(colon, 80);
  for (size_t i = 1; i < limit; ++i) {
    size_t len;
    const char32_t c = DecodeAt(line, i, len);
    if (!IsDash(c) || line[i - 1] != ' ' || i + len >= line.size() ||
        line[i + len] != ' ') {
      continue;
    }
    std::string_view rest = line.substr(i + len + 1);
    bool month = false;
    for (std::string_view m : kMonths) {
      if (StartsWithIgnoreCase(rest, m)) month = true;
    }
    if (!month) return false;
    const size_t colon = rest.find(':');
    return colon != std::string_view::npos && colon < 20;
  }
  return false;
}

}  // namespace

absl::StatusOr<BoilerplateMarker> BoilerplateMarker::FromPatterns(
    std::string_view text) {
  BoilerplateMarker m;
  for (const std::string_view t : text::LexiconEntryLines(text)) {
    const size_t sp = t.find(' ');
    if (sp == std::string_view::npos) {
      return absl::InvalidArgumentError("boilerplate pattern without text: " +
                                        std::string(t));
    }
    std::string_view kind = t.substr(0, sp);
    // Keep trailing spaces of the pattern ("© ") meaningful only when trimmed
    // lines could contain them; the line is trimmed too, so trim the pattern.
    std::string pattern = AsciiLower(TrimSpaces(t.substr(sp + 1)));
    // IsBoilerplateLine folds a bounded head and tail of each line; contains
    // patterns are found by their first two bytes.
    if (pattern.size() < 2 || pattern.size() > kMaxEdge) {
      return absl::InvalidArgumentError(
          "boilerplate pattern shorter than 2 or longer than " +
          std::to_string(kMaxEdge) + " bytes: " + std::string(t));
    }
    if (kind == "exact") {
      m.max_exact_ = std::max(m.max_exact_, pattern.size());
      m.max_head_ = std::max(m.max_head_, pattern.size());
      m.exact_.push_back(std::move(pattern));
    } else if (kind == "prefix") {
      m.max_head_ = std::max(m.max_head_, pattern.size());
      m.prefix_.push_back(std::move(pattern));
    } else if (kind == "suffix") {
      m.max_suffix_ = std::max(m.max_suffix_, pattern.size());
      m.suffix_.push_back(std::move(pattern));
    } else if (kind == "contains") {
      const unsigned pair =
          (static_cast<unsigned>(static_cast<unsigned char>(pattern[0])) << 8) |
          static_cast<unsigned char>(pattern[1]);
      m.contains_pairs_[pair >> 6] |= uint64_t{1} << (pair & 63);
      m.contains_.push_back(std::move(pattern));
    } else {
      return absl::InvalidArgumentError("unknown boilerplate pattern kind: " +
                                        std::string(kind));
    }
  }
  return m;
}

absl::StatusOr<BoilerplateMarker> BoilerplateMarker::Create() {
  const auto data = data::EmbeddedFile("boilerplate.txt");
  if (!data.has_value()) {
    return absl::NotFoundError("embedded boilerplate.txt missing");
  }
  return FromPatterns(*data);
}

namespace {

inline unsigned char FoldByte(char ch) {
  const auto b = static_cast<unsigned char>(ch);
  return (b >= 'A' && b <= 'Z') ? static_cast<unsigned char>(b + 32) : b;
}

}  // namespace

bool BoilerplateMarker::IsBoilerplateLine(std::string_view line) const {
  const std::string_view t = TrimSpaces(line);
  if (t.empty()) return false;
  // Patterns are short: exact and prefix ones see only the line's head,
  // suffix ones its tail, so only those bytes are case-folded.
  char head_buf[kMaxEdge];
  char tail_buf[kMaxEdge];
  const size_t head_len = std::min(t.size(), max_head_);
  for (size_t i = 0; i < head_len; ++i) head_buf[i] = FoldByte(t[i]);
  const std::string_view head(head_buf, head_len);
  const size_t tail_len = std::min(t.size(), max_suffix_);
  const std::string_view tail_src = t.substr(t.size() - tail_len);
  for (size_t i = 0; i < tail_len; ++i) tail_buf[i] = FoldByte(tail_src[i]);
  const std::string_view tail(tail_buf, tail_len);
  // Exact patterns are short; most lines are paragraphs and skip the loop.
  if (t.size() <= max_exact_) {
    for (const std::string& p : exact_) {
      if (p == head) return true;
    }
  }
  for (const std::string& p : prefix_) {
    if (head.starts_with(p)) return true;
  }
  for (const std::string& p : suffix_) {
    if (tail.ends_with(p)) return true;
  }
  // Long lines are article text even when they mention a credit in passing.
  // One pass over the line: a pattern is compared only where its first two
  // (folded) bytes occur.
  constexpr size_t kMaxContainsLine = 250;
  if (t.size() < kMaxContainsLine && !contains_.empty()) {
    unsigned prev = FoldByte(t[0]);
    for (size_t i = 1; i < t.size(); ++i) {
      const unsigned pair = (prev << 8) | FoldByte(t[i]);
      prev = pair & 0xFF;
      if (((contains_pairs_[pair >> 6] >> (pair & 63)) & 1) == 0) continue;
      const std::string_view rest = t.substr(i - 1);
      for (const std::string& p : contains_) {
        if (((static_cast<unsigned>(static_cast<unsigned char>(p[0])) << 8) |
             static_cast<unsigned char>(p[1])) == pair &&
            StartsWithIgnoreCase(rest, p)) {
          return true;
        }
      }
    }
  }
  return IsWireCaption(t);
}

std::vector<entities::TextSpan> BoilerplateMarker::Mark(
    std::string_view text) const {
  std::vector<std::string_view> lines;
  absl::flat_hash_map<std::string_view, int> count;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view t = TrimSpaces(text.substr(pos, nl - pos));
    if (!t.empty()) {
      lines.push_back(t);
      if (t.size() < 200) ++count[t];
    }
    pos = nl + 1;
  }
  std::vector<entities::TextSpan> out;
  for (const std::string_view t : lines) {
    // A short line printed twice is a headline or link teaser, not prose;
    // unless it carries speech (a pull quote repeats a quote of the text).
    const auto it = count.find(t);
    const bool speech = t.find("\xE2\x80\x9C") != std::string_view::npos ||
                        t.find('"') != std::string_view::npos;
    const bool repeated = it != count.end() && it->second > 1 && !speech;
    if (repeated || IsBoilerplateLine(t)) {
      const size_t b = static_cast<size_t>(t.data() - text.data());
      out.push_back({b, b + t.size()});
    }
  }
  return out;
}

}  // namespace verbatim::extraction
