#include "ingest_service/extraction/extractor.h"

#include <algorithm>
#include <utility>

#include "ingest_service/entities/entity_recognizer.h"
#include "ingest_service/extraction/attribution.h"
#include "ingest_service/extraction/boilerplate.h"
#include "ingest_service/extraction/normalizer.h"
#include "ingest_service/extraction/outlet.h"
#include "ingest_service/extraction/quote_filter.h"
#include "ingest_service/extraction/quote_finder.h"
#include "ingest_service/extraction/segmenter.h"
#include "ingest_service/extraction/speaker_resolver.h"
#include "ingest_service/extraction/text_util.h"

namespace verbatim::extraction {

namespace {

// Attributions weaker than this leave the speaker unknown. Slightly below
// 0.5 so that a 0.7 rule less 0.2 for a description (0.49999...) passes.
constexpr double kMinSpeakerConfidence = 0.5 - 1e-9;

class ExtractorImpl : public Extractor {
 public:
  ExtractorImpl(Normalizer normalizer, BoilerplateMarker boilerplate,
                Segmenter segmenter, Attributor attributor,
                std::unique_ptr<entities::EntityRecognizer> recognizer)
      : normalizer_(std::move(normalizer)),
        boilerplate_(std::move(boilerplate)),
        segmenter_(std::move(segmenter)),
        attributor_(std::move(attributor)),
        recognizer_(std::move(recognizer)) {}

  using Extractor::Extract;
  absl::StatusOr<ExtractionResult> Extract(
      std::string_view body, const ArticleContext& context) const override;

