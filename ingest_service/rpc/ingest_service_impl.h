// The gRPC face of the ingest service: request parsing and status conversion
// only; the work is ArticleIngestor's.
#ifndef VERBATIM_INGEST_SERVICE_RPC_INGEST_SERVICE_IMPL_H_
#define VERBATIM_INGEST_SERVICE_RPC_INGEST_SERVICE_IMPL_H_

#include <string>

#include "ingest_service/ingest/article_ingestor.h"
#include "verbatim/v1/ingest_service.grpc.pb.h"

namespace verbatim::ingest {

struct IngestServiceOptions {
  std::string auth_token;  // required bearer token; empty: no auth
  int64_t max_stream_articles = 1000000;
};

// The methods that take article text read raw bytes (request_codec.h), so
// that text which is not UTF-8 gets INVALID_ARGUMENT naming the field.
using IngestServiceBase =
    v1::IngestService::WithRawCallbackMethod_CreateArticle<
        v1::IngestService::WithRawCallbackMethod_StreamArticles<
            v1::IngestService::WithCallbackMethod_DeleteArticle<
                v1::IngestService::WithCallbackMethod_AddEntityAlias<
                    v1::IngestService::WithCallbackMethod_MergeEntities<
                        v1::IngestService::Service>>>>>;

// Thread-safe. `ingestor` is not owned and must outlive the service.
class IngestServiceImpl final : public IngestServiceBase {
 public:
  IngestServiceImpl(ArticleIngestor* ingestor, IngestServiceOptions options)
      : ingestor_(ingestor), options_(std::move(options)) {}

  grpc::ServerUnaryReactor* CreateArticle(grpc::CallbackServerContext* context,
                                          const grpc::ByteBuffer* request,
                                          grpc::ByteBuffer* response) override;
  grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* StreamArticles(
      grpc::CallbackServerContext* context) override;
  grpc::ServerUnaryReactor* DeleteArticle(
      grpc::CallbackServerContext* context,
      const v1::DeleteArticleRequest* request,
      google::protobuf::Empty* response) override;
  grpc::ServerUnaryReactor* AddEntityAlias(
      grpc::CallbackServerContext* context,
      const v1::AddEntityAliasRequest* request, v1::Entity* response) override;
  grpc::ServerUnaryReactor* MergeEntities(
      grpc::CallbackServerContext* context,
      const v1::MergeEntitiesRequest* request, v1::Entity* response) override;

 private:
  // Checks the bearer token, runs `handler` (returning absl::Status), sends
  // the consistency token on success and finishes the call.
  template <typename Handler>
  grpc::ServerUnaryReactor* Unary(grpc::CallbackServerContext* context,
                                  absl::string_view method, Handler handler);

  ArticleIngestor* const ingestor_;
  const IngestServiceOptions options_;
};

}  // namespace verbatim::ingest

#endif  // VERBATIM_INGEST_SERVICE_RPC_INGEST_SERVICE_IMPL_H_
