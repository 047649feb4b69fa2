// verbatim-gen-corpus: writes a deterministic synthetic corpus as article
// files (extraction/article_file.h format), 1000 per subdirectory.
//
//   verbatim-gen-corpus --articles=N --seed=S --out=DIR [--first=K]
//   verbatim-gen-corpus --articles=N --seed=S --stats
//       (generates and counts, writes nothing)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "tests/bench/corpus.h"

namespace {

bool Flag(std::string_view arg, std::string_view name, std::string* value) {
  const std::string prefix = "--" + std::string(name) + "=";
  if (arg.substr(0, prefix.size()) != prefix) return false;
  *value = std::string(arg.substr(prefix.size()));
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t articles = 1000, seed = 1, first = 0;
  std::string out;
  bool stats = false;
  for (int i = 1; i < argc; ++i) {
    std::string v;
    const std::string_view arg = argv[i];
    if (Flag(arg, "articles", &v))
      articles = std::strtoull(v.c_str(), nullptr, 10);
    else if (Flag(arg, "seed", &v))
      seed = std::strtoull(v.c_str(), nullptr, 10);
    else if (Flag(arg, "first", &v))
      first = std::strtoull(v.c_str(), nullptr, 10);
    else if (Flag(arg, "out", &v))
      out = v;
    else if (arg == "--stats")
      stats = true;
    else {
      std::fprintf(stderr,
                   "usage: verbatim-gen-corpus --articles=N --seed=S "
                   "(--out=DIR | --stats) "
                   "[--first=K]\n");
      return 2;
    }
  }
  if (out.empty() && !stats) {
    std::fprintf(stderr,
                 "verbatim-gen-corpus: --out=DIR or --stats is required\n");
    return 2;
  }
  const verbatim::bench::CorpusGenerator gen(seed);
  const auto start = std::chrono::steady_clock::now();
  uint64_t bytes = 0;
  for (uint64_t i = first; i < first + articles; ++i) {
    const verbatim::bench::GeneratedArticle a = gen.Generate(i);
    bytes += a.body.size();
    if (stats) continue;
    char dir[48], name[48];
    std::snprintf(dir, sizeof(dir), "%05llu",
                  static_cast<unsigned long long>(i / 1000));
    std::snprintf(name, sizeof(name), "%08llu.txt",
                  static_cast<unsigned long long>(i));
    const std::filesystem::path d = std::filesystem::path(out) / dir;
    if (i == first || i % 1000 == 0) std::filesystem::create_directories(d);
    std::ofstream f(d / name, std::ios::binary);
    f << verbatim::bench::CorpusGenerator::ToFileContents(a);
    if (!f) {
      std::fprintf(stderr, "verbatim-gen-corpus: cannot write %s\n",
                   (d / name).c_str());
      return 1;
    }
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  std::fprintf(
      stderr, "verbatim-gen-corpus: %llu articles, %.1f MB of bodies, %.2f s\n",
      static_cast<unsigned long long>(articles), bytes / 1e6, secs);
  return 0;
}
