#include "ingest_service/rpc/ingest_service_impl.h"

#include "common/rpc/auth.h"
#include "common/rpc/consistency_token.h"
#include "common/rpc/grpc_status.h"
#include "common/rpc/request_log.h"
#include "common/status/errors.h"
#include "ingest_service/rpc/request_codec.h"

namespace verbatim::ingest {
namespace {

// Logs a failed call and converts its status.
grpc::Status LoggedStatus(absl::string_view method,
                          const absl::Status& status) {
  rpc::LogRequestError(method, status);
  return rpc::ToGrpcStatus(status);
}

// Tells the client how far the store had got once its write was applied.
void SendConsistencyToken(grpc::CallbackServerContext* context,
                          const ArticleIngestor& ingestor) {
  context->AddInitialMetadata(
      std::string(rpc::kConsistencyTokenHeader),
      rpc::EncodeConsistencyToken(ingestor.LastSequenceNumber()));
}

// Reads one request, stores it, writes its result, and repeats until the
// client half-closes. A failed article is reported in its result; only a
// broken stream ends the call with an error.
class StreamArticlesReactor final
    : public grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  StreamArticlesReactor(ArticleIngestor* ingestor, int64_t max_articles)
      : ingestor_(ingestor), max_articles_(max_articles) {
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status::OK);
      return;
    }
    if (index_ >= max_articles_) {
      Finish(LoggedStatus(
          "StreamArticles",
          status::LimitExceeded(absl::StatusCode::kResourceExhausted, "stream",
                                index_ + 1, max_articles_,
                                "articles; open a new stream for the rest")));
      return;
    }
    v1::CreateArticleResult result;
    result.set_index(index_++);
    absl::StatusOr<v1::CreateArticleRequest> request =
        ParseCreateArticleRequest(request_);
    if (request.ok()) result.set_request_id(request->request_id());
    absl::StatusOr<CreateOutcome> outcome =
        request.ok() ? ingestor_->CreateArticle(*request)
                     : absl::StatusOr<CreateOutcome>(request.status());
    *result.mutable_status() = rpc::ToRpcStatus(outcome.status());
    if (outcome.ok()) {
      outcome->article.clear_body();
      *result.mutable_article() = std::move(outcome->article);
      result.set_created(outcome->created);
      result.set_consistency_token(
          rpc::EncodeConsistencyToken(ingestor_->LastSequenceNumber()));
    } else {
      rpc::LogRequestError("StreamArticles", outcome.status());
    }
    result_ = SerializeToByteBuffer(result);
    StartWrite(&result_);
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED,
                          "stream closed by the client"));
      return;
    }
    StartRead(&request_);
  }

  void OnDone() override { delete this; }

 private:
  ArticleIngestor* const ingestor_;
  const int64_t max_articles_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer result_;
  int64_t index_ = 0;
};

// Ends a stream before reading anything (e.g. unauthenticated).
class RejectedStream final
    : public grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  explicit RejectedStream(grpc::Status status) { Finish(std::move(status)); }
  void OnDone() override { delete this; }
};

}  // namespace

template <typename Handler>
grpc::ServerUnaryReactor* IngestServiceImpl::Unary(
    grpc::CallbackServerContext* context, absl::string_view method,
    Handler handler) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::Status status = rpc::CheckBearerToken(*context, options_.auth_token);
  if (status.ok()) status = handler();
  if (status.ok()) SendConsistencyToken(context, *ingestor_);
  reactor->Finish(LoggedStatus(method, status));
  return reactor;
}

grpc::ServerUnaryReactor* IngestServiceImpl::CreateArticle(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary(context, "CreateArticle", [&] {
    absl::StatusOr<v1::CreateArticleRequest> parsed =
        ParseCreateArticleRequest(*request);
    if (!parsed.ok()) return parsed.status();
    absl::StatusOr<CreateOutcome> outcome = ingestor_->CreateArticle(*parsed);
    if (outcome.ok()) *response = SerializeToByteBuffer(outcome->article);
    return outcome.status();
  });
}

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>*
IngestServiceImpl::StreamArticles(grpc::CallbackServerContext* context) {
  if (absl::Status auth = rpc::CheckBearerToken(*context, options_.auth_token);
      !auth.ok()) {
    return new RejectedStream(LoggedStatus("StreamArticles", auth));
  }
  return new StreamArticlesReactor(ingestor_, options_.max_stream_articles);
}

grpc::ServerUnaryReactor* IngestServiceImpl::DeleteArticle(
    grpc::CallbackServerContext* context,
    const v1::DeleteArticleRequest* request,
    google::protobuf::Empty* /*response*/) {
  return Unary(context, "DeleteArticle",
               [&] { return ingestor_->DeleteArticle(request->name()); });
}

grpc::ServerUnaryReactor* IngestServiceImpl::AddEntityAlias(
    grpc::CallbackServerContext* context,
    const v1::AddEntityAliasRequest* request, v1::Entity* response) {
  return Unary(context, "AddEntityAlias", [&] {
    absl::StatusOr<v1::Entity> entity =
        ingestor_->AddEntityAlias(request->entity(), request->alias());
    if (entity.ok()) *response = *std::move(entity);
    return entity.status();
  });
}

grpc::ServerUnaryReactor* IngestServiceImpl::MergeEntities(
    grpc::CallbackServerContext* context,
    const v1::MergeEntitiesRequest* request, v1::Entity* response) {
  return Unary(context, "MergeEntities", [&] {
    absl::StatusOr<v1::Entity> entity = ingestor_->MergeEntities(
        request->entity(),
        {request->merged_entities().begin(), request->merged_entities().end()});
    if (entity.ok()) *response = *std::move(entity);
    return entity.status();
  });
}

}  // namespace verbatim::ingest
