// read_document: the checks every input passes (not empty, not binary, valid
// UTF-8, JSON that parses), then the reader of its format, then roles.
#include <cstring>

#include "normalize/normalizer.h"
#include "read/encoding.h"
#include "read/formats.h"
#include "read/json_input.h"
#include "read/reader.h"
#include "read/text_scan.h"

namespace conduct {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// Binary detection looks at the head of the file, as file(1) and git do.
constexpr std::size_t kBinaryWindow = 8 * 1024;
// Share of control bytes (other than whitespace) above which text is binary.
constexpr double kMaxControlShare = 0.10;

bool looks_binary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kBinaryWindow);
  std::size_t control = 0;
  for (char c : head) {
    const auto u = static_cast<unsigned char>(c);
    if (u == 0) return true;
    if ((u < 0x20 && !read_detail::is_space(c)) || u == 0x7F) ++control;
  }
  return !head.empty() && static_cast<double>(control) > kMaxControlShare * head.size();
}

Error error_at(std::string_view id, ErrorCode code, std::string message, std::size_t line = 0) {
  return Error{code, std::move(message), std::string(id), line};
}

Result<std::vector<Turn>> read_json_turns(std::string_view bytes, std::size_t body_start,
                                          Format format, std::size_t max_depth) {
  if (format == Format::aws) return read_detail::read_aws(bytes, body_start, max_depth);
  auto parsed = read_detail::parse_json(bytes, body_start, max_depth);
  if (!parsed.ok()) return parsed.error();
  const read_detail::Json& root = parsed.value();
  try {
    switch (format) {
      case Format::connect:
        return read_detail::read_connect(root);
      case Format::whisper:
        return read_detail::read_whisper(root);
      case Format::ccai:
        return read_detail::read_ccai(root);
      default:
        break;
    }
  } catch (const std::exception& e) {  // a value of an unexpected type
    return read_detail::unsupported_json(std::string("unexpected JSON content: ") + e.what());
  }
  return read_detail::unsupported_json("not a JSON transcript format");
}

// The first line longer than `max_bytes` (1-based), or 0.
std::size_t first_long_line(std::string_view bytes, std::size_t max_bytes) {
  std::size_t line = 1;
  for (std::size_t begin = 0; begin < bytes.size(); ++line) {
    const void* found = std::memchr(bytes.data() + begin, '\n', bytes.size() - begin);
    const std::size_t end =
        found == nullptr ? bytes.size()
                         : static_cast<std::size_t>(static_cast<const char*>(found) - bytes.data());
    if (end - begin > max_bytes) return line;
    begin = end + 1;
  }
  return 0;
}

bool is_line_format(Format format) {
  return format == Format::notes || format == Format::text || format == Format::vtt ||
         format == Format::srt || format == Format::csv || format == Format::tsv;
}

// The checks every whole file passes before its reader runs: not empty, not
// binary, valid UTF-8, no line past the limit (line-based formats).
std::optional<Error> check_text(std::string_view id, std::string_view bytes, std::size_t body_start,
                                Format format, const ReadLimits& limits) {
  if (read_detail::is_blank(bytes.substr(body_start))) {
    return error_at(id, ErrorCode::empty_file, "the file is empty or holds only whitespace");
  }
  if (utf16_bom(bytes)) {
    return error_at(id, ErrorCode::invalid_utf16,
                    "UTF-16 text (byte-order mark): decode it to UTF-8 first, as the "
                    "conduct command does");
  }
  if (looks_binary(bytes)) {
    return error_at(id, ErrorCode::binary_file,
                    "the file looks binary (NUL or control bytes), not text");
  }
  std::size_t bad = 0;
  if (!is_valid_utf8(bytes, &bad)) {
    const std::size_t line = read_detail::line_number_at(bytes, bad);
    return error_at(id, ErrorCode::invalid_utf8,
                    "invalid UTF-8 at byte " + std::to_string(bad) +
                        "; convert the file to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)",
                    line);
  }
  if (is_line_format(format)) {
    if (const std::size_t line = first_long_line(bytes, limits.max_line_bytes); line > 0) {
      return error_at(id, ErrorCode::line_too_long,
                      "line longer than " + std::to_string(limits.max_line_bytes) +
                          " bytes; raise --max-line-bytes to read it",
                      line);
    }
  }
  return std::nullopt;
}

