// The gRPC face of the query service. Until the store is open every call
// fails with UNAVAILABLE. Calls carrying a consistency token wait for it.
#ifndef VERBATIM_QUERY_SERVICE_RPC_QUERY_SERVICE_IMPL_H_
#define VERBATIM_QUERY_SERVICE_RPC_QUERY_SERVICE_IMPL_H_

#include <atomic>
#include <string>

#include "query_service/query/query_engine.h"
#include "query_service/query/store_follower.h"
#include "verbatim/v1/query_service.grpc.pb.h"

namespace verbatim::query {

// Thread-safe.
class QueryServiceImpl final : public v1::QueryService::CallbackService {
 public:
  // `auth_token`: the bearer token every call must carry; empty: no auth.
  explicit QueryServiceImpl(std::string auth_token)
      : auth_token_(std::move(auth_token)) {}

  // Starts answering from `engine`, waiting for consistency tokens through
  // `follower` (neither owned; both must outlive the service).
  void SetBackend(const QueryEngine* engine, StoreFollower* follower) {
    follower_.store(follower);
    engine_.store(engine);
  }

  grpc::ServerUnaryReactor* GetArticle(grpc::CallbackServerContext* context,
                                       const v1::GetArticleRequest* request,
                                       v1::Article* response) override;
  grpc::ServerUnaryReactor* ListArticles(
      grpc::CallbackServerContext* context,
      const v1::ListArticlesRequest* request,
      v1::ListArticlesResponse* response) override;
  grpc::ServerUnaryReactor* GetEntity(grpc::CallbackServerContext* context,
                                      const v1::GetEntityRequest* request,
                                      v1::Entity* response) override;
  grpc::ServerUnaryReactor* SearchEntities(
      grpc::CallbackServerContext* context,
      const v1::SearchEntitiesRequest* request,
      v1::SearchEntitiesResponse* response) override;
  grpc::ServerUnaryReactor* GetQuote(grpc::CallbackServerContext* context,
                                     const v1::GetQuoteRequest* request,
                                     v1::Quote* response) override;
  grpc::ServerUnaryReactor* ListQuotes(
      grpc::CallbackServerContext* context,
      const v1::ListQuotesRequest* request,
      v1::ListQuotesResponse* response) override;
  grpc::ServerUnaryReactor* SearchQuotes(
      grpc::CallbackServerContext* context,
      const v1::SearchQuotesRequest* request,
      v1::SearchQuotesResponse* response) override;
  grpc::ServerUnaryReactor* ListRelatedEntities(
      grpc::CallbackServerContext* context,
      const v1::ListRelatedEntitiesRequest* request,
      v1::ListRelatedEntitiesResponse* response) override;
  grpc::ServerUnaryReactor* GetEntityTimeline(
      grpc::CallbackServerContext* context,
      const v1::GetEntityTimelineRequest* request,
      v1::EntityTimeline* response) override;

 private:
  // Runs `method` of the engine and finishes the call with its result.
  template <typename Request, typename Response, typename Method>
  grpc::ServerUnaryReactor* Serve(grpc::CallbackServerContext* context,
                                  absl::string_view name,
                                  const Request& request, Response* response,
                                  Method method);

  const std::string auth_token_;
  std::atomic<const QueryEngine*> engine_{nullptr};
  std::atomic<StoreFollower*> follower_{nullptr};
};

}  // namespace verbatim::query

#endif  // VERBATIM_QUERY_SERVICE_RPC_QUERY_SERVICE_IMPL_H_
