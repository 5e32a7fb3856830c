#include "classify/lbfgs.h"

#include <deque>

namespace conduct {

int minimize_lbfgs(const Objective& f, Eigen::VectorXd& x, const LbfgsOptions& options,
                   const IterationCallback& callback) {
  Eigen::VectorXd g(x.size()), g_new(x.size()), x_new(x.size()), d(x.size());
  double fx = f(x, g);
  std::deque<Eigen::VectorXd> s_history, y_history;
  std::deque<double> rho_history;
  std::vector<double> alpha(static_cast<std::size_t>(options.history));
  int iteration = 0;
  while (iteration < options.max_iterations) {
    if (g.lpNorm<Eigen::Infinity>() < options.gradient_tolerance) break;
    // Two-loop recursion: d = -H g.
    d = -g;
    const int m = static_cast<int>(s_history.size());
    for (int i = m - 1; i >= 0; --i) {
      alpha[static_cast<std::size_t>(i)] = rho_history[i] * s_history[i].dot(d);
      d -= alpha[static_cast<std::size_t>(i)] * y_history[i];
    }
    if (m > 0) {
      d *= s_history.back().dot(y_history.back()) / y_history.back().squaredNorm();
    } else {
      d /= std::max(1.0, g.norm());  // a cautious first step
    }
    for (int i = 0; i < m; ++i) {
      const double beta = rho_history[i] * y_history[i].dot(d);
      d += s_history[i] * (alpha[static_cast<std::size_t>(i)] - beta);
    }
    double slope = g.dot(d);
    if (slope >= 0) {  // not a descent direction: restart from the gradient
      s_history.clear();
      y_history.clear();
      rho_history.clear();
      d = -g / std::max(1.0, g.norm());
      slope = g.dot(d);
    }
    double step = 1.0, f_new = 0.0;
    bool accepted = false;
    for (int halving = 0; halving < 40; ++halving) {
      x_new = x + step * d;
      f_new = f(x_new, g_new);
      if (f_new <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    ++iteration;
    Eigen::VectorXd s = x_new - x;
    Eigen::VectorXd y = g_new - g;
    const double sy = s.dot(y);
    if (sy > 1e-12) {
      if (static_cast<int>(s_history.size()) == options.history) {
        s_history.pop_front();
        y_history.pop_front();
        rho_history.pop_front();
      }
      s_history.push_back(std::move(s));
      y_history.push_back(std::move(y));
      rho_history.push_back(1.0 / sy);
    }
    x.swap(x_new);
    g.swap(g_new);
    fx = f_new;
    if (callback && !callback(iteration, x)) break;
  }
  return iteration;
}

}  // namespace conduct
