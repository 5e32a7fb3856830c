#include "score/policy.h"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/config_file.h"
#include "core/sha256.h"
#include "lexicon/phrase.h"

namespace conduct {
namespace {

std::size_t line_of(const toml::node& node) {
  return node.source().begin.line;
}

Error policy_error(const std::string& file, std::size_t line, std::string message) {
  return Error{ErrorCode::invalid_policy, std::move(message), file, line};
}

std::string category_list() {
  std::string out;
  for (Category category : kAllCategories) {
    if (!out.empty()) out += ", ";
    out += to_string(category);
  }
  return out;
}

// Reads one [categories.<name>] table into `out`; nullopt on success.
std::optional<Error> read_category(const toml::table& table, std::string_view name,
                                   const std::string& file, bool has_base,
                                   const CategoryTable& names, CategoryPolicy& out) {
  // Over a base policy, a category's table changes only the keys it names.
  bool has_points = has_base;
  for (const auto& [key, node] : table) {
    // Built by appending: GCC 12 warns (-Wrestrict) on "literal" + std::string&&.
    auto about = [&name](std::string_view key_name, std::string_view problem) {
      std::string message(key_name);
      message += " of '";
      message += name;
      message += "' ";
      message += problem;
      return message;
    };
    if (key == "points") {
      const auto value = node.value_exact<std::int64_t>();
      if (!value) return policy_error(file, line_of(node), about("points", "must be an integer"));
      if (*value < -1000 || *value > 1000) {
        return policy_error(file, line_of(node), about("points", "must be within -1000..1000"));
      }
      out.points = static_cast<int>(*value);
      has_points = true;
    } else if (key == "cap") {
      const auto value = node.value_exact<std::int64_t>();
      if (!value) return policy_error(file, line_of(node), about("cap", "must be an integer"));
      if (*value < 0 || *value > 100000) {
        return policy_error(file, line_of(node),
                            about("cap", "must be 0 (no cap) or a positive number of points"));
      }
      out.cap = static_cast<int>(*value);
    } else if (key == "count_repeats") {
      const auto value = node.value_exact<bool>();
      if (!value) {
        return policy_error(file, line_of(node), about("count_repeats", "must be true or false"));
      }
      out.count_repeats = *value;
    } else if (key == "same_incident_as") {
      const auto* list = node.as_array();
      if (list == nullptr) {
        return policy_error(file, line_of(node),
                            about("same_incident_as", "must be an array of category names"));
      }
      for (const auto& item : *list) {
        const auto category_name = item.value_exact<std::string>();
        const auto category =
            category_name ? names.parse(*category_name) : std::optional<Category>{};
        if (!category) {
          return policy_error(file, line_of(item),
                              about("same_incident_as", "names an unknown category (expected " +
                                                            category_list() + ")"));
        }
        if (to_string(*category) == name) {
          return policy_error(file, line_of(item),
                              about("same_incident_as", "may not name the category itself"));
        }
        out.same_incident_as.push_back(*category);
      }
    } else if (key == "reason") {
      const auto value = node.value_exact<std::string>();
      if (!value || value->empty()) {
        return policy_error(file, line_of(node), about("reason", "must be a non-empty string"));
      }
      out.reason = *value;
    } else if ((key == "sign" || key == "description") && !parse_category(name)) {
      // Read when the category was declared.
    } else {
      return policy_error(file, key.source().begin.line,
                          "unknown key '" + std::string(key.str()) + "' in [categories." +
                              std::string(name) +
                              "] (expected points, cap, count_repeats, reason, same_incident_as; "
                              "a category of your own also sign and description)");
    }
  }
  if (!has_points) {
    return policy_error(file, table.source().begin.line,
                        "[categories." + std::string(name) + "] needs points");
  }
  if (out.cap != 0 && !out.count_repeats) {
    // A cap bounds repeats; where repeats do not count it can never apply.
    const auto* cap = table.get("cap");
    return policy_error(file, cap != nullptr ? line_of(*cap) : table.source().begin.line,
                        "cap of '" + std::string(name) +
                            "' can never apply: repeats do not count (set count_repeats = true "
                            "or remove the cap)");
  }
  // A category of the user's says which way it counts; its points must agree.
  if (const int sign = names.sign(*names.parse(name));
      !parse_category(name) && out.points * sign < 0) {
    const auto* points = table.get("points");
    return policy_error(file, points != nullptr ? line_of(*points) : table.source().begin.line,
                        "points of '" + std::string(name) + "' (" + std::to_string(out.points) +
                            ") go against its sign (" + std::to_string(sign) + ")");
  }
  if (out.reason.empty()) out.reason = std::string(name);
  return std::nullopt;
}

// Declares a category of the user's from its [categories.<name>] table.
Result<Category> declare_category(const toml::table& table, std::string_view name, std::size_t line,
                                  const std::string& file, CategoryTable& names) {
  const std::string text(name);
  if (text.empty() || !(text.front() >= 'a' && text.front() <= 'z') ||
      text.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
    return policy_error(file, line,
                        "category name '" + text +
                            "' must be [a-z][a-z0-9_]* (built-ins: " + category_list() + ")");
  }
  const auto* sign = table.get("sign");
  const auto value = sign != nullptr ? sign->value_exact<std::int64_t>() : std::nullopt;
  if (sign == nullptr) {
    return policy_error(file, line,
                        "[categories." + text + "] is not a built-in category (" + category_list() +
                            "): a category of your own needs sign = -1 (bad conduct), 1 (good) "
                            "or 0 (reported only)");
  }
  if (!value || *value < -1 || *value > 1) {
    return policy_error(file, line_of(*sign), "sign of '" + text + "' must be -1, 0 or 1");
  }
  CategoryInfo info{text, static_cast<int>(*value), ""};
  if (const auto* description = table.get("description")) {
    const auto words = description->value_exact<std::string>();
    if (!words) {
      return policy_error(file, line_of(*description),
                          "description of '" + text + "' must be a string");
    }
    info.description = *words;
  }
  return *names.add(std::move(info));
}

std::optional<Error> read_policy_table(const toml::table& table, const std::string& file,
                                       Policy& out) {
  for (const auto& [key, node] : table) {
    if (key == "confidence_floor") {
      const auto value = node.value<double>();            // integers 0 and 1 read as doubles too
      if (!value || !(*value >= 0.0 && *value <= 1.0)) {  // nan fails both comparisons
        return policy_error(file, line_of(node), "confidence_floor must be a number in [0, 1]");
      }
      out.confidence_floor = *value;
    } else if (key == "incident_window") {
      const auto value = node.value_exact<std::int64_t>();
      if (!value || *value < 0 || *value > 1000) {
        return policy_error(file, line_of(node),
                            "incident_window must be a whole number of sentences in 0..1000");
      }
      out.incident_window = static_cast<int>(*value);
    } else {
      return policy_error(file, key.source().begin.line,
                          "unknown key '" + std::string(key.str()) +
                              "' in [policy] (expected confidence_floor, incident_window)");
    }
  }
  return std::nullopt;
}

// Line of categories.<category>.same_incident_as, for errors found after parsing.
std::size_t same_incident_line(const toml::table& root, std::string_view category) {
  const auto node = root["categories"][category]["same_incident_as"];
  return node ? line_of(*node.node()) : 1;
}

// Reads one [required.<name>] table.
Result<RequiredLine> read_required(const toml::table& table, std::string_view name,
                                   std::size_t line, const std::string& file,
                                   const CategoryTable& names) {
  RequiredLine required;
  required.name = std::string(name);
  auto about = [&name](std::string_view key_name, std::string_view problem) {
    std::string message(key_name);
    message += " of required line '";
    message += name;
    message += "' ";
    message += problem;
    return message;
  };
  bool has_category = false;
  for (const auto& [key, node] : table) {
    if (key == "phrases") {
      const auto* array = node.as_array();
      if (array == nullptr || array->empty())
        return policy_error(file, line_of(node), about("phrases", "must be a non-empty array"));
      for (const auto& item : *array) {
        const auto phrase = item.value<std::string>();
        if (!phrase || phrase_to_pattern(*phrase).empty())
          return policy_error(file, line_of(item), about("phrases", "must be strings of words"));
        required.phrases.push_back(*phrase);
      }
    } else if (key == "category") {
      const auto value = node.value<std::string>();
      const auto category = value ? names.parse(*value) : std::nullopt;
      if (!category)
        return policy_error(file, line_of(node),
                            about("category", "must name a category (" + category_list() +
                                                  " or one of [categories])"));
      required.category = *category;
      has_category = true;
    } else if (key == "confidence") {
      const auto value = node.value<double>();
      if (!value || !(*value >= 0 && *value <= 1))  // nan fails both comparisons
        return policy_error(file, line_of(node), about("confidence", "must be a number in [0, 1]"));
      required.confidence = *value;
    } else if (key == "first_turns" || key == "last_turns") {
      const auto value = node.value_exact<std::int64_t>();
      if (!value || *value < 1 || *value > 1000)
        return policy_error(file, line_of(node), about(key.str(), "must be an integer in 1..1000"));
      (key == "first_turns" ? required.first_turns : required.last_turns) =
          static_cast<int>(*value);
    } else if (key == "reason") {
      const auto value = node.value<std::string>();
      if (!value || value->empty())
        return policy_error(file, line_of(node), about("reason", "must be a non-empty string"));
      required.reason = *value;
    } else {
      return policy_error(file, key.source().begin.line,
                          "unknown key '" + std::string(key.str()) + "' in required line '" +
                              std::string(name) +
                              "' (expected phrases, category, confidence, first_turns, "
                              "last_turns, reason)");
    }
  }
  if (required.phrases.empty()) return policy_error(file, line, about("phrases", "are missing"));
  if (!has_category) return policy_error(file, line, about("category", "is missing"));
  if (required.first_turns > 0 && required.last_turns > 0)
    return policy_error(
        file, line,
        "required line '" + std::string(name) + "' may have first_turns or last_turns, not both");
  if (required.reason.empty()) required.reason = "required line missing: " + required.name;
  return required;
}

}  // namespace

Result<Policy> Policy::parse(std::string_view bytes, const std::string& file, const Policy* base) {
  toml::table root;
  try {
    root = toml::parse(bytes, file);
  } catch (const toml::parse_error& error) {
    return policy_error(file, error.source().begin.line,
                        "invalid TOML: " + std::string(error.description()));
  }
  Policy policy = base != nullptr ? *base : Policy{};
  // The version written to every record: the first 12 hex digits of the bytes'
  // sha256 (over a base, of the base's version and these bytes).
  policy.version =
      sha256_hex(base != nullptr ? base->version + std::string(bytes) : std::string(bytes))
          .substr(0, 12);
  std::vector<bool> seen(policy.names.size(), base != nullptr);
  // Read after the categories, which they may name.
  std::vector<const toml::node*> required_tables;
  for (const auto& [key, node] : root) {
    if (key == "policy") {
      const auto* table = node.as_table();
      if (table == nullptr) return policy_error(file, line_of(node), "[policy] must be a table");
      if (auto error = read_policy_table(*table, file, policy)) return *error;
    } else if (key == "categories") {
      const auto* categories = node.as_table();
      if (categories == nullptr) {
        return policy_error(file, line_of(node), "[categories] must be a table");
      }
      // Declarations first, so that same_incident_as may name a category of
      // the user's declared further down.
      for (const auto& [name, entry] : *categories) {
        const auto* table = entry.as_table();
        if (table == nullptr) {
          return policy_error(file, line_of(entry),
                              "categories." + std::string(name.str()) + " must be a table");
        }
        if (policy.names.parse(name.str())) continue;
        auto declared =
            declare_category(*table, name.str(), name.source().begin.line, file, policy.names);
        if (!declared) return declared.error();
        policy.categories.emplace_back();
        seen.push_back(false);
      }
      for (const auto& [name, entry] : *categories) {
        const Category category = *policy.names.parse(name.str());
        const auto index = static_cast<std::size_t>(category);
        const bool over_base = base != nullptr && index < base->names.size();
        if (over_base) policy.categories[index].same_incident_as.clear();
        if (auto error = read_category(*entry.as_table(), name.str(), file, over_base, policy.names,
                                       policy.categories[index])) {
          return *error;
        }
        seen[index] = true;
      }
    } else if (key == "required") {
      required_tables.push_back(&node);
    } else {
      return policy_error(file, key.source().begin.line,
                          "unknown key '" + std::string(key.str()) +
                              "' (expected [policy], [categories.<category>] and "
                              "[required.<name>])");
    }
  }
  for (const toml::node* node : required_tables) {
    const auto* tables = node->as_table();
    if (tables == nullptr) return policy_error(file, line_of(*node), "[required] must be a table");
    for (const auto& [name, entry] : *tables) {
      const auto* table = entry.as_table();
      if (table == nullptr) {
        return policy_error(file, line_of(entry),
                            "required." + std::string(name.str()) + " must be a table");
      }
      auto required =
          read_required(*table, name.str(), name.source().begin.line, file, policy.names);
      if (!required) return required.error();
      // A named copy: clang before 16 cannot capture a structured binding.
      const std::string_view required_name = name.str();
      auto same =
          std::find_if(policy.required.begin(), policy.required.end(),
                       [&](const RequiredLine& line) { return line.name == required_name; });
      if (same != policy.required.end()) {
        *same = std::move(required).value();
      } else {
        policy.required.push_back(std::move(required).value());
      }
    }
  }
  for (Category category : policy.names.categories()) {
    for (Category target : policy.of(category).same_incident_as) {
      if (!policy.of(target).same_incident_as.empty()) {
        // Chains would make the count depend on the order of folding.
        return policy_error(file, same_incident_line(root, policy.names.name(category)),
                            "same_incident_as of '" + std::string(policy.names.name(category)) +
                                "' names '" + std::string(policy.names.name(target)) +
                                "', which itself folds into another category");
      }
    }
  }
  for (Category category : policy.names.categories()) {
    if (!seen[static_cast<std::size_t>(category)]) {
      return policy_error(file, 1,
                          "missing [categories." + std::string(policy.names.name(category)) +
                              "]: every category needs its points (0 to report only)");
    }
  }
  return policy;
}

Result<Policy> Policy::load(const std::filesystem::path& file, const Policy* base) {
  auto bytes = read_config_file(file);
  if (!bytes.ok()) {
    Error error = bytes.error();
    error.message = "cannot read the policy file: " + error.message;
    return error;
  }
  return parse(bytes.value(), file.string(), base);
}

}  // namespace conduct
