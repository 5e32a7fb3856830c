#include "pipeline/resources.h"

#include <cstdlib>
#include <future>
#include <optional>
#include <system_error>
#include <type_traits>

#include "core/background.h"

namespace conduct {
namespace {

std::filesystem::path or_default(const std::filesystem::path& given, std::string_view relative) {
  if (!given.empty()) return given;
  const std::filesystem::path home = data_dir();
  // With no data folder found, the error names the file looked for.
  return home.empty() ? std::filesystem::path(relative) : home / relative;
}

}  // namespace

std::filesystem::path data_dir() {
  if (const char* home = std::getenv("CONDUCT_HOME"); home != nullptr && *home != '\0') {
    return home;
  }
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  for (std::filesystem::path dir = exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    const std::filesystem::path candidate = dir / "share" / "conduct";
    if (std::filesystem::is_directory(candidate / "lexicons", ec)) return candidate;
    if (dir == dir.root_path()) break;
  }
  return {};
}

std::filesystem::path default_cache_folder() {
  if (const char* own = std::getenv("CONDUCT_CACHE_DIR"); own != nullptr) {
    return std::filesystem::path(own);
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
    return std::filesystem::path(xdg) / "conduct";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
    return std::filesystem::path(home) / ".cache" / "conduct";
  }
  return {};
}

Result<Policy> load_policy(const ResourcePaths& paths) {
  // The shipped policy, then the one a lexicon folder carries (--lexicons
  // DIR with DIR/policy.toml), then --policy: each read over the one before,
  // so a user's file names only what it changes.
  auto policy = Policy::load(or_default({}, "lexicons/policy.toml"));
  if (!policy) return policy.error();
  std::error_code ec;
  const std::filesystem::path beside = paths.lexicons / "policy.toml";
  if (!paths.lexicons.empty() && std::filesystem::is_regular_file(beside, ec) &&
      !std::filesystem::equivalent(beside, or_default({}, "lexicons/policy.toml"), ec)) {
    const Policy base = std::move(policy).value();
    policy = Policy::load(beside, &base);
    if (!policy) return policy.error();
  }
  if (!paths.policy.empty()) {
    const Policy base = std::move(policy).value();
    policy = Policy::load(paths.policy, &base);
    if (!policy) return policy.error();
  }
  return policy;
}

Result<Resources> Resources::load(const ResourcePaths& paths) {
  Resources resources;
  // The policy first: it names the categories (built-ins and the user's own)
  // that rules and model labels may use.
  auto policy = load_policy(paths);
  if (!policy) return policy.error();
  // The models are read while the lexicon loads; their errors are still
  // reported after the lexicon's, as when they were read one by one.
  const auto model_path = or_default(paths.model, "models/conduct.model");
  std::optional<std::future<Result<Model>>> loading_model;
  if (paths.use_model) loading_model = run_in_background([&] { return Model::load(model_path); });
  const auto sentiment_model_path = or_default(paths.sentiment_model, "models/sentiment.model");
  std::optional<std::future<Result<Model>>> loading_sentiment_model;
  if (paths.use_sentiment_model &&
      (!paths.sentiment_model.empty() || std::filesystem::exists(sentiment_model_path))) {
    loading_sentiment_model = run_in_background([&] { return Model::load(sentiment_model_path); });
  }
  auto lexicon = Lexicon::load(or_default(paths.lexicons, "lexicons"), policy.value().names,
                               paths.cache_folder);
  if (!lexicon) return lexicon.error();
  resources.lexicon_version = lexicon.value().version();
  resources.lexicon = std::make_shared<const Lexicon>(std::move(lexicon).value());
  // The recap, stated-points and attribution words come from the same
  // lists.toml; an error in them names that file.
  const auto lists_file = (or_default(paths.lexicons, "lexicons") / "lists.toml").string();
  const auto from_lists = [&](auto& target) -> std::optional<Error> {
    using Reader = typename std::remove_cvref_t<decltype(target)>::element_type;
    auto reader = Reader::from_lists(resources.lexicon->shared_lists());
    if (!reader) {
      Error error = reader.error();
      error.file = lists_file;
      return error;
    }
    target = std::make_shared<const Reader>(std::move(reader).value());
    return std::nullopt;
  };
  if (auto error = from_lists(resources.recap)) return *error;
  if (auto error = from_lists(resources.stated)) return *error;
  if (auto error = from_lists(resources.attributor)) return *error;
  auto required_lines = RequiredLineChecker::compile(policy.value().required);
  if (!required_lines) return required_lines.error();
  resources.required_lines =
      std::make_shared<const RequiredLineChecker>(std::move(required_lines).value());

  auto sentiment_lexicon =
      SentimentLexicon::load(or_default(paths.sentiment_lexicon, "lexicons/vader_lexicon.txt"));
  if (!sentiment_lexicon) return sentiment_lexicon.error();
  if (paths.sentiment_overlay) {
    if (auto error = sentiment_lexicon.value().apply_overlay(
            or_default({}, "lexicons/sentiment_overlay.txt"))) {
      return *error;
    }
  }
  resources.sentiment =
      std::make_shared<const SentimentScorer>(std::move(sentiment_lexicon).value());

  resources.model_version = "none";
  if (loading_model) {
    auto model = loading_model->get();
    if (!model) return model.error();
    const std::string& trained_with = model.value().header().lexicon_version;
    if (paths.lexicons.empty() && !trained_with.empty() &&
        trained_with != resources.lexicon_version) {
      // The lexicons' hits are features of the model: after an edit of the
      // shipped lexicons, the shipped model reads features that changed.
      // With --lexicons DIR the choice is the user's.
      return Error{ErrorCode::model_mismatch,
                   "the model was trained with lexicons " + trained_with +
                       ", the lexicons here are " + resources.lexicon_version +
                       ": retrain it (tools/train-shipped-model for the shipped one), or name "
                       "the lexicons with --lexicons",
                   model_path.string(), 0};
    }
    resources.model_version = model.value().version();
    resources.model = std::make_shared<const Model>(std::move(model).value());
    resources.model_findings =
        ModelFindingPolicy::make(*resources.model, paths.model_findings, policy.value().names);
  }

  // The sentiment model: the one named, or the shipped one when it is there
  // (an install without it reads VADER alone).
  resources.sentiment_model_version = "none";
  if (loading_sentiment_model) {
    auto model = loading_sentiment_model->get();
    if (!model) return model.error();
    const std::vector<std::string> expected = {"negative", "neutral", "positive"};
    if (model.value().labels() != expected || model.value().features().lexicon) {
      return Error{ErrorCode::model_mismatch,
                   "not a sentiment model: its labels must be negative, neutral and positive, "
                   "and it may not read lexicon hits (tools/train-sentiment-model makes one)",
                   sentiment_model_path.string(), 0};
    }
    resources.sentiment_model_version = model.value().version();
    resources.sentiment_model = std::make_shared<const Model>(std::move(model).value());
  }

  resources.policy_version = policy.value().version;
  resources.policy = std::make_shared<const Policy>(std::move(policy).value());
  return resources;
}

}  // namespace conduct
