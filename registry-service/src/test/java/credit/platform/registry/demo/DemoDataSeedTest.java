package credit.platform.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import credit.platform.testsupport.MongoTestServer;
import credit.platform.testsupport.TestHttp;
import credit.platform.testsupport.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code credit.registry.demo-data.size} set, an empty registry is seeded at start-up, without rejections. */
@SpringBootTest(properties = {"credit.registry.demo-data.size=60", "credit.registry.demo-data.seed=7"})
class DemoDataSeedTest {

    static final TestTokens TOKENS = new TestTokens();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        MongoTestServer.register(registry, "registry-demo-seed-test");
        registry.add("spring.grpc.server.port", TestHttp::freePort);
        registry.add("spring.grpc.server.address", () -> "127.0.0.1");
    }

    @TestConfiguration
    static class Keys {
        @Bean
        JwtDecoder jwtDecoder() {
            return TOKENS.jwtDecoder();
        }
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void emptyRegistryIsSeededWithTheSyntheticSetAndNothingIsRejected() {
        assertThat(mongo.getCollection("subjects").countDocuments()).isEqualTo(60);
        assertThat(mongo.getCollection("relationships").countDocuments()).isGreaterThanOrEqualTo(18 * 2);
        assertThat(mongo.getCollection("import_errors").countDocuments()).isZero();
        Document run = mongo.getCollection("imports").find().first();
        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getString("_id")).startsWith("demo-seed-");
    }
}
