#include "common/rpc/client_channel.h"

#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"

namespace verbatim::rpc {

absl::StatusOr<std::string> ReadFileContents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
  std::stringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> CreateClientChannel(
    const std::string& target, const std::string& tls_ca_path) {
  if (tls_ca_path.empty()) {
    return grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
  }
  auto roots = ReadFileContents(tls_ca_path);
  if (!roots.ok()) return roots.status();
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = *std::move(roots);
  return grpc::CreateChannel(target, grpc::SslCredentials(options));
}

}  // namespace verbatim::rpc
