// Throw-away X.509 material for TLS tests, made with OpenSSL at test time:
// a CA (EC P-256, self-signed, CA:TRUE) and server certificates it signs,
// each naming the DNS names / IP addresses given. Files are written as PEM
// into a directory the caller owns. Nothing here is secret or reused.
#ifndef HEGUI_TESTS_GATEWAY_TEST_PKI_H_
#define HEGUI_TESTS_GATEWAY_TEST_PKI_H_

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

namespace hegui::gateway::testing {

struct PkiKey {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key{nullptr, EVP_PKEY_free};
  std::unique_ptr<X509, decltype(&X509_free)> cert{nullptr, X509_free};
};

inline void PkiCheck(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test PKI: ") + what);
}

inline void AddExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  PkiCheck(ext != nullptr, "extension");
  PkiCheck(X509_add_ext(cert, ext, -1) == 1, "add extension");
  X509_EXTENSION_free(ext);
}

// A certificate for `common_name`; self-signed CA when `issuer` is null, else
// a server certificate with subjectAltName `san` (e.g. "DNS:localhost,IP:127.0.0.1").
inline PkiKey MakeCertificate(const std::string& common_name, const PkiKey* issuer,
                              const std::string& san = "") {
  static long serial = 1;
  PkiKey out;
  out.key.reset(EVP_EC_gen("P-256"));
  PkiCheck(out.key != nullptr, "key generation");
  out.cert.reset(X509_new());
  X509* cert = out.cert.get();
  PkiCheck(X509_set_version(cert, 2) == 1, "version");
  ASN1_INTEGER_set(X509_get_serialNumber(cert), ++serial);
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  PkiCheck(X509_set_pubkey(cert, out.key.get()) == 1, "public key");
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                             0);
  X509* signer_cert = issuer ? issuer->cert.get() : cert;
  PkiCheck(X509_set_issuer_name(cert, X509_get_subject_name(signer_cert)) == 1, "issuer");
  if (!issuer) {
    AddExtension(cert, cert, NID_basic_constraints, "critical,CA:TRUE");
    AddExtension(cert, cert, NID_key_usage, "critical,keyCertSign,cRLSign");
    AddExtension(cert, cert, NID_subject_key_identifier, "hash");
  } else {
    AddExtension(cert, signer_cert, NID_basic_constraints, "critical,CA:FALSE");
    AddExtension(cert, signer_cert, NID_ext_key_usage, "serverAuth");
    if (!san.empty()) AddExtension(cert, signer_cert, NID_subject_alt_name, san);
  }
  EVP_PKEY* signer_key = issuer ? issuer->key.get() : out.key.get();
  PkiCheck(X509_sign(cert, signer_key, EVP_sha256()) > 0, "sign");
  return out;
}

inline void WriteCertificate(const PkiKey& k, const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "w");
  PkiCheck(f != nullptr, "open certificate file");
  PkiCheck(PEM_write_X509(f, k.cert.get()) == 1, "write certificate");
  std::fclose(f);
}

inline void WriteKey(const PkiKey& k, const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "w");
  PkiCheck(f != nullptr, "open key file");
  PkiCheck(PEM_write_PrivateKey(f, k.key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1,
           "write key");
  std::fclose(f);
}

}  // namespace hegui::gateway::testing

#endif  // HEGUI_TESTS_GATEWAY_TEST_PKI_H_
