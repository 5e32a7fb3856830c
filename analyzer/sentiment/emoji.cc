#include "sentiment/emoji.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "sentiment/python_text.h"

namespace conduct::sentiment_text {
namespace {

struct EmojiName {
  char32_t code_point;
  std::string_view description;
};

// Sorted by code point (checked by a test). Unicode short names, lowercase:
// the words VADER's lexicon and idioms know ("broken heart" is an idiom).
constexpr std::array kEmoji{
    EmojiName{0x2639, "frowning face"},
    EmojiName{0x263A, "smiling face"},
    EmojiName{0x2705, "check mark button"},
    EmojiName{0x274C, "cross mark"},
    EmojiName{0x2764, "red heart"},
    EmojiName{0x1F389, "party popper"},
    EmojiName{0x1F44C, "ok hand"},
    EmojiName{0x1F44D, "thumbs up"},
    EmojiName{0x1F44E, "thumbs down"},
    EmojiName{0x1F44F, "clapping hands"},
    EmojiName{0x1F48B, "kiss mark"},
    EmojiName{0x1F494, "broken heart"},
    EmojiName{0x1F495, "two hearts"},
    EmojiName{0x1F496, "sparkling heart"},
    EmojiName{0x1F497, "growing heart"},
    EmojiName{0x1F498, "heart with arrow"},
    EmojiName{0x1F499, "blue heart"},
    EmojiName{0x1F49A, "green heart"},
    EmojiName{0x1F49B, "yellow heart"},
    EmojiName{0x1F49C, "purple heart"},
    EmojiName{0x1F4A9, "pile of poo"},
    EmojiName{0x1F4AA, "flexed biceps"},
    EmojiName{0x1F4AF, "hundred points"},
    EmojiName{0x1F4DE, "telephone receiver"},
    EmojiName{0x1F525, "fire"},
    EmojiName{0x1F600, "grinning face"},
    EmojiName{0x1F601, "beaming face with smiling eyes"},
    EmojiName{0x1F602, "face with tears of joy"},
    EmojiName{0x1F603, "grinning face with big eyes"},
    EmojiName{0x1F604, "grinning face with smiling eyes"},
    EmojiName{0x1F605, "grinning face with sweat"},
    EmojiName{0x1F606, "grinning squinting face"},
    EmojiName{0x1F607, "smiling face with halo"},
    EmojiName{0x1F608, "smiling face with horns"},
    EmojiName{0x1F609, "winking face"},
    EmojiName{0x1F60A, "smiling face with smiling eyes"},
    EmojiName{0x1F60B, "face savoring food"},
    EmojiName{0x1F60C, "relieved face"},
    EmojiName{0x1F60D, "smiling face with heart-eyes"},
    EmojiName{0x1F60E, "smiling face with sunglasses"},
    EmojiName{0x1F60F, "smirking face"},
    EmojiName{0x1F610, "neutral face"},
    EmojiName{0x1F611, "expressionless face"},
    EmojiName{0x1F612, "unamused face"},
    EmojiName{0x1F613, "downcast face with sweat"},
    EmojiName{0x1F614, "pensive face"},
    EmojiName{0x1F615, "confused face"},
    EmojiName{0x1F616, "confounded face"},
    EmojiName{0x1F617, "kissing face"},
    EmojiName{0x1F618, "face blowing a kiss"},
    EmojiName{0x1F619, "kissing face with smiling eyes"},
    EmojiName{0x1F61A, "kissing face with closed eyes"},
    EmojiName{0x1F61B, "face with tongue"},
    EmojiName{0x1F61C, "winking face with tongue"},
    EmojiName{0x1F61D, "squinting face with tongue"},
    EmojiName{0x1F61E, "disappointed face"},
    EmojiName{0x1F61F, "worried face"},
    EmojiName{0x1F620, "angry face"},
    EmojiName{0x1F621, "pouting face"},
    EmojiName{0x1F622, "crying face"},
    EmojiName{0x1F623, "persevering face"},
    EmojiName{0x1F624, "face with steam from nose"},
    EmojiName{0x1F625, "sad but relieved face"},
    EmojiName{0x1F626, "frowning face with open mouth"},
    EmojiName{0x1F627, "anguished face"},
    EmojiName{0x1F628, "fearful face"},
    EmojiName{0x1F629, "weary face"},
    EmojiName{0x1F62A, "sleepy face"},
    EmojiName{0x1F62B, "tired face"},
    EmojiName{0x1F62C, "grimacing face"},
    EmojiName{0x1F62D, "loudly crying face"},
    EmojiName{0x1F62E, "face with open mouth"},
    EmojiName{0x1F62F, "hushed face"},
    EmojiName{0x1F630, "anxious face with sweat"},
    EmojiName{0x1F631, "face screaming in fear"},
    EmojiName{0x1F632, "astonished face"},
    EmojiName{0x1F633, "flushed face"},
    EmojiName{0x1F634, "sleeping face"},
    EmojiName{0x1F635, "dizzy face"},
    EmojiName{0x1F636, "face without mouth"},
    EmojiName{0x1F637, "face with medical mask"},
    EmojiName{0x1F641, "slightly frowning face"},
    EmojiName{0x1F642, "slightly smiling face"},
    EmojiName{0x1F643, "upside-down face"},
    EmojiName{0x1F644, "face with rolling eyes"},
    EmojiName{0x1F64F, "folded hands"},
    EmojiName{0x1F910, "zipper-mouth face"},
    EmojiName{0x1F911, "money-mouth face"},
    EmojiName{0x1F912, "face with thermometer"},
    EmojiName{0x1F914, "thinking face"},
    EmojiName{0x1F915, "face with head-bandage"},
    EmojiName{0x1F917, "hugging face"},
    EmojiName{0x1F922, "nauseated face"},
    EmojiName{0x1F923, "rolling on the floor laughing"},
    EmojiName{0x1F928, "face with raised eyebrow"},
    EmojiName{0x1F929, "star-struck"},
    EmojiName{0x1F92C, "face with symbols on mouth"},
    EmojiName{0x1F92E, "face vomiting"},
    EmojiName{0x1F92F, "exploding head"},
    EmojiName{0x1F970, "smiling face with hearts"},
    EmojiName{0x1F973, "partying face"},
    EmojiName{0x1F97A, "pleading face"},
};

static_assert(std::is_sorted(kEmoji.begin(), kEmoji.end(),
                             [](const EmojiName& a, const EmojiName& b) {
                               return a.code_point < b.code_point;
                             }),
              "kEmoji must be sorted by code point");

// The smallest code point in the table: anything below it is skipped at once.
constexpr char32_t kFirstEmoji = 0x2639;

}  // namespace

std::string_view emoji_description(char32_t code_point) {
  if (code_point < kFirstEmoji) return {};
  const auto it = std::lower_bound(
      kEmoji.begin(), kEmoji.end(), code_point,
      [](const EmojiName& entry, char32_t value) { return entry.code_point < value; });
  if (it == kEmoji.end() || it->code_point != code_point) return {};
  return it->description;
}

bool contains_described_emoji(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    // Every described emoji is 3 or 4 bytes long and starts with 0xE2 or above.
    if (static_cast<unsigned char>(text[pos]) < 0xE2) {
      ++pos;
      continue;
    }
    const CodePoint c = decode_utf8(text, pos);
    if (!emoji_description(c.value).empty()) return true;
    pos += c.length;
  }
  return false;
}

void replace_emoji(std::string_view text, std::string& out) {
  out.clear();
  bool previous_was_space = true;
  for (std::size_t pos = 0; pos < text.size();) {
    const CodePoint c = decode_utf8(text, pos);
    const std::string_view description = emoji_description(c.value);
    if (!description.empty()) {
      if (!previous_was_space) out.push_back(' ');
      out.append(description);
      previous_was_space = false;
    } else {
      out.append(text.substr(pos, c.length));
      previous_was_space = c.value == ' ';
    }
    pos += c.length;
  }
}

}  // namespace conduct::sentiment_text
