#include "ingest_service/rpc/ingest_service_impl.h"

#include "common/rpc/consistency_token.h"
#include "common/rpc/grpc_status.h"
#include "common/rpc/request_log.h"

namespace verbatim::ingest {
namespace {

grpc::Status Finish(absl::string_view method, const absl::Status& status) {
  rpc::LogRequestError(method, status);
  return rpc::ToGrpcStatus(status);
}

// Tells the client how far the store had got once its write was applied.
void SendConsistencyToken(grpc::CallbackServerContext* context,
                          const ArticleIngestor& ingestor) {
  context->AddInitialMetadata(std::string(rpc::kConsistencyTokenHeader),
                              rpc::EncodeConsistencyToken(ingestor.LastSequenceNumber()));
}

// Reads one request, stores it, writes its result, and repeats until the
// client half-closes. A failed article is reported in its result; only a
// broken stream ends the call with an error.
class StreamArticlesReactor final
    : public grpc::ServerBidiReactor<v1::CreateArticleRequest, v1::CreateArticleResult> {
 public:
  explicit StreamArticlesReactor(ArticleIngestor* ingestor) : ingestor_(ingestor) {
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status::OK);
      return;
    }
    result_.Clear();
    result_.set_index(index_++);
    result_.set_request_id(request_.request_id());
    absl::StatusOr<CreateOutcome> outcome = ingestor_->CreateArticle(request_);
    *result_.mutable_status() = rpc::ToRpcStatus(outcome.status());
    if (outcome.ok()) {
      outcome->article.clear_body();
      *result_.mutable_article() = std::move(outcome->article);
      result_.set_created(outcome->created);
      result_.set_consistency_token(
          rpc::EncodeConsistencyToken(ingestor_->LastSequenceNumber()));
    } else {
      rpc::LogRequestError("StreamArticles", outcome.status());
    }
    StartWrite(&result_);
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED, "stream closed by the client"));
      return;
    }
    StartRead(&request_);
  }

  void OnDone() override { delete this; }

 private:
  ArticleIngestor* const ingestor_;
  v1::CreateArticleRequest request_;
  v1::CreateArticleResult result_;
  int64_t index_ = 0;
};

}  // namespace

grpc::ServerUnaryReactor* IngestServiceImpl::CreateArticle(
    grpc::CallbackServerContext* context, const v1::CreateArticleRequest* request,
    v1::Article* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<CreateOutcome> outcome = ingestor_->CreateArticle(*request);
  if (outcome.ok()) {
    *response = std::move(outcome->article);
    SendConsistencyToken(context, *ingestor_);
  }
  reactor->Finish(Finish("CreateArticle", outcome.status()));
  return reactor;
}

grpc::ServerBidiReactor<v1::CreateArticleRequest, v1::CreateArticleResult>*
IngestServiceImpl::StreamArticles(grpc::CallbackServerContext* /*context*/) {
  return new StreamArticlesReactor(ingestor_);
}

grpc::ServerUnaryReactor* IngestServiceImpl::DeleteArticle(
    grpc::CallbackServerContext* context, const v1::DeleteArticleRequest* request,
    google::protobuf::Empty* /*response*/) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::Status status = ingestor_->DeleteArticle(request->name());
  if (status.ok()) SendConsistencyToken(context, *ingestor_);
  reactor->Finish(Finish("DeleteArticle", status));
  return reactor;
}

grpc::ServerUnaryReactor* IngestServiceImpl::AddEntityAlias(
    grpc::CallbackServerContext* context, const v1::AddEntityAliasRequest* request,
    v1::Entity* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<v1::Entity> entity =
      ingestor_->AddEntityAlias(request->entity(), request->alias());
  if (entity.ok()) {
    *response = *std::move(entity);
    SendConsistencyToken(context, *ingestor_);
  }
  reactor->Finish(Finish("AddEntityAlias", entity.status()));
  return reactor;
}

grpc::ServerUnaryReactor* IngestServiceImpl::MergeEntities(
    grpc::CallbackServerContext* context, const v1::MergeEntitiesRequest* request,
    v1::Entity* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<v1::Entity> entity = ingestor_->MergeEntities(
      request->entity(), {request->merged_entities().begin(), request->merged_entities().end()});
  if (entity.ok()) {
    *response = *std::move(entity);
    SendConsistencyToken(context, *ingestor_);
  }
  reactor->Finish(Finish("MergeEntities", entity.status()));
  return reactor;
}

}  // namespace verbatim::ingest
