#include "ingest_service/rpc/request_codec.h"

#include <vector>

#include "common/status/errors.h"
#include "grpcpp/support/slice.h"
#include "verbatim/internal/lenient_request.pb.h"

namespace verbatim::ingest {

absl::StatusOr<v1::CreateArticleRequest> ParseCreateArticleRequest(
    const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  std::string bytes;
  if (buffer.Dump(&slices).ok()) {
    for (const grpc::Slice& slice : slices) {
      bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
    }
  }
  internal::LenientCreateArticleRequest lenient;
  if (!lenient.ParseFromString(bytes)) {
    return status::InvalidField("request",
                                "is not a serialized CreateArticleRequest");
  }
  // Setters do not check UTF-8; validation does, naming the field.
  v1::CreateArticleRequest request;
  request.set_request_id(lenient.request_id());
  if (lenient.has_article()) {
    const internal::LenientArticle& in = lenient.article();
    v1::Article* out = request.mutable_article();
    out->set_title(in.title());
    out->set_url(in.url());
    out->set_source(in.source());
    if (in.has_publish_time()) *out->mutable_publish_time() = in.publish_time();
    out->set_body(in.body());
    out->set_content_type(in.content_type());
  }
  return request;
}

grpc::ByteBuffer SerializeToByteBuffer(
    const google::protobuf::Message& message) {
  const std::string bytes = message.SerializeAsString();
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

}  // namespace verbatim::ingest
