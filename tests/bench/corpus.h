// A deterministic, seeded generator of synthetic news articles for benchmarks.
//
// Every article is a pure function of (seed, index): articles can be made in
// any order, in parallel, or streamed without storing a corpus. The text is
// built from this file's own templates and name pools (nothing is copied from
// any third-party corpus) and is shaped like wire news so that extraction and
// linking do real work at scale:
//  - header fields (title, date, source, url) and a 2-8 KB body;
//  - stories covered by several outlets, reprinting the same quotes with small
//    edits (contractions, trimmed clauses, changed punctuation);
//  - people with roles and organisations, first mentioned in full, then by
//    surname, by pronoun ("she said") or by nickname ("Bill" for William);
//  - boilerplate lines (Advertisement, photo captions, newsletter prompts);
//  - speaker popularity following a Zipf-like law, so a few speakers have
//    thousands of quotes and most have a handful.
#ifndef VERBATIM_TESTS_BENCH_CORPUS_H_
#define VERBATIM_TESTS_BENCH_CORPUS_H_

#include <cstdint>
#include <string>

namespace verbatim::bench {

struct GeneratedArticle {
  std::string title;
  std::string date;    // YYYY-MM-DD
  std::string source;  // outlet name
  std::string url;     // unique per (seed, index)
  std::string body;
  // Seconds since the Unix epoch of the publish date at 00:00 UTC plus the
  // article's minute of the day (for requests that carry a timestamp).
  int64_t publish_unix_seconds = 0;
  // A person the article quotes (display name) and a few words of one quote:
  // handy query terms for benchmarks.
  std::string main_speaker;
  std::string quote_words;
};

class CorpusGenerator {
 public:
  explicit CorpusGenerator(uint64_t seed) : seed_(seed) {}

  // The article at `index` (any index; the same seed and index always give
  // the same bytes).
  GeneratedArticle Generate(uint64_t index) const;

  // The article in the on-disk format of extraction/article_file.h: header
  // lines, a blank line, then the body.
  static std::string ToFileContents(const GeneratedArticle& article);

  uint64_t seed() const { return seed_; }

 private:
  uint64_t seed_;
};

}  // namespace verbatim::bench

#endif  // VERBATIM_TESTS_BENCH_CORPUS_H_
