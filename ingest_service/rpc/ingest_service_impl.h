// The gRPC face of the ingest service: request parsing and status conversion
// only; the work is ArticleIngestor's.
#ifndef VERBATIM_INGEST_SERVICE_RPC_INGEST_SERVICE_IMPL_H_
#define VERBATIM_INGEST_SERVICE_RPC_INGEST_SERVICE_IMPL_H_

#include "ingest_service/ingest/article_ingestor.h"
#include "verbatim/v1/ingest_service.grpc.pb.h"

namespace verbatim::ingest {

// Thread-safe. `ingestor` is not owned and must outlive the service.
class IngestServiceImpl final : public v1::IngestService::CallbackService {
 public:
  explicit IngestServiceImpl(ArticleIngestor* ingestor) : ingestor_(ingestor) {}

  grpc::ServerUnaryReactor* CreateArticle(grpc::CallbackServerContext* context,
                                          const v1::CreateArticleRequest* request,
                                          v1::Article* response) override;
  grpc::ServerBidiReactor<v1::CreateArticleRequest, v1::CreateArticleResult>*
  StreamArticles(grpc::CallbackServerContext* context) override;
  grpc::ServerUnaryReactor* DeleteArticle(grpc::CallbackServerContext* context,
                                          const v1::DeleteArticleRequest* request,
                                          google::protobuf::Empty* response) override;
  grpc::ServerUnaryReactor* AddEntityAlias(grpc::CallbackServerContext* context,
                                           const v1::AddEntityAliasRequest* request,
                                           v1::Entity* response) override;
  grpc::ServerUnaryReactor* MergeEntities(grpc::CallbackServerContext* context,
                                          const v1::MergeEntitiesRequest* request,
                                          v1::Entity* response) override;

 private:
  ArticleIngestor* const ingestor_;
};

}  // namespace verbatim::ingest

#endif  // VERBATIM_INGEST_SERVICE_RPC_INGEST_SERVICE_IMPL_H_
