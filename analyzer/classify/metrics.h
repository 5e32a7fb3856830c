// Precision, recall and F1 from counts: shared by training (held-out
// metrics, threshold choice) and `conduct eval`.
#pragma once

#include <cstddef>

namespace conduct {

/// True positives, false positives and false negatives of one label.
struct PrfCounts {
  std::size_t tp = 0;
  std::size_t fp = 0;
  std::size_t fn = 0;

  /// tp / (tp + fp); 0 when nothing was predicted.
  double precision() const { return tp + fp == 0 ? 0.0 : double(tp) / double(tp + fp); }
  /// tp / (tp + fn); 0 when there was nothing to find.
  double recall() const { return tp + fn == 0 ? 0.0 : double(tp) / double(tp + fn); }
  /// Harmonic mean of precision and recall; 0 when both are 0.
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
  }
  PrfCounts& operator+=(const PrfCounts& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    return *this;
  }
};

}  // namespace conduct
