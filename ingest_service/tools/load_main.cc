// verbatim-load: uploads article files through IngestService.StreamArticles.
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "common/flags/env_flags.h"
#include "common/rpc/auth.h"
#include "common/rpc/client_channel.h"
#include "ingest_service/tools/article_request.h"
#include "verbatim/v1/ingest_service.grpc.pb.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051",
          "HOST:PORT of verbatim-ingest");
ABSL_FLAG(std::string, tls_ca, "",
          "PEM file of the CA to trust: connect over TLS");
ABSL_FLAG(
    std::string, auth_token, "",
    "Bearer token the ingest service requires (prefer VERBATIM_AUTH_TOKEN)");

int main(int argc, char** argv) {
  std::vector<char*> files = verbatim::flags::ParseFlagsWithEnvironment(
      argc, argv, "verbatim-load [--target=HOST:PORT] FILE...");
  files.erase(files.begin());
  if (files.empty()) {
    std::fprintf(stderr, "verbatim-load: no files given\n");
    return 2;
  }
  int parse_failures = 0;
  std::vector<std::string> sent_paths;
  auto channel = verbatim::rpc::CreateClientChannel(
      absl::GetFlag(FLAGS_target), absl::GetFlag(FLAGS_tls_ca));
  if (!channel.ok()) {
    std::fprintf(stderr, "verbatim-load: %s\n",
                 std::string(channel.status().message()).c_str());
    return 2;
  }
  auto stub = verbatim::v1::IngestService::NewStub(*channel);
  grpc::ClientContext context;
  verbatim::rpc::AddBearerToken(context, absl::GetFlag(FLAGS_auth_token));
  auto stream = stub->StreamArticles(&context);
  bool stream_broken = false;
  for (const char* path : files) {
    auto request = verbatim::tools::ReadArticleRequest(path);
    if (!request.ok()) {
      std::fprintf(stderr, "%s: %s\n", path,
                   std::string(request.status().message()).c_str());
      ++parse_failures;
      continue;
    }
    if (!stream->Write(*request)) {  // the server went away; Finish says why
      stream_broken = true;
      break;
    }
    sent_paths.emplace_back(path);
  }
  stream->WritesDone();
  const int total = static_cast<int>(files.size());
  int loaded = 0;
  int acknowledged = 0;
  verbatim::v1::CreateArticleResult result;
  while (stream->Read(&result)) {
    ++acknowledged;
    const bool known = result.index() >= 0 &&
                       result.index() < static_cast<int64_t>(sent_paths.size());
    const std::string path = known ? sent_paths[result.index()] : "?";
    if (result.status().code() != 0) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(),
                   result.status().message().c_str());
    } else {
      ++loaded;
    }
  }
  grpc::Status status = stream->Finish();
  const int to_send = total - parse_failures;
  if (!status.ok() || stream_broken || acknowledged < to_send) {
    std::fprintf(
        stderr,
        "verbatim-load: stream to %s failed after %d of %d articles were "
        "acknowledged: %s\n",
        absl::GetFlag(FLAGS_target).c_str(), acknowledged, to_send,
        status.ok() ? "stream ended early" : status.error_message().c_str());
    std::printf("loaded %d articles (%d failed)\n", loaded, total - loaded);
    return 1;
  }
  std::printf("loaded %d articles (%d failed)\n", loaded, total - loaded);
  return loaded == total ? 0 : 1;
}
