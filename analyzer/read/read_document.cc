// read_document: the checks every input passes (not empty, not binary, valid
// UTF-8, JSON that parses), then the reader of its format, then roles.
#include "normalize/normalizer.h"
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
                                          Format format) {
  auto parsed = read_detail::parse_json(bytes, body_start);
  if (!parsed.ok()) return parsed.error();
  const read_detail::Json& root = parsed.value();
  try {
    switch (format) {
      case Format::aws:
        return read_detail::read_aws(root);
      case Format::connect:
        return read_detail::read_connect(root);
      case Format::whisper:
        return read_detail::read_whisper(root);
      default:
        break;
    }
  } catch (const std::exception& e) {  // a value of an unexpected type
    return read_detail::unsupported_json(std::string("unexpected JSON content: ") + e.what());
  }
  return read_detail::unsupported_json("not a JSON transcript format");
}

}  // namespace

Result<Document> read_document(std::string_view id, std::string_view bytes, Format format,
                               const ReadOptions& options) {
  const std::size_t body_start = bytes.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  if (read_detail::is_blank(bytes.substr(body_start))) {
    return error_at(id, ErrorCode::empty_file, "the file is empty or holds only whitespace");
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
    case Format::whisper: {
      auto json_turns = read_json_turns(bytes, body_start, format);
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
  }
  bool any_text = false;
  for (const Turn& turn : turns) any_text = any_text || !read_detail::is_blank(turn.text);
  if (!any_text) {
    return error_at(
        id, ErrorCode::no_text,
        std::string("no turn text found reading the file as ") + std::string(to_string(format)));
  }
  Document document;
  document.id = std::string(id);
  document.format = format;
  document.turns = std::move(turns);
  infer_roles(document, options);
  return document;
}

}  // namespace conduct
