#include "classify/evaluation.h"

#include <algorithm>
#include <iomanip>
#include <set>
#include <sstream>

namespace conduct {
namespace {

bool has_prefix(const std::string& s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}

std::set<std::string> categories_of(const std::vector<FoundCategory>& found,
                                    std::string_view prefix) {
  std::set<std::string> out;
  for (const auto& f : found) {
    for (const auto& source : f.sources) {
      if (prefix.empty() || has_prefix(source, prefix)) out.insert(f.category);
    }
  }
  return out;
}

struct Averages {
  PrfCounts micro;
  double macro_precision = 0, macro_recall = 0, macro_f1 = 0;
};

Averages averages(const std::map<std::string, PrfCounts>& counts) {
  Averages a;
  for (const auto& [category, c] : counts) {
    a.micro += c;
    a.macro_precision += c.precision();
    a.macro_recall += c.recall();
    a.macro_f1 += c.f1();
  }
  if (!counts.empty()) {
    const double n = static_cast<double>(counts.size());
    a.macro_precision /= n;
    a.macro_recall /= n;
    a.macro_f1 /= n;
  }
  return a;
}

nlohmann::ordered_json prf_json(const PrfCounts& c) {
  return {{"precision", c.precision()},
          {"recall", c.recall()},
          {"f1", c.f1()},
          {"tp", c.tp},
          {"fp", c.fp},
          {"fn", c.fn}};
}

nlohmann::ordered_json example_json(const EvalExample& e) {
  return {{"id", e.id},
          {"category", e.category},
          {"confidence", e.confidence},
          {"text", e.text},
          {"sources", e.sources}};
}

}  // namespace

void Evaluation::add(const std::string& id, const std::string& text,
                     const std::vector<std::string>& labels,
                     const std::vector<FoundCategory>& found,
                     const std::map<std::string, double>& model_probability) {
  ++records_;
  const std::set<std::string> truth(labels.begin(), labels.end());
  for (const auto& label : truth) ++support_[label];
  const std::pair<const char*, std::string_view> views[] = {
      {"all", ""}, {"rules", "rule:"}, {"model", "model:"}};
  for (const auto& [view, prefix] : views) {
    auto& counts = views_[view];
    const std::set<std::string> predicted = categories_of(found, prefix);
    for (const auto& c : predicted) (truth.count(c) ? counts[c].tp : counts[c].fp) += 1;
    for (const auto& c : truth) {
      if (!predicted.count(c)) counts[c].fn += 1;
    }
  }
  // Per rule: did it fire on this record, and was its category labelled?
  std::set<std::string> fired;
  for (const auto& f : found) {
    for (const auto& source : f.sources) {
      if (!has_prefix(source, "rule:") || !fired.insert(source).second) continue;
      rule_category_[source] = f.category;
      (truth.count(f.category) ? rule_hits_[source].tp : rule_hits_[source].fp) += 1;
    }
  }
  // Mistakes of the combined view, one per record and category.
  std::map<std::string, const FoundCategory*> best;
  for (const auto& f : found) {
    auto& slot = best[f.category];
    if (!slot || f.confidence > slot->confidence) slot = &f;
  }
  for (const auto& [category, f] : best) {
    if (truth.count(category)) continue;
    false_positives_.push_back({id, category, f->confidence, f->evidence, f->sources});
  }
  for (const auto& category : truth) {
    if (best.count(category)) continue;
    const auto p = model_probability.find(category);
    misses_.push_back({id, category, p == model_probability.end() ? 0.0 : p->second, text, {}});
  }
}

const std::map<std::string, PrfCounts>& Evaluation::counts(const std::string& view) const {
  static const std::map<std::string, PrfCounts> kEmpty;
  const auto it = views_.find(view);
  return it == views_.end() ? kEmpty : it->second;
}

std::map<std::string, PrfCounts> Evaluation::rule_counts() const {
  std::map<std::string, PrfCounts> out;
  for (const auto& [rule, hits] : rule_hits_) {
    PrfCounts c = hits;
    const auto support = support_.find(rule_category_.at(rule));
    const std::size_t labelled = support == support_.end() ? 0 : support->second;
    c.fn = labelled > c.tp ? labelled - c.tp : 0;
    out[rule] = c;
  }
  return out;
}

std::vector<EvalExample> Evaluation::worst_false_positives(std::size_t k) const {
  std::vector<EvalExample> out = false_positives_;
  std::stable_sort(out.begin(), out.end(), [](const EvalExample& a, const EvalExample& b) {
    return a.confidence > b.confidence;
  });
  if (out.size() > k) out.resize(k);
  return out;
}

std::vector<EvalExample> Evaluation::worst_misses(std::size_t k) const {
  std::vector<EvalExample> out = misses_;
  std::stable_sort(out.begin(), out.end(), [](const EvalExample& a, const EvalExample& b) {
    return a.confidence < b.confidence;
  });
  if (out.size() > k) out.resize(k);
  return out;
}

nlohmann::ordered_json Evaluation::to_json(std::size_t k) const {
  nlohmann::ordered_json out;
  out["records"] = records_;
  for (const char* view : kViews) {
    auto& v = out["categories"][view];
    v = nlohmann::ordered_json::object();
    for (const auto& [category, c] : counts(view)) v[category] = prf_json(c);
    const Averages a = averages(counts(view));
    out["averages"][view] = {
        {"micro", prf_json(a.micro)},
        {"macro",
         {{"precision", a.macro_precision}, {"recall", a.macro_recall}, {"f1", a.macro_f1}}}};
  }
  auto& rules = out["rules"] = nlohmann::ordered_json::object();
  for (const auto& [rule, c] : rule_counts()) {
    auto r = prf_json(c);
    r["category"] = rule_category_.at(rule);
    rules[rule] = r;
  }
  auto& fps = out["worst_false_positives"] = nlohmann::ordered_json::array();
  for (const auto& e : worst_false_positives(k)) fps.push_back(example_json(e));
  auto& misses = out["worst_misses"] = nlohmann::ordered_json::array();
  for (const auto& e : worst_misses(k)) misses.push_back(example_json(e));
  return out;
}

std::string Evaluation::to_text(std::size_t k) const {
  std::ostringstream out;
  out << std::fixed << std::setprecision(3);
  out << records_ << " records\n";
  auto row = [&out](const std::string& name, const PrfCounts& c) {
    out << "  " << std::left << std::setw(44) << name << std::right << std::setw(7) << c.precision()
        << std::setw(7) << c.recall() << std::setw(7) << c.f1() << std::setw(6) << c.tp
        << std::setw(6) << c.fp << std::setw(6) << c.fn << "\n";
  };
  for (const char* view : kViews) {
    out << "\n"
        << view << ": category" << std::string(34 - std::string(view).size(), ' ')
        << "  prec    rec     f1    tp    fp    fn\n";
    for (const auto& [category, c] : counts(view)) row(category, c);
    const Averages a = averages(counts(view));
    row("micro average", a.micro);
    out << "  " << std::left << std::setw(44) << "macro average" << std::right << std::setw(7)
        << a.macro_precision << std::setw(7) << a.macro_recall << std::setw(7) << a.macro_f1
        << "\n";
  }
  out << "\nper rule" << std::string(36, ' ') << "  prec    rec     f1    tp    fp    fn\n";
  for (const auto& [rule, c] : rule_counts()) row(rule, c);
  auto quote = [&out](const EvalExample& e) {
    std::string text = e.text.size() > 160 ? e.text.substr(0, 157) + "..." : e.text;
    std::replace(text.begin(), text.end(), '\n', ' ');
    out << "  " << e.id << " " << e.category << " (" << e.confidence << "): \"" << text << "\"";
    for (const auto& s : e.sources) out << " " << s;
    out << "\n";
  };
  out << "\nworst false positives (most confident first)\n";
  for (const auto& e : worst_false_positives(k)) quote(e);
  out << "\nworst misses (lowest model probability first)\n";
  for (const auto& e : worst_misses(k)) quote(e);
  return out.str();
}

}  // namespace conduct
