#include "sentiment/vader.h"

namespace conduct {
namespace {

double mean_of(std::span<const double> values) {
  double sum = 0;
  for (const double value : values) sum += value;
  return values.empty() ? 0.0 : sum / static_cast<double>(values.size());
}

}  // namespace

SentimentTrend summarize(std::span<const double> compounds_in_order) {
  SentimentTrend trend;
  trend.count = compounds_in_order.size();
  if (trend.count == 0) return trend;
  const std::size_t third = (trend.count + 2) / 3;
  trend.mean = mean_of(compounds_in_order);
  trend.start = mean_of(compounds_in_order.first(third));
  trend.end = mean_of(compounds_in_order.last(third));
  return trend;
}

}  // namespace conduct
