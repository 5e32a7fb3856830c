// SHA-256 digests, for source records, versions of lexicons and models.
#pragma once

#include <string>
#include <string_view>

namespace conduct {

/// Lower-case hex SHA-256 of `bytes` (64 characters).
std::string sha256_hex(std::string_view bytes);

/// Incremental SHA-256 for data that arrives in pieces (several files).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  /// Lower-case hex digest; the object must not be updated afterwards.
  std::string hex_digest();

 private:
  void* context_;  // EVP_MD_CTX, kept opaque so OpenSSL stays out of the header
};

}  // namespace conduct
