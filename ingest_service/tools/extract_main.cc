// verbatim-extract: runs the ingest pipeline (extraction and cross-article
// linking, in a temporary store) over article files and prints the result.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "common/flags/env_flags.h"
#include "common/storage/store.h"
#include "common/testing/temp_dir.h"
#include "ingest_service/extraction/eval_jsonl.h"
#include "ingest_service/extraction/extractor.h"
#include "ingest_service/ingest/article_ingestor.h"
#include "ingest_service/tools/article_request.h"

ABSL_FLAG(std::string, format, "eval-jsonl",
          "Output format: eval-jsonl (one JSON object per file, the schema of "
          "shared/eval/score.py)");

int main(int argc, char** argv) {
  std::vector<char*> files = verbatim::flags::ParseFlagsWithEnvironment(
      argc, argv, "verbatim-extract --format=eval-jsonl FILE...");
  files.erase(files.begin());
  if (absl::GetFlag(FLAGS_format) != "eval-jsonl") {
    std::fprintf(stderr, "verbatim-extract: unknown --format %s\n",
                 absl::GetFlag(FLAGS_format).c_str());
    return 2;
  }
  auto extractor = verbatim::extraction::Extractor::Create();
  if (!extractor.ok()) {
    std::fprintf(stderr, "verbatim-extract: %s\n",
                 extractor.status().ToString().c_str());
    return 1;
  }
  verbatim::testing::TempDir dir;
  auto store = verbatim::storage::Store::OpenPrimary(dir.path(), {});
  if (!store.ok()) {
    std::fprintf(stderr, "verbatim-extract: %s\n",
                 store.status().ToString().c_str());
    return 1;
  }
  verbatim::ingest::ArticleLimits limits;
  limits.max_body_bytes = int64_t{1} << 30;
  auto ingestor = verbatim::ingest::ArticleIngestor::Create(
      store->get(), extractor->get(), limits);
  if (!ingestor.ok()) return 1;
  int failed = 0;
  for (const char* path : files) {
    auto request = verbatim::tools::ReadArticleRequest(path);
    if (request.ok()) {
      // Each file is its own article even when two share a body or url.
      request->set_request_id(path);
      request->mutable_article()->clear_url();
    }
    auto outcome =
        request.ok()
            ? (*ingestor)->CreateArticle(*request)
            : absl::StatusOr<verbatim::ingest::CreateOutcome>(request.status());
    const std::string file = std::filesystem::path(path).filename();
    if (!outcome.ok()) {
      std::fprintf(stderr, "%s: %s\n", path,
                   outcome.status().ToString().c_str());
      ++failed;
      continue;
    }
    std::string line = verbatim::extraction::EvalJsonLine(
        file, outcome->extraction, outcome->quote_ids, outcome->entity_ids);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return failed == 0 ? 0 : 1;
}
