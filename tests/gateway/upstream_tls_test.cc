// HTTPS upstreams over real loopback sockets: the gateway talks TLS to a
// relay in front of the mock upstream, with a throw-away CA made at test time.
// Certificate verification is on by default: an unknown CA or a certificate
// for another host name is a 502 and an interface failure, and the request
// never reaches the model server.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "gateway/gateway.h"
#include "gateway/mock_upstream.h"
#include "tests/gateway/fake_services.h"
#include "tests/gateway/http_test_client.h"
#include "tests/gateway/test_pki.h"
#include "tests/gateway/tls_relay.h"

namespace hegui::gateway::testing {
namespace {

using nlohmann::json;

class UpstreamTlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("hegui-tls-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    PkiKey ca = MakeCertificate("hegui test CA", nullptr);
    PkiKey other_ca = MakeCertificate("some other CA", nullptr);
    PkiKey server = MakeCertificate("localhost", &ca, "DNS:localhost,IP:127.0.0.1");
    PkiKey stranger = MakeCertificate("other.example", &ca, "DNS:other.example");
    WriteCertificate(ca, Path("ca.pem"));
    WriteCertificate(other_ca, Path("other-ca.pem"));
    WriteCertificate(server, Path("server.pem"));
    WriteKey(server, Path("server.key"));
    WriteCertificate(stranger, Path("stranger.pem"));
    WriteKey(stranger, Path("stranger.key"));

    MockUpstreamOptions options;
    options.models = {"mock-1"};
    options.chunk_chars = 3;
    mock_ = std::move(MockUpstream::Start(options)).value();
    relay_ = std::make_unique<TlsRelay>(Path("server.pem"), Path("server.key"), mock_->port());
    stranger_relay_ =
        std::make_unique<TlsRelay>(Path("stranger.pem"), Path("stranger.key"), mock_->port());
  }

  void TearDown() override {
    gateway_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::shared_ptr<const GatewayConfig> Config(const std::string& url, const std::string& extra) {
    std::string yaml =
        "listen: 127.0.0.1:0\nthreads: 1\nupstreams:\n  - name: secure\n    url: " + url +
        "\n    region: cn\n    models: [mock-1]\n" + extra;
    auto config = ParseGatewayConfig(yaml, "tls.yaml");
    EXPECT_TRUE(config.ok()) << config.status().ToString();
    return config.ok() ? *config : nullptr;
  }

  void Start(const std::string& url, const std::string& extra) {
    gateway_.reset();
    auto gateway = Gateway::Start(Config(url, extra), &services_);
    ASSERT_TRUE(gateway.ok()) << gateway.status().ToString();
    gateway_ = std::move(gateway).value();
  }

  std::string Url(const TlsRelay& relay, const std::string& host = "localhost") const {
    return "https://" + host + ":" + std::to_string(relay.port());
  }

  HttpResult Chat(const std::string& content, bool stream = false) {
    json body = {{"model", "mock-1"},
                 {"stream", stream},
                 {"messages", json::array({{{"role", "user"}, {"content", content}}})}};
    return HttpCall(gateway_->port(), http::verb::post, "/v1/chat/completions", body.dump(),
                    {{"authorization", "Bearer sk-verified"}});
  }

  void ExpectCertificateRefused(const HttpResult& r) {
    EXPECT_EQ(r.status, 502) << r.body;
    json error = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(error.is_object()) << r.body;
    EXPECT_EQ(error["error"]["code"], "upstream_unavailable");
    EXPECT_NE(error["error"]["message"].get<std::string>().find("TLS certificate"),
              std::string::npos)
        << r.body;
    auto records = services_.Records();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].outcome, "upstream_error");
    EXPECT_NE(records[0].failure.find("not trusted"), std::string::npos) << records[0].failure;
    EXPECT_EQ(mock_->last_request_body(), "");
  }

  std::filesystem::path dir_;
  FakeServices services_;
  std::unique_ptr<MockUpstream> mock_;
  std::unique_ptr<TlsRelay> relay_, stranger_relay_;
  std::unique_ptr<Gateway> gateway_;
};

