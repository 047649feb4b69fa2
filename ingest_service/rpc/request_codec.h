// Byte-level codec for ingest requests, so that malformed text is reported by
// validation rather than lost in the transport.
#ifndef VERBATIM_INGEST_SERVICE_RPC_REQUEST_CODEC_H_
#define VERBATIM_INGEST_SERVICE_RPC_REQUEST_CODEC_H_

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "grpcpp/support/byte_buffer.h"
#include "verbatim/v1/ingest_service.pb.h"

namespace verbatim::ingest {

// Parses a serialized CreateArticleRequest, keeping text fields whose bytes
// are not valid UTF-8 (ValidateCreateArticleRequest rejects them by field).
// INVALID_ARGUMENT when the bytes are not a CreateArticleRequest at all.
absl::StatusOr<v1::CreateArticleRequest> ParseCreateArticleRequest(
    const grpc::ByteBuffer& buffer);

// Serializes a response message into a ByteBuffer.
grpc::ByteBuffer SerializeToByteBuffer(
    const google::protobuf::Message& message);

}  // namespace verbatim::ingest

#endif  // VERBATIM_INGEST_SERVICE_RPC_REQUEST_CODEC_H_
