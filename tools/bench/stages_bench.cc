// Each stage of `conduct analyze` timed alone, single-threaded, over the
// documents of one corpus folder (as tools/bench/run builds it), so that the
// slowest stage is visible beside the whole pipeline:
//   read            the folder's files and JSON Lines records into documents
//                   (RecordReader + read_record: format parsing, roles)
//   normalize       segment_document: normalization and sentence splitting
//   sentiment       VADER (with the domain overlay) on every sentence
//   sentiment_model the sentiment model's reading of every sentence
//   match           the lexicon rules, attribution and rule findings
//   match_cold      the same on freshly loaded rules (RE2's DFAs unbuilt)
//   classify        the conduct model's findings (ModelFindings)
//   write           the result record of every document, as JSON text
//   analyze         Analyzer::analyze whole: normalize to classify, plus the
//                   evidence, required lines, recap, policy and call metrics
// Each stage reads the output of the stages before it, prepared once and
// untimed (manual time: only the stage's own calls are on the clock). The
// clock is the thread's CPU time, not the wall clock: on a machine shared
// with other work a stage then costs what it costs, whatever share of a core
// it got. One repetition is one pass over the corpus; the counters give its
// text bytes, documents and sentences, so that MB/s compares with the
// end-to-end figure.
//
//   build/tools/bench/stages_bench --corpus=DIR [--benchmark_repetitions=5]
//                                  [--benchmark_format=json]
#include <benchmark/benchmark.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "classify/extras.h"
#include "classify/model_findings.h"
#include "lexicon/rule_findings.h"
#include "pipeline/analyzer.h"
#include "read/inputs.h"
#include "report/json_report.h"

namespace {

// The calling thread's CPU time, as a std::chrono clock.
struct ThreadCpuClock {
  using duration = std::chrono::nanoseconds;
  using rep = duration::rep;
  using period = duration::period;
  using time_point = std::chrono::time_point<ThreadCpuClock>;
  static constexpr bool is_steady = true;
  static time_point now() {
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return time_point(std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec));
  }
};
using Clock = ThreadCpuClock;

// Where the conduct model reads a sentence with the one before it: as
// narrated() in pipeline/analyzer.cc decides.
bool narrated(const conduct::Turn& turn) {
  return turn.reg == conduct::Register::report || turn.role == conduct::Role::customer;
}

// A document's rule-stage output, as the classify stage reads it.
struct RuleStageOutput {
  std::vector<std::vector<conduct::CategoryHit>> hits;  // per sentence
  std::vector<std::vector<conduct::Finding>> findings;  // per sentence, in order
  std::vector<conduct::Finding> follow_ups;             // added by finish()
};

// The corpus and every stage's input, prepared once.
class Corpus {
 public:
  Corpus(const conduct::Analyzer& analyzer, std::string folder) : analyzer_(analyzer) {
    inputs_ = conduct::expand_inputs({std::move(folder)});
    conduct::RecordReader reader(inputs_, read_options_);
    conduct::InputRecord record;
    while (reader.next(record)) {
      auto document = conduct::read_record(record, read_options_);
      if (!document) continue;  // the corpus has none; a bad file is not a stage's cost
      for (const auto& turn : document.value().turns) text_bytes_ += turn.text.size();
      sources_.push_back(record.source);
      documents_.push_back(std::move(document).value());
    }
    for (const auto& document : documents_) {
      conduct::Analysis segmented = conduct::segment_document(document);
      sentences_ += segmented.sentences.size();
      analysed_.push_back(analyzer_.analyze(document));
      const auto& sentiment = analysed_.back().sentence_sentiment;
      rule_outputs_.push_back(rule_stage(resources(), segmented, nullptr));
      segmented.sentence_sentiment = sentiment;
      segmented_.push_back(std::move(segmented));
    }
  }

  bool empty() const { return documents_.empty(); }
  const conduct::Analyzer& analyzer() const { return analyzer_; }
  const conduct::Resources& resources() const { return analyzer_.resources(); }

