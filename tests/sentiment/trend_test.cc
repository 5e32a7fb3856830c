#include <gtest/gtest.h>

#include <vector>

#include "sentiment/vader.h"

namespace conduct {
namespace {

TEST(SentimentTrend, EmptyIsZero) {
  const SentimentTrend trend = summarize({});
  EXPECT_EQ(trend.count, 0u);
  EXPECT_EQ(trend.mean, 0.0);
  EXPECT_EQ(trend.start, 0.0);
  EXPECT_EQ(trend.end, 0.0);
}

TEST(SentimentTrend, ThirdsRoundUp) {
  const std::vector<double> one = {0.5};
  EXPECT_EQ(summarize(one).start, 0.5);
  EXPECT_EQ(summarize(one).end, 0.5);
  const std::vector<double> two = {1, -1};
  EXPECT_EQ(summarize(two).start, 1.0);
  EXPECT_EQ(summarize(two).end, -1.0);
  EXPECT_EQ(summarize(two).mean, 0.0);
  const std::vector<double> four = {1, 2, 3, 4};  // thirds of 2
  EXPECT_EQ(summarize(four).start, 1.5);
  EXPECT_EQ(summarize(four).end, 3.5);
  const std::vector<double> six = {-0.5, -0.25, 0, 0, 0.25, 1};
  const SentimentTrend trend = summarize(six);
  EXPECT_EQ(trend.count, 6u);
  EXPECT_EQ(trend.start, -0.375);
  EXPECT_EQ(trend.end, 0.625);
  EXPECT_EQ(trend.mean, 0.5 / 6);
}

}  // namespace
}  // namespace conduct