TEST_F(UpstreamTlsTest, HttpsUpstreamTrustedThroughCaFileServesCalls) {
  Start(Url(*relay_), "    ca_file: " + Path("ca.pem") + "\n");
  HttpResult r = Chat("hello over tls");
  ASSERT_EQ(r.status, 200) << r.body << r.error;
  EXPECT_EQ(json::parse(r.body)["choices"][0]["message"]["content"], "hello over tls");
  EXPECT_NE(mock_->last_request_body().find("hello over tls"), std::string::npos);
  EXPECT_GE(relay_->handshakes(), 1);
}

TEST_F(UpstreamTlsTest, StreamingWorksOverHttps) {
  Start(Url(*relay_), "    ca_file: " + Path("ca.pem") + "\n");
  HttpResult r = Chat("a streamed answer over tls", true);
  ASSERT_EQ(r.status, 200) << r.body << r.error;
  EXPECT_EQ(r.content_type, "text/event-stream");
  EXPECT_NE(r.body.find("data: [DONE]"), std::string::npos) << r.body;
  EXPECT_EQ(services_.Records().at(0).outcome, "ok");
}

TEST_F(UpstreamTlsTest, IpAddressUrlIsCheckedAgainstTheIpSubjectAltName) {
  Start(Url(*relay_, "127.0.0.1"), "    ca_file: " + Path("ca.pem") + "\n");
  HttpResult r = Chat("hello by address");
  EXPECT_EQ(r.status, 200) << r.body << r.error;
}

TEST_F(UpstreamTlsTest, PooledTlsConnectionIsReused) {
  Start(Url(*relay_), "    ca_file: " + Path("ca.pem") + "\n");
  ASSERT_EQ(Chat("one").status, 200);
  ASSERT_EQ(Chat("two").status, 200);
  ASSERT_EQ(Chat("three").status, 200);
  EXPECT_EQ(relay_->handshakes(), 1);
}

TEST_F(UpstreamTlsTest, UnknownCaIs502AndAnInterfaceFailure) {
  Start(Url(*relay_), "    ca_file: " + Path("other-ca.pem") + "\n");
  ExpectCertificateRefused(Chat("must not arrive"));
}

TEST_F(UpstreamTlsTest, NoCaFileMeansTheSystemStoreWhichDoesNotTrustTheTestCa) {
  Start(Url(*relay_), "");
  ExpectCertificateRefused(Chat("must not arrive"));
}

TEST_F(UpstreamTlsTest, CertificateForAnotherHostIs502) {
  Start(Url(*stranger_relay_), "    ca_file: " + Path("ca.pem") + "\n");
  HttpResult r = Chat("must not arrive");
  ExpectCertificateRefused(r);
  EXPECT_NE(r.body.find("hostname mismatch"), std::string::npos) << r.body;
}

TEST_F(UpstreamTlsTest, CertificateFailureIsNotRetried) {
  Start(Url(*relay_), "    ca_file: " + Path("other-ca.pem") + "\n    connect_retries: 3\n");
  ExpectCertificateRefused(Chat("must not arrive"));
  EXPECT_EQ(relay_->connections(), 1);
}

TEST_F(UpstreamTlsTest, VerificationCanBeSwitchedOffExplicitly) {
  Start(Url(*stranger_relay_), "    tls_verify: false\n");
  EXPECT_EQ(Chat("unverified on purpose").status, 200);
}

TEST_F(UpstreamTlsTest, MissingCaFileFailsAtStartNamingIt) {
  auto gateway =
      Gateway::Start(Config(Url(*relay_), "    ca_file: " + Path("nope.pem") + "\n"), &services_);
  ASSERT_FALSE(gateway.ok());
  EXPECT_NE(gateway.status().message().find("nope.pem"), std::string::npos)
      << gateway.status().ToString();
}

TEST_F(UpstreamTlsTest, ReloadWithANewCaFileTakesEffect) {
  Start(Url(*relay_), "    ca_file: " + Path("other-ca.pem") + "\n");
  EXPECT_EQ(Chat("refused first").status, 502);
  ASSERT_TRUE(gateway_->Reload(Config(Url(*relay_), "    ca_file: " + Path("ca.pem") + "\n")).ok());
  HttpResult r = Chat("accepted after reload");
  EXPECT_EQ(r.status, 200) << r.body;
}

}  // namespace
}  // namespace hegui::gateway::testing