  // The match stage of one document: what Analyzer::analyze does per sentence
  // before the model, and finish().
  static RuleStageOutput rule_stage(const conduct::Resources& r, const conduct::Analysis& analysis,
                                    RuleStageOutput* reuse) {
    RuleStageOutput out = reuse ? std::move(*reuse) : RuleStageOutput{};
    out.hits.resize(analysis.sentences.size());
    out.findings.resize(analysis.sentences.size());
    conduct::RuleFindings rule_findings(*r.lexicon, analysis.document);
    std::vector<conduct::RuleHit> hits;
    std::vector<conduct::Finding> findings;
    const std::span<const conduct::Sentence> sentences = analysis.sentences;
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      const conduct::Turn& turn = analysis.document.turns[sentences[s].turn];
      hits.clear();
      r.lexicon->match(sentences[s].normalized_text, {turn.reg, turn.role}, hits, true);
      r.attributor->mark_customers_words(sentences[s].normalized_text, {turn.reg, turn.role},
                                         r.lexicon->categories(), hits);
      const std::size_t before = findings.size();
      rule_findings.add_sentence(sentences, s, turn.speaker, hits, findings, out.hits[s], nullptr);
      out.findings[s].assign(findings.begin() + static_cast<std::ptrdiff_t>(before),
                             findings.end());
    }
    const std::size_t before = findings.size();
    rule_findings.finish(sentences, findings, nullptr);
    out.follow_ups.assign(findings.begin() + static_cast<std::ptrdiff_t>(before), findings.end());
    return out;
  }

  std::size_t text_bytes_ = 0;
  std::size_t sentences_ = 0;
  std::vector<conduct::InputPath> inputs_;
  conduct::ReadOptions read_options_;
  std::vector<conduct::Document> documents_;
  std::vector<conduct::SourceInfo> sources_;
  std::vector<conduct::Analysis> segmented_;  // with VADER's scores filled in
  std::vector<conduct::Analysis> analysed_;
  std::vector<RuleStageOutput> rule_outputs_;

 private:
  const conduct::Analyzer& analyzer_;
};

