// verbatim-query: serves typed lookups over the store verbatim-ingest writes,
// through a RocksDB secondary instance.
#include <cstdio>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "common/concurrency/work_pool.h"
#include "common/flags/env_flags.h"
#include "common/rpc/request_log.h"
#include "common/server/grpc_server.h"
#include "common/server/server_flags.h"
#include "query_service/query/query_engine.h"
#include "query_service/query/store_follower.h"
#include "query_service/rpc/query_service_impl.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50052",
          "HOST:PORT to serve on (port 0: any free port)");
ABSL_FLAG(std::string, db, "", "Directory of the store verbatim-ingest writes");
ABSL_FLAG(
    std::string, secondary_path, "",
    "Directory for this instance's own files (default: <db>-query-secondary)");
ABSL_FLAG(int32_t, catchup_interval_ms, 50,
          "How often to read what ingest wrote");
ABSL_FLAG(int32_t, read_threads, 8,
          "Threads that read the records of a page in parallel (0: the "
          "request's own thread reads them one after another)");

int main(int argc, char** argv) {
  verbatim::server::BlockShutdownSignals();
  verbatim::flags::ParseFlagsWithEnvironment(
      argc, argv,
      "verbatim-query --db=DIR [--secondary_path=DIR] [--listen=HOST:PORT]\n"
      "Every flag can also be set as VERBATIM_<FLAG> in the environment.");
  if (auto code = verbatim::server::RunHealthProbeIfRequested()) return *code;
  const std::string db = absl::GetFlag(FLAGS_db);
  if (db.empty()) {
    std::fprintf(stderr, "verbatim-query: --db (or VERBATIM_DB) is required\n");
    return 1;
  }
  std::string secondary_path = absl::GetFlag(FLAGS_secondary_path);
  if (secondary_path.empty()) secondary_path = db + "-query-secondary";
  if (absl::GetFlag(FLAGS_catchup_interval_ms) <= 0) {
    std::fprintf(stderr,
                 "verbatim-query: --catchup_interval_ms must be positive\n");
    return 1;
  }
  if (absl::GetFlag(FLAGS_read_threads) < 0) {
    std::fprintf(stderr,
                 "verbatim-query: --read_threads must not be negative\n");
    return 1;
  }

  verbatim::query::QueryServiceImpl service(verbatim::server::AuthTokenFlag());
  verbatim::server::ServerConfig config;
  if (absl::Status s = verbatim::server::ApplyTlsFlags(config); !s.ok()) {
    std::fprintf(stderr, "verbatim-query: %s\n", s.ToString().c_str());
    return 1;
  }
  config.listen_address = absl::GetFlag(FLAGS_listen);
  config.health_service_names = {"verbatim.v1.QueryService"};
  auto server = verbatim::server::GrpcServer::Start(config, {&service});
  if (!server.ok()) {
    std::fprintf(stderr, "verbatim-query: %s\n",
                 server.status().ToString().c_str());
    return 1;
  }
  const std::string host =
      config.listen_address.substr(0, config.listen_address.rfind(':'));
  std::printf("listening on %s:%d\n", host.c_str(), (*server)->port());
  std::fflush(stdout);

  verbatim::concurrency::WorkPool read_pool(absl::GetFlag(FLAGS_read_threads));
  std::unique_ptr<verbatim::query::QueryEngine> engine;
  verbatim::query::StoreFollower follower(
      db, secondary_path,
      absl::Milliseconds(absl::GetFlag(FLAGS_catchup_interval_ms)));
  follower.Start([&](const verbatim::storage::Store* store) {
    engine = std::make_unique<verbatim::query::QueryEngine>(store, &read_pool);
    service.SetBackend(engine.get(), &follower);
    (*server)->SetServing(true);
    verbatim::rpc::LogInfo(absl::StrCat("verbatim-query serving store ", db));
  });

  const int signal_number = verbatim::server::WaitForShutdownSignal();
  verbatim::rpc::LogInfo(
      absl::StrCat("signal ", signal_number, ": shutting down"));
  // The follower first: once it has stopped it can no longer mark a server
  // that is shutting down as serving.
  follower.Stop();
  (*server)->Shutdown(verbatim::server::ShutdownGraceFlag());
  return 0;
}
