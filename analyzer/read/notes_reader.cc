// Call notes: free text by one author, the customer.
#include "read/formats.h"
#include "read/text_scan.h"

namespace conduct::read_detail {

std::vector<Turn> read_notes(std::string_view bytes, std::size_t body_start) {
  std::size_t begin = body_start;
  while (begin < bytes.size() && is_space(bytes[begin])) ++begin;
  const std::size_t end = trim_end(bytes, begin, bytes.size());
  if (begin == end) return {};
  Turn turn;
  turn.speaker = "author";
  turn.role = Role::customer;
  turn.reg = Register::report;
  turn.start = begin;
  turn.end = end;
  turn.text = std::string(bytes.substr(begin, end - begin));
  turn.line = line_number_at(bytes, begin);
  return {std::move(turn)};
}

}  // namespace conduct::read_detail
