#include "read/inputs.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/sha256.h"

namespace conduct {
namespace {

namespace fs = std::filesystem;
constexpr std::size_t kHeadBytes = 64 * 1024;

bool is_glob(std::string_view path) {
  return path.find_first_of("*?[") != std::string_view::npos;
}

bool hidden(const fs::path& relative) {
  for (const auto& part : relative) {
    const std::string name = part.string();
    if (name.size() > 1 && name[0] == '.' && name != "..") return true;
  }
  return false;
}

void add_folder(const fs::path& folder, std::vector<InputPath>& out) {
  std::vector<InputPath> found;
  std::error_code error;
  for (fs::recursive_directory_iterator
           it(folder, fs::directory_options::skip_permission_denied, error),
       end;
       it != end; it.increment(error)) {
    if (error) break;
    const fs::path relative = it->path().lexically_relative(folder);
    if (hidden(relative)) continue;
    if (!it->is_regular_file(error)) continue;
    found.push_back({it->path().string(), relative.generic_string()});
  }
  std::sort(found.begin(), found.end(),
            [](const InputPath& a, const InputPath& b) { return a.path < b.path; });
  out.insert(out.end(), found.begin(), found.end());
}

// Reads up to `limit` bytes; returns false (and consumes the rest) when the
// stream holds more, so a huge input never sits in memory whole.
bool read_bounded(std::istream& in, std::string& out, std::size_t limit) {
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    const auto got = static_cast<std::size_t>(in.gcount());
    if (out.size() + got > limit) {
      out.clear();
      while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      }
      return false;
    }
    out.append(buffer, got);
  }
  return true;
}

std::string record_id_fallback(const InputPath& input, std::size_t line) {
  return input.id + ":" + std::to_string(line);
}

}  // namespace

std::vector<InputPath> expand_inputs(const std::vector<std::string>& paths) {
  std::vector<InputPath> out;
  if (paths.empty()) return {{"-", "-"}};
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back({"-", "-"});
      continue;
    }
    std::error_code error;
    if (fs::is_directory(path, error)) {
      add_folder(path, out);
      continue;
    }
    if (!fs::exists(path, error) && is_glob(path)) {
      glob_t matches{};
      if (::glob(path.c_str(), 0, nullptr, &matches) == 0) {
        for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
          const std::string match = matches.gl_pathv[i];
          if (fs::is_directory(match, error)) {
            add_folder(match, out);
          } else {
            out.push_back({match, fs::path(match).filename().string()});
          }
        }
        globfree(&matches);
        continue;
      }
      globfree(&matches);
    }
    out.push_back({path, fs::path(path).filename().string()});
  }
  return out;
}

RecordReader::RecordReader(std::vector<InputPath> inputs, ReadOptions options, InputLimits limits)
    : inputs_(std::move(inputs)), options_(std::move(options)), limits_(limits) {}

RecordReader::~RecordReader() = default;

bool RecordReader::next(InputRecord& record) {
  while (true) {
    if (!split_.empty()) {
      record = std::move(split_.front());
      split_.pop_front();
      return true;
    }
    if (jsonl_stream_ != nullptr) {
      if (next_jsonl_line(record)) return true;
      jsonl_stream_ = nullptr;
      owned_stream_.reset();
      continue;
    }
    if (next_input_ >= inputs_.size()) return false;
    if (open_next_input(record)) return true;
  }
}

