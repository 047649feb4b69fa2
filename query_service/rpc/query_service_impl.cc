#include "query_service/rpc/query_service_impl.h"

#include "common/rpc/auth.h"
#include "common/rpc/consistency_token.h"
#include "common/rpc/grpc_status.h"
#include "common/rpc/request_log.h"

namespace verbatim::query {
namespace {

constexpr absl::Duration kMaxConsistencyWait = absl::Seconds(5);

// Waits until the store includes the write named by the request's
// consistency token, if it has one.
absl::Status AwaitConsistencyToken(const grpc::CallbackServerContext& context,
                                   StoreFollower& follower) {
  const auto& metadata = context.client_metadata();
  auto it =
      metadata.find(grpc::string_ref(rpc::kConsistencyTokenHeader.data(),
                                     rpc::kConsistencyTokenHeader.size()));
  if (it == metadata.end()) return absl::OkStatus();
  auto sequence = rpc::DecodeConsistencyToken(
      absl::string_view(it->second.data(), it->second.size()));
  if (!sequence.ok()) return sequence.status();
  absl::Time deadline = absl::Now() + kMaxConsistencyWait;
  if (context.deadline() != std::chrono::system_clock::time_point::max()) {
    deadline = std::min(deadline, absl::FromChrono(context.deadline()));
  }
  return follower.WaitForSequence(*sequence, deadline);
}

}  // namespace

template <typename Request, typename Response, typename Method>
grpc::ServerUnaryReactor* QueryServiceImpl::Serve(
    grpc::CallbackServerContext* context, absl::string_view name,
    const Request& request, Response* response, Method method) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  const QueryEngine* engine = engine_.load();
  absl::Status status = rpc::CheckBearerToken(*context, auth_token_);
  if (status.ok() && engine == nullptr) {
    status = absl::UnavailableError(
        "the query service has not opened the store yet (is verbatim-ingest "
        "running on the same --db?); retry shortly");
  } else if (status.ok()) {
    status = AwaitConsistencyToken(*context, *follower_.load());
  }
  if (status.ok()) {
    auto result = (engine->*method)(request);
    status = result.status();
    if (result.ok()) *response = *std::move(result);
  }
  rpc::LogRequestError(name, status);
  reactor->Finish(rpc::ToGrpcStatus(status));
  return reactor;
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetArticle(
    grpc::CallbackServerContext* context, const v1::GetArticleRequest* request,
    v1::Article* response) {
  return Serve(context, "GetArticle", *request, response,
               &QueryEngine::GetArticle);
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListArticles(
    grpc::CallbackServerContext* context,
    const v1::ListArticlesRequest* request,
    v1::ListArticlesResponse* response) {
  return Serve(context, "ListArticles", *request, response,
               &QueryEngine::ListArticles);
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetEntity(
    grpc::CallbackServerContext* context, const v1::GetEntityRequest* request,
    v1::Entity* response) {
  return Serve(context, "GetEntity", *request, response,
               &QueryEngine::GetEntity);
}

grpc::ServerUnaryReactor* QueryServiceImpl::SearchEntities(
    grpc::CallbackServerContext* context,
    const v1::SearchEntitiesRequest* request,
    v1::SearchEntitiesResponse* response) {
  return Serve(context, "SearchEntities", *request, response,
               &QueryEngine::SearchEntities);
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetQuote(
    grpc::CallbackServerContext* context, const v1::GetQuoteRequest* request,
    v1::Quote* response) {
  return Serve(context, "GetQuote", *request, response, &QueryEngine::GetQuote);
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListQuotes(
    grpc::CallbackServerContext* context, const v1::ListQuotesRequest* request,
    v1::ListQuotesResponse* response) {
  return Serve(context, "ListQuotes", *request, response,
               &QueryEngine::ListQuotes);
}

grpc::ServerUnaryReactor* QueryServiceImpl::SearchQuotes(
    grpc::CallbackServerContext* context,
    const v1::SearchQuotesRequest* request,
    v1::SearchQuotesResponse* response) {
  return Serve(context, "SearchQuotes", *request, response,
               &QueryEngine::SearchQuotes);
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListRelatedEntities(
    grpc::CallbackServerContext* context,
    const v1::ListRelatedEntitiesRequest* request,
    v1::ListRelatedEntitiesResponse* response) {
  return Serve(context, "ListRelatedEntities", *request, response,
               &QueryEngine::ListRelatedEntities);
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetEntityTimeline(
    grpc::CallbackServerContext* context,
    const v1::GetEntityTimelineRequest* request, v1::EntityTimeline* response) {
  return Serve(context, "GetEntityTimeline", *request, response,
               &QueryEngine::GetEntityTimeline);
}

}  // namespace verbatim::query
