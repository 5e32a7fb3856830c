// The analyzer: one object that turns a document into its findings, points
// and sentiment, and (on request) records why. `analyze`, `explain`, `eval`
// and the ledger all go through it; there is no second pipeline.
#pragma once

#include <memory>

#include "core/document.h"
#include "core/error.h"
#include "core/trace.h"
#include "pipeline/analysis.h"
#include "pipeline/resources.h"

namespace conduct {

/// Immutable after load; analyze() is const and safe to call from many
/// threads at once (the resources are shared read-only). Copies are cheap
/// and share the resources.
class Analyzer {
 public:
  /// Loads lexicons, sentiment lexicon, model and policy (see
  /// Resources::load). Failure: the first configuration error with its file
  /// and line.
  static Result<Analyzer> load(const ResourcePaths& paths);
  /// Wraps resources already loaded.
  explicit Analyzer(std::shared_ptr<const Resources> resources);

  /// The full analysis of one document: per sentence, in reading order, its
  /// VADER sentiment, the lexicon's rule hits grouped into findings
  /// (lexicon/rule_findings.h), then the model's findings
  /// (classify/model_findings.h); follow-up rules once confirmed; evidence
  /// quoted from the original; recap marks, stated points and the suggested
  /// adjustments under the policy; the call metrics when every turn has a
  /// time (score/call_metrics.h, from each turn's mean compound). Which
  /// rules apply is decided by each turn's register and role, as the reader
  /// set them. With `trace`, every decision is recorded there too (rule
  /// hits, guards, follow-ups, model scores with their top features, the
  /// policy behind each adjustment); the findings are the same with or
  /// without it. Cost: linear in the document's length; a trace adds the
  /// model's feature explanations.
  Analysis analyze(Document document, Trace* trace = nullptr) const;

  const Resources& resources() const { return *resources_; }

 private:
  std::shared_ptr<const Resources> resources_;
};

}  // namespace conduct
