// verbatim-bench-services: runs one load scenario against the real services
// (see load_client.h) and prints one "name value unit" line per figure on
// stdout; progress goes to stderr.
//
//   verbatim-bench-services --checkpoints=10000,100000 --streams=4 [--sync]
//       [--window=8] [--query_requests=2000] [--lag_samples=200]
//       [--no_concurrent] [--work_dir=DIR] [--prefix=NAME_] [--seed=S]
//       [--catchup_interval_ms=50] [--segment_time_budget_s=T]
//       [--op_time_budget_s=T] [--settle_time_budget_s=T]
//       [--keep_store] [--kept_store=DIR] [--query_flag=--read_threads=16]...
//   --articles=N is --checkpoints=N; --query_requests=0 measures ingest only.
//   --kept_store=DIR measures the idle queries on a store kept by an earlier
//   run (DIR holds db/; see ScenarioOptions::kept_store), ingesting nothing.
//   --query_flag passes a flag to the query service (repeatable).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_split.h"
#include "tests/bench/load_client.h"

namespace {

bool Flag(std::string_view arg, std::string_view name, std::string* value) {
  const std::string prefix = "--" + std::string(name) + "=";
  if (arg.substr(0, prefix.size()) != prefix) return false;
  *value = std::string(arg.substr(prefix.size()));
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  verbatim::bench::ScenarioOptions o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string v;
    if (Flag(arg, "articles", &v)) {
      o.checkpoints = {std::strtoull(v.c_str(), nullptr, 10)};
    } else if (Flag(arg, "checkpoints", &v)) {
      o.checkpoints.clear();
      for (absl::string_view c : absl::StrSplit(v, ',')) {
        o.checkpoints.push_back(
            std::strtoull(std::string(c).c_str(), nullptr, 10));
      }
    } else if (Flag(arg, "streams", &v)) {
      o.streams = std::atoi(v.c_str());
    } else if (arg == "--sync" || arg == "--sync=true" || arg == "--sync=1") {
      o.sync = true;
    } else if (arg == "--sync=false" || arg == "--sync=0") {
      o.sync = false;
    } else if (Flag(arg, "window", &v)) {
      o.window = std::atoi(v.c_str());
    } else if (Flag(arg, "query_requests", &v)) {
      o.query_requests = std::atoi(v.c_str());
    } else if (Flag(arg, "lag_samples", &v)) {
      o.lag_samples = std::atoi(v.c_str());
    } else if (arg == "--no_concurrent") {
      o.concurrent_ingest_queries = false;
    } else if (Flag(arg, "work_dir", &v)) {
      o.work_dir = v;
    } else if (Flag(arg, "prefix", &v)) {
      o.prefix = v;
    } else if (Flag(arg, "seed", &v)) {
      o.seed = std::strtoull(v.c_str(), nullptr, 10);
    } else if (Flag(arg, "catchup_interval_ms", &v)) {
      o.catchup_interval_ms = std::atoi(v.c_str());
    } else if (Flag(arg, "op_time_budget_s", &v)) {
      o.op_time_budget_s = std::atof(v.c_str());
    } else if (Flag(arg, "settle_time_budget_s", &v)) {
      o.settle_time_budget_s = std::atof(v.c_str());
    } else if (Flag(arg, "segment_time_budget_s", &v)) {
      o.segment_time_budget_s = std::atof(v.c_str());
    } else if (Flag(arg, "kept_store", &v)) {
      o.kept_store = v;
    } else if (Flag(arg, "query_flag", &v)) {
      o.query_flags.push_back(v);
    } else if (arg == "--keep_store") {
      o.keep_store = true;
    } else {
      std::fprintf(stderr, "verbatim-bench-services: unknown argument %s\n",
                   argv[i]);
      return 2;
    }
  }
  o.on_figure = [](const verbatim::bench::Figure& f) {
    std::printf("%s %.6g %s\n", f.name.c_str(), f.value, f.unit.c_str());
    std::fflush(stdout);
  };
  o.log = [](const std::string& line) {
    std::fprintf(stderr, "[bench] %s\n", line.c_str());
  };
  auto result = verbatim::bench::RunScenario(o);
  if (!result.ok()) {
    std::fprintf(stderr, "verbatim-bench-services: %s\n",
                 result.status().ToString().c_str());
    return 1;
  }
  return result->article_errors == 0 && result->query_errors == 0 ? 0 : 3;
}