bool has_text(const Document& document) {
  for (const Turn& turn : document.turns) {
    if (!read_detail::is_blank(turn.text)) return true;
  }
  return false;
}

// A .json file of the JSON Lines record shape: one object is one document
// (its own id, else the file's); an array gives one document per element
// (its own id, else "<file>#<index>"), each turn's source starting "/<index>".
std::vector<DocumentPart> read_json_records(std::string_view id, std::string_view bytes,
                                            std::size_t body_start, const ReadOptions& options) {
  auto parsed = read_detail::parse_json(bytes, body_start, options.limits.max_json_depth);
  std::vector<DocumentPart> parts;
  auto with_file = [&id](Error error) {
    error.file = std::string(id);
    return error;
  };
  if (!parsed.ok()) {
    parts.push_back({std::string(id), 0, with_file(parsed.error())});
    return parts;
  }
  const read_detail::Json& root = parsed.value();
  auto read_one = [&](const read_detail::Json& record, const std::string& fallback_id,
                      const std::string& prefix, std::string_view record_text) {
    try {
      auto document =
          read_detail::read_record_object(record, fallback_id, prefix, options, record_text);
      const std::string part_id = document.ok()                        ? document.value().id
                                  : document.error().record_id.empty() ? fallback_id
                                                                       : document.error().record_id;
      if (!document.ok()) {
        parts.push_back({part_id, 0, with_file(document.error())});
      } else {
        parts.push_back({part_id, 0, std::move(document)});
      }
    } catch (const std::exception& e) {
      parts.push_back({fallback_id, 0,
                       with_file(read_detail::unsupported_json(
                           fallback_id + ": unexpected JSON content: " + e.what()))});
    }
  };
  if (root.is_array()) {
    for (std::size_t i = 0; i < root.size(); ++i) {
      // Appended rather than "/" + to_string(i): GCC 12 at -O3 warns falsely
      // (-Wrestrict) on a literal plus a temporary string.
      std::string pointer = "/";
      pointer += std::to_string(i);
      read_one(root[i], std::string(id) + "#" + std::to_string(i), pointer, {});
    }
    if (parts.empty()) {
      parts.push_back(
          {std::string(id), 0,
           with_file(read_detail::unsupported_json("an empty JSON array holds no record"))});
    }
  } else if (root.is_object()) {
    read_one(root, std::string(id), "", bytes.substr(body_start));
  } else {
    parts.push_back({std::string(id), 0,
                     with_file(read_detail::unsupported_json(
                         "a .json record file holds an object or an array of objects"))});
  }
  return parts;
}

}  // namespace

namespace read_detail {

std::optional<Error> check_document_limits(Document& document, const ReadLimits& limits) {
  if (document.turns.size() > limits.max_turns) {
    return Error{ErrorCode::too_many_turns,
                 std::to_string(document.turns.size()) + " turns, more than " +
                     std::to_string(limits.max_turns) + "; raise --max-turns to read it",
                 "", 0};
  }
  std::size_t dropped = 0;
  std::string first;
  auto check = [&](std::optional<std::int64_t>& ms, std::size_t turn, const char* name) {
    if (!ms || (*ms >= 0 && *ms <= kMaxTimeMs)) return;
    if (dropped++ == 0) {
      first = "turn " + std::to_string(turn) + " " + name + " " + std::to_string(*ms);
    }
    ms.reset();
  };
  for (std::size_t t = 0; t < document.turns.size(); ++t) {
    check(document.turns[t].begin_ms, t, "begin_ms");
    check(document.turns[t].end_ms, t, "end_ms");
  }
  if (dropped > 0) {
    document.warnings.push_back(std::to_string(dropped) + " time value" +
                                (dropped == 1 ? "" : "s") + " outside 0.." +
                                std::to_string(kMaxTimeMs) + " ms dropped (first: " + first + ")");
  }
  return std::nullopt;
}

}  // namespace read_detail