// Runs `pass` once per iteration; `pass` returns the seconds it spent in
// the stage itself (inputs it copies first are off the clock).
template <typename Pass>
void run_stage(benchmark::State& state, const Corpus& corpus, Pass pass) {
  std::size_t checksum = 0;
  for (auto _ : state) state.SetIterationTime(pass(checksum));
  benchmark::DoNotOptimize(checksum);
  state.counters["text_bytes"] = static_cast<double>(corpus.text_bytes_);
  state.counters["documents"] = static_cast<double>(corpus.documents_.size());
  state.counters["sentences"] = static_cast<double>(corpus.sentences_);
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// One pass of the match stage over the corpus with `resources`: seconds.
double match_pass(const conduct::Resources& resources, const Corpus& corpus,
                  std::size_t& checksum) {
  RuleStageOutput reused;
  const auto start = Clock::now();
  for (const auto& analysis : corpus.segmented_) {
    reused = Corpus::rule_stage(resources, analysis, &reused);
    checksum += reused.follow_ups.size();
  }
  return seconds_since(start);
}

// One pass of `step` over copies of the corpus's documents, made off the
// clock (a stage that takes its document by value consumes it): seconds.
template <typename Step>
double over_document_copies(const Corpus& corpus, Step step) {
  std::vector<conduct::Document> copies = corpus.documents_;
  const auto start = Clock::now();
  for (auto& document : copies) step(std::move(document));
  return seconds_since(start);
}

void register_stages(const Corpus& corpus) {
  const auto add = [](const char* name, auto function) {
    benchmark::RegisterBenchmark(name, function)
        ->UseManualTime()
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
  };
  add("read", [&corpus](benchmark::State& state) {
    run_stage(state, corpus, [&corpus](std::size_t& checksum) {
      const auto start = Clock::now();
      conduct::RecordReader reader(corpus.inputs_, corpus.read_options_);
      conduct::InputRecord record;
      while (reader.next(record)) {
        auto document = conduct::read_record(record, corpus.read_options_);
        if (document) checksum += document.value().turns.size();
      }
      return seconds_since(start);
    });
  });
  add("normalize", [&corpus](benchmark::State& state) {
    run_stage(state, corpus, [&corpus](std::size_t& checksum) {
      return over_document_copies(corpus, [&checksum](conduct::Document document) {
        checksum += conduct::segment_document(std::move(document)).sentences.size();
      });
    });
  });
  add("sentiment", [&corpus](benchmark::State& state) {
    run_stage(state, corpus, [&corpus](std::size_t& checksum) {
      const conduct::SentimentScorer& scorer = *corpus.resources().sentiment;
      conduct::SentimentScratch scratch;
      double sum = 0;
      const auto start = Clock::now();
      for (const auto& analysis : corpus.segmented_) {
        for (const auto& sentence : analysis.sentences) {
          sum += scorer.score(sentence.text, scratch).compound;
        }
      }
      checksum += sum > 0;
      return seconds_since(start);
    });
  });
  add("sentiment_model", [&corpus](benchmark::State& state) {
    run_stage(state, corpus, [&corpus](std::size_t& checksum) {
      const conduct::Model* model = corpus.resources().sentiment_model.get();
      if (model == nullptr) return 0.0;
      conduct::FeatureVector scratch;
      std::vector<float> probabilities;
      std::vector<std::string_view> views;
      const auto start = Clock::now();
      for (const auto& analysis : corpus.segmented_) {
        for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
          const auto extras = conduct::sentence_extras(model->features(), {},
                                                       analysis.sentence_sentiment[s].compound);
          views.assign(extras.begin(), extras.end());
          model->predict(analysis.sentences[s].normalized_text, views, scratch, probabilities);
          checksum += probabilities.size();
        }
      }
      return seconds_since(start);
    });
  });
  add("match", [&corpus](benchmark::State& state) {
    run_stage(state, corpus, [&corpus](std::size_t& checksum) {
      return match_pass(corpus.resources(), corpus, checksum);
    });
  });
  // The same on resources loaded afresh for each pass: RE2 builds its DFAs
  // lazily, so the first pass of a process, as every `conduct analyze` run
  // makes, pays for building them; the warm "match" above does not.
  add("match_cold", [&corpus](benchmark::State& state) {
    run_stage(state, corpus, [&corpus](std::size_t& checksum) {
      auto fresh = conduct::Resources::load({});
      return fresh ? match_pass(fresh.value(), corpus, checksum) : 0.0;
    });
  });
  add("classify", [&corpus](benchmark::State& state) {
    run_stage(state, corpus, [&corpus](std::size_t& checksum) {
      const auto& r = corpus.resources();
      if (!r.model) return 0.0;
      std::vector<conduct::Finding> findings;
      const auto start = Clock::now();
      for (std::size_t d = 0; d < corpus.segmented_.size(); ++d) {
        const conduct::Analysis& analysis = corpus.segmented_[d];
        const RuleStageOutput& rules = corpus.rule_outputs_[d];
        const std::span<const conduct::Sentence> sentences = analysis.sentences;
        conduct::ModelFindings model_findings(r.model_findings, *r.sentiment, *r.attributor);
        findings.clear();
        for (std::size_t s = 0; s < sentences.size(); ++s) {
          const conduct::Turn& turn = analysis.document.turns[sentences[s].turn];
          // The rule findings of the sentence come first, as in the pipeline.
          findings.insert(findings.end(), rules.findings[s].begin(), rules.findings[s].end());
          model_findings.add_sentence(sentences, s, turn.speaker,
                                      analysis.sentence_sentiment[s].compound, narrated(turn),
                                      {turn.reg, turn.role}, rules.hits[s], findings, nullptr);
        }
        checksum += findings.size();
      }
      return seconds_since(start);
    });
  });
  add("write", [&corpus](benchmark::State& state) {
    run_stage(state, corpus, [&corpus](std::size_t& checksum) {
      const conduct::ReportOptions report{false};
      const auto start = Clock::now();
      for (std::size_t d = 0; d < corpus.analysed_.size(); ++d) {
        checksum += conduct::result_record(corpus.analysed_[d], corpus.sources_[d],
                                           corpus.resources(), report)
                        .dump()
                        .size();
      }
      return seconds_since(start);
    });
  });
  add("analyze", [&corpus](benchmark::State& state) {
    run_stage(state, corpus, [&corpus](std::size_t& checksum) {
      return over_document_copies(corpus, [&corpus, &checksum](conduct::Document document) {
        checksum += corpus.analyzer().analyze(std::move(document)).findings.size();
      });
    });
  });
}

}  // namespace

int main(int argc, char** argv) {
  std::string folder;
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--corpus=", 9) == 0) {
      folder = argv[i] + 9;
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (folder.empty()) {
    std::fprintf(stderr,
                 "usage: stages_bench --corpus=DIR [benchmark flags]\n"
                 "  DIR: transcripts and JSON Lines files, as tools/bench/run builds them\n");
    return 2;
  }
  auto analyzer = conduct::Analyzer::load({});
  if (!analyzer) {
    std::fprintf(stderr, "stages_bench: %s\n", analyzer.error().where_message().c_str());
    return 2;
  }
  const Corpus corpus(analyzer.value(), folder);
  if (corpus.empty()) {
    std::fprintf(stderr, "stages_bench: no readable document under %s\n", folder.c_str());
    return 2;
  }
  std::fprintf(stderr, "stages_bench: %zu documents, %zu sentences, %.2f MB of text\n",
               corpus.documents_.size(), corpus.sentences_,
               static_cast<double>(corpus.text_bytes_) / 1e6);
  register_stages(corpus);
  int rest_count = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_count, rest.data());
  if (benchmark::ReportUnrecognizedArguments(rest_count, rest.data())) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
