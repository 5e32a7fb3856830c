// Limited-memory BFGS for smooth convex objectives (the regularized logistic
// loss of the trainer). Deterministic: no randomness, a fixed order of
// floating-point operations.
#pragma once

#include <Eigen/Dense>
#include <functional>

namespace conduct {

struct LbfgsOptions {
  int max_iterations = 300;
  int history = 10;
  double gradient_tolerance = 1e-6;  // stop when ||g||_inf falls below
};

/// Returns f(x) and writes its gradient to g.
using Objective = std::function<double(const Eigen::VectorXd& x, Eigen::VectorXd& g)>;
/// Called after each accepted step (1-based iteration); return false to stop.
using IterationCallback = std::function<bool(int iteration, const Eigen::VectorXd& x)>;

/// Minimizes `f` from `x` (updated in place) with an Armijo backtracking line
/// search. Returns the number of iterations run. Cost: per iteration one or a
/// few objective evaluations plus O(history x size) vector work. Stops early
/// when the gradient is small, when no decrease can be found, or when the
/// callback says so.
int minimize_lbfgs(const Objective& f, Eigen::VectorXd& x, const LbfgsOptions& options,
                   const IterationCallback& callback);

}  // namespace conduct
