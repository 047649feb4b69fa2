// verbatim-ingest: accepts articles over gRPC and stores their extraction.
#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "common/flags/env_flags.h"
#include "common/rpc/request_log.h"
#include "common/server/grpc_server.h"
#include "common/server/server_flags.h"
#include "common/storage/store.h"
#include "ingest_service/extraction/extractor.h"
#include "ingest_service/ingest/article_ingestor.h"
#include "ingest_service/rpc/ingest_service_impl.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "HOST:PORT to serve on (port 0: any free port)");
ABSL_FLAG(std::string, db, "",
          "Directory of the RocksDB store (created when missing)");
ABSL_FLAG(bool, sync, false,
          "fsync the write-ahead log on every article (survives power loss)");
ABSL_FLAG(int64_t, max_body_bytes, 2 << 20,
          "Largest article body accepted, in bytes");
ABSL_FLAG(
    int64_t, max_stream_articles, 1000000,
    "Most articles one StreamArticles call may send; the stream then ends "
    "with RESOURCE_EXHAUSTED and the client opens a new one");

namespace {

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "verbatim-ingest: %s\n", status.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  verbatim::server::BlockShutdownSignals();
  verbatim::flags::ParseFlagsWithEnvironment(
      argc, argv,
      "verbatim-ingest --db=DIR [--listen=HOST:PORT] [--sync]\n"
      "Every flag can also be set as VERBATIM_<FLAG> in the environment.");
  if (auto code = verbatim::server::RunHealthProbeIfRequested()) return *code;
  if (absl::GetFlag(FLAGS_db).empty()) {
    return Fail(
        absl::InvalidArgumentError("--db (or VERBATIM_DB) is required"));
  }
  auto extractor = verbatim::extraction::Extractor::Create();
  if (!extractor.ok()) return Fail(extractor.status());
  auto store = verbatim::storage::Store::OpenPrimary(
      absl::GetFlag(FLAGS_db), {.sync = absl::GetFlag(FLAGS_sync)});
  if (!store.ok()) return Fail(store.status());
  verbatim::ingest::ArticleLimits limits;
  limits.max_body_bytes = absl::GetFlag(FLAGS_max_body_bytes);
  auto ingestor = verbatim::ingest::ArticleIngestor::Create(
      store->get(), extractor->get(), limits);
  if (!ingestor.ok()) return Fail(ingestor.status());

  verbatim::ingest::IngestServiceImpl service(
      ingestor->get(),
      {.auth_token = verbatim::server::AuthTokenFlag(),
       .max_stream_articles = absl::GetFlag(FLAGS_max_stream_articles)});
  verbatim::server::ServerConfig config;
  if (absl::Status s = verbatim::server::ApplyTlsFlags(config); !s.ok())
    return Fail(s);
  config.listen_address = absl::GetFlag(FLAGS_listen);
  // Room for the largest body plus the other fields.
  config.max_receive_message_bytes = static_cast<int>(
      std::min<int64_t>(limits.max_body_bytes + (1 << 20), 1 << 30));
  config.health_service_names = {"verbatim.v1.IngestService"};
  auto server = verbatim::server::GrpcServer::Start(config, {&service});
  if (!server.ok()) return Fail(server.status());
  (*server)->SetServing(true);
  const std::string host =
      config.listen_address.substr(0, config.listen_address.rfind(':'));
  std::printf("listening on %s:%d\n", host.c_str(), (*server)->port());
  std::fflush(stdout);
  verbatim::rpc::LogInfo(
      absl::StrCat("verbatim-ingest serving store ", absl::GetFlag(FLAGS_db)));

  const int signal_number = verbatim::server::WaitForShutdownSignal();
  verbatim::rpc::LogInfo(
      absl::StrCat("signal ", signal_number, ": shutting down"));
  (*server)->Shutdown(verbatim::server::ShutdownGraceFlag());
  return 0;
}