 private:
  Normalizer normalizer_;
  BoilerplateMarker boilerplate_;
  Segmenter segmenter_;
  Attributor attributor_;
  std::unique_ptr<entities::EntityRecognizer> recognizer_;
};

absl::StatusOr<ExtractionResult> ExtractorImpl::Extract(
    std::string_view body, const ArticleContext& context) const {
  absl::StatusOr<NormalizedText> norm = normalizer_.Normalize(body);
  if (!norm.ok()) return norm.status();
  const std::string_view text = norm->text();

  const std::vector<entities::TextSpan> boilerplate = boilerplate_.Mark(text);
  const Segmentation seg = segmenter_.Segment(text);
  const std::vector<QuoteCandidate> candidates =
      FindQuotes(text, seg, boilerplate);

  const size_t n = candidates.size();
  // American style quotes speech in double marks; when an article mostly
  // does, its top-level single-quoted spans are headline titles and scare
  // quotes. British style quotes speech in single marks.
  size_t doubles = 0, singles = 0;
  for (const QuoteCandidate& q : candidates) {
    if (!q.closed || q.nested || IsWeakQuote(q)) continue;
    ++(q.mark == QuoteMark::kSingle ? singles : doubles);
  }
  const bool speech_in_doubles = doubles > 0 && doubles >= singles;
  std::vector<bool> weak(n), boundary(n);
  for (size_t i = 0; i < n; ++i) {
    weak[i] = IsWeakQuote(candidates[i]) ||
              (speech_in_doubles && candidates[i].mark == QuoteMark::kSingle);
    // Quotes nested in an unclosed span are titles inside the outer speech.
    boundary[i] = !weak[i] && !candidates[i].nested;
  }
  const std::vector<Attribution> attributions =
      attributor_.Attribute(text, seg, candidates, boundary);

  std::vector<bool> keep(n);
  std::vector<entities::TextSpan> quotations;
  size_t kept_open_end = 0;  // end of the last kept unclosed part
  for (size_t i = 0; i < n; ++i) {
    // A title next to a frame that only mentions someone later ("on “Fox
    // News Sunday,” nominee Mike Pence said") is still a title: weak spans
    // need a frame that opens right at the mark.
    // “They're nervous,” the MP said: a short quote ending in a comma
    // inside its marks, then a speech verb with a subject, is speech.
    const std::string_view inner = TrimSpaces(
        text.substr(candidates[i].inner.begin,
                    candidates[i].inner.end - candidates[i].inner.begin));
    // “Order! Order!” cried the Speaker; Ana shouted: “Stop!”. An
    // exclamation or question, even of one word, with a speech verb and its
    // subject touching it, is speech.
    const bool exclaimed = candidates[i].starts_upper &&
                           (inner.ends_with('!') || inner.ends_with('?'));
    const bool framed_speech =
        (attributions[i].rule.starts_with("post_name_verb") &&
         candidates[i].starts_upper && inner.ends_with(',')) ||
        ((attributions[i].rule.starts_with("post_") ||
          attributions[i].rule.starts_with("pre_name_verb")) &&
         exclaimed);
    const bool touching =
        attributions[i].adjacent_frame &&
        (!weak[i] || attributions[i].confidence >= 0.85 || framed_speech);
    keep[i] =
        KeepQuote(candidates[i], weak[i], touching,
                  attributions[i].framed_chain, exclaimed && framed_speech);
    // A title inside a kept multi-paragraph part is part of its text.
    if (candidates[i].nested && candidates[i].outer.begin < kept_open_end) {
      keep[i] = false;
    }
    if (keep[i] && !candidates[i].closed) {
      kept_open_end = candidates[i].outer.end;
    }
    if (keep[i]) quotations.push_back(candidates[i].inner);
  }

  entities::TextLayout layout;
  layout.sentences = seg.sentences;
  layout.boilerplate = boilerplate;
  layout.quotations = quotations;
  entities::EntityAnalysis analysis = recognizer_->Recognize(text, layout);
  MarkOutlet(text, seg.sentences, context.source, analysis);

  const std::vector<int> speakers =
      ResolveSpeakers(text, seg, candidates, attributions, keep, boilerplate,
                      context.source, *recognizer_, analysis);

  // A linked quote is only as certain as the quote it copies its speaker
  // from; below the threshold the speaker is left unknown rather than
  // guessed.
  std::vector<double> confidence(n, 0.0);
  for (size_t i = 0; i < n; ++i) confidence[i] = attributions[i].confidence;
  for (size_t i = 0; i < n; ++i) {
    const int link = attributions[i].link;
    if (link >= 0 && link < static_cast<int>(i)) {
      confidence[i] = std::min(confidence[i], confidence[link]);
    }
  }
  for (size_t i = n; i-- > 0;) {
    const int link = attributions[i].link;
    if (link > static_cast<int>(i) && link < static_cast<int>(n)) {
      confidence[i] = std::min(confidence[i], confidence[link]);
    }
  }

  ExtractionResult result;
  std::vector<int> out_index(n, -1);
  for (size_t i = 0; i < n; ++i) {
    if (!keep[i]) continue;
    const QuoteCandidate& q = candidates[i];
    const Attribution& a = attributions[i];
    QuoteAppearance app;
    app.span = {norm->ToOriginal(q.inner.begin), norm->ToOriginal(q.inner.end)};
    app.text =
        std::string(text.substr(q.inner.begin, q.inner.end - q.inner.begin));
    app.kind = a.fragment ? QuoteKind::kFragment : QuoteKind::kDirect;
    app.speaker = confidence[i] >= kMinSpeakerConfidence ? speakers[i] : -1;
    app.rule = a.kind == SubjectKind::kNone ? "none" : a.rule;
    app.cue = a.cue;
    app.confidence = app.speaker >= 0 ? confidence[i] : 0.0;
    if (a.kind == SubjectKind::kContinuation && a.link >= 0 &&
        out_index[a.link] >= 0) {
      app.continues = out_index[a.link];
    }
    out_index[i] = static_cast<int>(result.quotes.size());
    result.quotes.push_back(std::move(app));
  }
  result.entities = std::move(analysis.entities);
  result.mentions = std::move(analysis.mentions);
  std::sort(result.mentions.begin(), result.mentions.end(),
            [](const entities::Mention& a, const entities::Mention& b) {
              return a.span.begin < b.span.begin;
            });
  if (!norm->identity()) {
    for (entities::Mention& m : result.mentions) {
      m.span = {norm->ToOriginal(m.span.begin), norm->ToOriginal(m.span.end)};
    }
  }
  return result;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create() {
  auto normalizer = Normalizer::Create();
  if (!normalizer.ok()) return normalizer.status();
  auto boilerplate = BoilerplateMarker::Create();
  if (!boilerplate.ok()) return boilerplate.status();
  auto segmenter = Segmenter::Create();
  if (!segmenter.ok()) return segmenter.status();
  auto attributor = Attributor::Create();
  if (!attributor.ok()) return attributor.status();
  auto recognizer = entities::EntityRecognizer::Create();
  if (!recognizer.ok()) return recognizer.status();
  return std::unique_ptr<Extractor>(new ExtractorImpl(
      *std::move(normalizer), *std::move(boilerplate), *std::move(segmenter),
      *std::move(attributor), *std::move(recognizer)));
}

}  // namespace verbatim::extraction
