// Seeded 64-bit hashing of feature tokens into a fixed number of buckets.
//
// FNV-1a over the bytes, started from a seed-dependent basis, then the
// murmur3 64-bit finalizer so that the top bits (which pick the bucket) are
// well mixed. Implemented here rather than taken from std::hash because the
// model file depends on it: it must give the same value on every platform and
// standard library, forever (a change means a new model format version).
#pragma once

#include <cstdint>
#include <string_view>

namespace conduct {

/// Kinds of feature tokens; mixed into the hash so that the word "ab" and the
/// character n-gram "ab" land in different buckets.
enum class FeatureKind : std::uint64_t { word = 1, bigram = 2, chars = 3, extra = 4 };

/// murmur3's fmix64: a bijective avalanche of all 64 bits.
constexpr std::uint64_t mix64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

/// FNV-1a of `bytes` from a basis derived from `seed` and `kind`, mixed.
/// Cost: one multiply per byte. Never fails.
constexpr std::uint64_t hash_token(std::string_view bytes, std::uint64_t seed, FeatureKind kind) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ mix64(seed + static_cast<std::uint64_t>(kind));
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

/// Combines two token hashes into the hash of the ordered pair (a word bigram).
constexpr std::uint64_t hash_pair(std::uint64_t first, std::uint64_t second) {
  return mix64(first * 0x9e3779b97f4a7c15ULL + mix64(second ^ 0x2545f4914f6cdd1dULL));
}

/// The bucket of a hash in a space of 2^bits buckets (1 <= bits <= 30): the
/// top bits, which the finalizer mixes best.
constexpr std::uint32_t bucket_of(std::uint64_t hash, std::uint32_t bits) {
  return static_cast<std::uint32_t>(hash >> (64 - bits));
}

}  // namespace conduct
