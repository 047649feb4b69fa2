// Dev tool: prints one eval JSON line per article file given on the command
// line, for /work/shared/eval/score.py.
#include <algorithm>
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
  bool debug = false;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--debug") {
      debug = true;
      continue;
    }
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << argv[i] << ": cannot open\n";
      ++failures;
      continue;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    const ArticleFile article = ParseArticleFile(buf.str());
    auto result =
        (*extractor)->Extract(article.body, {.source = article.source});
    if (!result.ok()) {
      std::cerr << argv[i] << ": " << result.status() << "\n";
      ++failures;
      continue;
    }
    std::string name = argv[i];
    if (const size_t slash = name.rfind('/'); slash != std::string::npos) {
      name = name.substr(slash + 1);
    }
    if (debug) {
      // One line per quote: speaker, rule, cue and the text around it.
      const std::string& body = article.body;
      for (const QuoteAppearance& q : result->quotes) {
        const size_t b = q.span.begin > 60 ? q.span.begin - 60 : 0;
        const size_t e = std::min(body.size(), q.span.end + 60);
        std::string ctx = body.substr(b, e - b);
        for (char& c : ctx) {
          if (c == '\n') c = '|';
        }
        std::cout << name << "\t"
                  << (q.kind == QuoteKind::kFragment ? "frag" : "direct")
                  << "\t" << q.text << "\t"
                  << (q.speaker >= 0 ? result->entities[q.speaker].display_name
                                     : "-")
                  << "\t" << q.rule << "\t" << q.cue << "\t" << ctx << "\n";
      }
      continue;
    }
    std::cout << EvalJsonLine(name, *result, {}, {}) << "\n";
  }
  return failures == 0 ? 0 : 1;
}
