// Dev tool: prints one eval JSON line per article file given on the command
// line, for /work/shared/eval/score.py.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "ingest_service/extraction/article_file.h"
#include "ingest_service/extraction/eval_jsonl.h"
#include "ingest_service/extraction/extractor.h"

int main(int argc, char** argv) {
  using namespace verbatim::extraction;
  auto extractor = Extractor::Create();
  if (!extractor.ok()) {
    std::cerr << "extractor: " << extractor.status() << "\n";
    return 1;
  }
  int failures = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << argv[i] << ": cannot open\n";
      ++failures;
      continue;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    const ArticleFile article = ParseArticleFile(buf.str());
    auto result = (*extractor)->Extract(article.body);
    if (!result.ok()) {
      std::cerr << argv[i] << ": " << result.status() << "\n";
      ++failures;
      continue;
    }
    std::string name = argv[i];
    if (const size_t slash = name.rfind('/'); slash != std::string::npos) {
      name = name.substr(slash + 1);
    }
    std::cout << EvalJsonLine(name, *result, {}, {}) << "\n";
  }
  return failures == 0 ? 0 : 1;
}