bool RecordReader::open_next_input(InputRecord& record) {
  const InputPath input = inputs_[next_input_++];
  record = InputRecord{};
  record.id = input.id;
  record.source.path = input.path;

  std::istream* stream = &std::cin;
  if (input.path != "-") {
    auto file = std::make_unique<std::ifstream>(input.path, std::ios::binary);
    std::error_code error;
    if (!file->is_open() || fs::is_directory(input.path, error)) {
      record.error =
          Error{fs::exists(input.path, error) ? ErrorCode::unreadable : ErrorCode::not_found,
                "cannot open " + input.path, input.path, 0};
      return true;
    }
    owned_stream_ = std::move(file);
    stream = owned_stream_.get();
  }

  // Detect from the head; a JSON Lines input is then streamed line by line.
  std::string head(kHeadBytes, '\0');
  stream->read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(stream->gcount()));
  const bool at_end = stream->eof();
  const Format head_format = options_.format ? *options_.format : detect_format(input.path, head);
  if (head_format == Format::jsonl) {
    jsonl_stream_ = stream;
    jsonl_input_ = input;
    jsonl_line_ = 0;
    pending_ = std::move(head);
    return false;  // next() pulls the first line
  }

  record.bytes = std::move(head);
  if (!at_end && !read_bounded(*stream, record.bytes, limits_.max_record_bytes - kHeadBytes)) {
    record.error = Error{ErrorCode::file_too_large,
                         "larger than the limit of " + std::to_string(limits_.max_record_bytes) +
                             " bytes; split it or raise --max-bytes",
                         input.path, 0};
  }
  owned_stream_.reset();
  record.source.bytes = record.bytes.size();
  record.source.sha256 = sha256_hex(record.bytes);
  record.source.format =
      options_.format ? *options_.format : detect_format(input.path, record.bytes);
  if (!record.error && holds_several_documents(*record.source.format)) {
    split_documents(record);
    return false;  // next() hands out the documents
  }
  return true;
}

void RecordReader::split_documents(InputRecord& file) {
  for (DocumentPart& part : read_documents(file.id, file.bytes, *file.source.format, options_)) {
    InputRecord record;
    record.id = std::move(part.id);
    record.source = file.source;
    record.source.record = part.line;
    if (part.document.ok()) {
      record.document = std::move(part.document).value();
    } else {
      record.error = part.document.error();
      if (record.error->file.empty()) record.error->file = file.source.path;
    }
    split_.push_back(std::move(record));
  }
}

bool RecordReader::next_jsonl_line(InputRecord& record) {
  // Physical lines come first from the bytes read ahead, then from the
  // stream; blank lines are skipped, over-long ones are dropped as read.
  std::string line;
  bool too_large = false;
  while (true) {
    line.clear();
    too_large = false;
    bool any = false;
    bool ended_by_newline = false;
    while (true) {
      if (pending_.empty()) {
        if (!*jsonl_stream_) break;
        pending_.resize(kHeadBytes);
        jsonl_stream_->read(pending_.data(), static_cast<std::streamsize>(pending_.size()));
        pending_.resize(static_cast<std::size_t>(jsonl_stream_->gcount()));
        if (pending_.empty()) break;
      }
      any = true;
      const std::size_t newline = pending_.find('\n');
      const std::size_t take = newline == std::string::npos ? pending_.size() : newline;
      if (!too_large && line.size() + take > limits_.max_record_bytes) {
        too_large = true;
        std::string().swap(line);
      }
      if (!too_large) line.append(pending_, 0, take);
      if (newline == std::string::npos) {
        pending_.clear();
        continue;
      }
      pending_.erase(0, newline + 1);
      ended_by_newline = true;
      break;
    }
    if (!any) return false;
    ++jsonl_line_;
    if (too_large || line.find_first_not_of(" \t\r") != std::string::npos) break;
    if (!ended_by_newline) return false;
  }
  record = InputRecord{};
  record.id = record_id_fallback(jsonl_input_, jsonl_line_);
  record.source.path = jsonl_input_.path;
  record.source.format = Format::jsonl;
  record.source.record = jsonl_line_;
  if (too_large) {
    record.error = Error{ErrorCode::record_too_large,
                         "line longer than " + std::to_string(limits_.max_record_bytes) + " bytes",
                         jsonl_input_.path, record.source.record};
    return true;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  record.source.bytes = line.size();
  record.source.sha256 = sha256_hex(line);
  record.bytes = std::move(line);
  return true;
}

Result<Document> read_record(const InputRecord& record, const ReadOptions& options) {
  if (record.error) return *record.error;
  if (record.document) return *record.document;
  const Format format = record.source.format.value_or(Format::notes);
  if (format == Format::jsonl) return read_jsonl_record(record.bytes, record.id, options);
  return read_document(record.id, record.bytes, format, options);
}

}  // namespace conduct
