// Deterministic generator of news-like articles for the reliability tests:
// paragraphs of reporting with quotations attributed in the usual ways
// (“...,” said Firstname Lastname. / “...,” Lastname said. / split quotes),
// some quotations reprinted from earlier articles. All text is made up here.
#ifndef VERBATIM_TESTS_RELIABILITY_ARTICLE_GENERATOR_H_
#define VERBATIM_TESTS_RELIABILITY_ARTICLE_GENERATOR_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "verbatim/v1/ingest_service.pb.h"

namespace verbatim::reliability {

class ArticleGenerator {
 public:
  explicit ArticleGenerator(uint64_t seed) : rng_(seed) {}

  // A new article whose url, body and request_id contain `tag` (so it is
  // unique as long as tags are), published under `host`.
  v1::CreateArticleRequest Next(const std::string& host,
                                const std::string& tag);

  // Uniform in [lo, hi].
  int Uniform(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(rng_);
  }
  std::mt19937_64& rng() { return rng_; }

 private:
  std::string Pick(const std::vector<std::string>& words);
  std::string Sentence();

  std::mt19937_64 rng_;
  std::vector<std::string> printed_;  // quotations used so far, for reprints
};

}  // namespace verbatim::reliability

#endif  // VERBATIM_TESTS_RELIABILITY_ARTICLE_GENERATOR_H_
