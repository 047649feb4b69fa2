// verbatim-load: uploads article files through IngestService.StreamArticles.
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "common/flags/env_flags.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "ingest_service/tools/article_request.h"
#include "verbatim/v1/ingest_service.grpc.pb.h"

ABSL_FLAG(std::string, target, "127.0.0.1:50051", "HOST:PORT of verbatim-ingest");

int main(int argc, char** argv) {
  std::vector<char*> files = verbatim::flags::ParseFlagsWithEnvironment(
      argc, argv, "verbatim-load [--target=HOST:PORT] FILE...");
  files.erase(files.begin());
  if (files.empty()) {
    std::fprintf(stderr, "verbatim-load: no files given\n");
    return 2;
  }
  int failed = 0;
  std::vector<std::string> sent_paths;
  auto channel = grpc::CreateChannel(absl::GetFlag(FLAGS_target),
                                     grpc::InsecureChannelCredentials());
  auto stub = verbatim::v1::IngestService::NewStub(channel);
  grpc::ClientContext context;
  auto stream = stub->StreamArticles(&context);
  for (const char* path : files) {
    auto request = verbatim::tools::ReadArticleRequest(path);
    if (!request.ok()) {
      std::fprintf(stderr, "%s: %s\n", path, std::string(request.status().message()).c_str());
      ++failed;
      continue;
    }
    if (!stream->Write(*request)) break;  // the server went away; Finish says why
    sent_paths.emplace_back(path);
  }
  stream->WritesDone();
  int loaded = 0;
  size_t acknowledged = 0;
  verbatim::v1::CreateArticleResult result;
  while (stream->Read(&result)) {
    ++acknowledged;
    const std::string& path =
        result.index() < static_cast<int64_t>(sent_paths.size())
            ? sent_paths[result.index()]
            : std::string("?");
    if (result.status().code() != 0) {
      std::fprintf(stderr, "%s: %s\n", path.c_str(), result.status().message().c_str());
      ++failed;
    } else {
      ++loaded;
    }
  }
  grpc::Status status = stream->Finish();
  if (!status.ok() || acknowledged < sent_paths.size()) {
    std::fprintf(stderr,
                 "verbatim-load: stream to %s failed after %zu of %zu articles were "
                 "acknowledged: %s\n",
                 absl::GetFlag(FLAGS_target).c_str(), acknowledged, sent_paths.size(),
                 status.ok() ? "stream ended early" : status.error_message().c_str());
    std::printf("loaded %d articles (%zu failed)\n", loaded,
                failed + (sent_paths.size() - acknowledged));
    return 1;
  }
  std::printf("loaded %d articles (%d failed)\n", loaded, failed);
  return failed == 0 ? 0 : 1;
}