bool holds_several_documents(Format format) {
  return format == Format::csv || format == Format::tsv || format == Format::json;
}

std::vector<DocumentPart> read_documents(std::string_view id, std::string_view bytes, Format format,
                                         const ReadOptions& options) {
  std::vector<DocumentPart> parts;
  if (!holds_several_documents(format)) {
    parts.push_back({std::string(id), 0, read_document(id, bytes, format, options)});
    return parts;
  }
  const std::size_t body_start = bytes.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  if (auto error = check_text(id, bytes, body_start, format, options.limits)) {
    parts.push_back({std::string(id), error->line, *error});
    return parts;
  }
  if (format == Format::json) {
    parts = read_json_records(id, bytes, body_start, options);
  } else {
    parts = read_detail::read_csv(id, bytes, body_start, format == Format::tsv ? '\t' : '\0',
                                  options.columns);
  }
  for (DocumentPart& part : parts) {
    if (!part.document.ok()) continue;
    Document& document = part.document.value();
    document.format = format;
    if (!has_text(document)) {
      part.document = error_at(part.id, ErrorCode::no_text,
                               std::string("no turn text found reading the ") +
                                   (format == Format::json ? "record" : "conversation") + " as " +
                                   std::string(to_string(format)),
                               part.line);
      continue;
    }
    if (format == Format::json) continue;  // records check limits and infer roles themselves
    if (auto error = read_detail::check_document_limits(document, options.limits)) {
      error->line = part.line;
      part.document = *error;
      continue;
    }
    infer_roles(document, options);
  }
  return parts;
}

Result<Document> read_document(std::string_view id, std::string_view bytes, Format format,
                               const ReadOptions& options) {
  if (holds_several_documents(format)) {
    std::vector<DocumentPart> parts = read_documents(id, bytes, format, options);
    if (parts.size() == 1) return std::move(parts.front().document);
    return error_at(id, ErrorCode::unsupported_format,
                    "the file holds " + std::to_string(parts.size()) +
                        " documents; read it with read_documents");
  }
  const std::size_t body_start = bytes.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  if (auto error = check_text(id, bytes, body_start, format, options.limits)) return *error;
  std::vector<Turn> turns;
  switch (format) {
    case Format::notes:
      turns = read_detail::read_notes(bytes, body_start);
      break;
    case Format::text:
      turns = read_detail::read_text(bytes, body_start);
      break;
    case Format::vtt:
      turns = read_detail::read_vtt(bytes, body_start);
      break;
    case Format::srt:
      turns = read_detail::read_srt(bytes, body_start);
      break;
    case Format::aws:
    case Format::connect:
    case Format::whisper:
    case Format::ccai: {
      auto json_turns = read_json_turns(bytes, body_start, format, options.limits.max_json_depth);
      if (!json_turns.ok()) {
        Error error = json_turns.error();
        error.file = std::string(id);
        return error;
      }
      turns = std::move(json_turns).value();
      break;
    }
    case Format::jsonl:
      return error_at(id, ErrorCode::unsupported_format,
                      "JSON Lines files are read one record at a time (read_jsonl_record)");
    case Format::json:
    case Format::csv:
    case Format::tsv:
      break;  // read by read_documents above
  }
  Document document;
  document.id = std::string(id);
  document.format = format;
  document.turns = std::move(turns);
  if (!has_text(document)) {
    return error_at(
        id, ErrorCode::no_text,
        std::string("no turn text found reading the file as ") + std::string(to_string(format)));
  }
  if (auto error = read_detail::check_document_limits(document, options.limits)) {
    error->file = std::string(id);
    return *error;
  }
  infer_roles(document, options);
  return document;
}

}  // namespace conduct
