#include "common/server/server_flags.h"

#include "absl/flags/flag.h"
#include "common/rpc/client_channel.h"
#include "common/server/health_probe.h"

ABSL_FLAG(std::string, tls_cert, "",
          "PEM certificate chain file: serve TLS (with --tls_key)");
ABSL_FLAG(std::string, tls_key, "", "PEM private key file for --tls_cert");
ABSL_FLAG(std::string, tls_ca, "",
          "PEM file of the CA to trust when --health_probe connects over TLS");
ABSL_FLAG(std::string, auth_token, "",
          "Require \"authorization: Bearer <token>\" on every API call "
          "(health and reflection stay open). Prefer the VERBATIM_AUTH_TOKEN "
          "variable.");
ABSL_FLAG(int32_t, shutdown_grace_ms, 5000,
          "How long in-flight calls may finish on SIGTERM");
ABSL_FLAG(
    std::string, health_probe, "",
    "Act as a health probe of the server at HOST:PORT and exit: 0 serving, "
    "2 cannot connect, 3 RPC failed, 4 not serving");

namespace verbatim::server {

std::optional<int> RunHealthProbeIfRequested() {
  const std::string address = absl::GetFlag(FLAGS_health_probe);
  if (address.empty()) return std::nullopt;
  return RunHealthProbe(address, "", absl::GetFlag(FLAGS_tls_ca),
                        absl::Seconds(3));
}

absl::Status ApplyTlsFlags(ServerConfig& config) {
  const std::string cert = absl::GetFlag(FLAGS_tls_cert);
  const std::string key = absl::GetFlag(FLAGS_tls_key);
  if (cert.empty() && key.empty()) return absl::OkStatus();
  if (cert.empty() || key.empty()) {
    return absl::InvalidArgumentError("--tls_cert and --tls_key go together");
  }
  auto cert_pem = rpc::ReadFileContents(cert);
  if (!cert_pem.ok()) return cert_pem.status();
  auto key_pem = rpc::ReadFileContents(key);
  if (!key_pem.ok()) return key_pem.status();
  config.tls_cert_pem = *std::move(cert_pem);
  config.tls_key_pem = *std::move(key_pem);
  return absl::OkStatus();
}

std::string AuthTokenFlag() { return absl::GetFlag(FLAGS_auth_token); }

absl::Duration ShutdownGraceFlag() {
  return absl::Milliseconds(absl::GetFlag(FLAGS_shutdown_grace_ms));
}

}  // namespace verbatim::server
