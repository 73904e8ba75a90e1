package cn.taihang.bridge.testing;

import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.ca.testing.TestPki;
import cn.taihang.bridge.http.auth.LocalTokenIssuer;
import cn.taihang.bridge.http.auth.TokenOptions;
import cn.taihang.bridge.module.Scopes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import cn.taihang.bridge.http.auth.ApiTrust;
import java.io.IOException;
import java.net.http.HttpClient;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test needs to talk to a bridge as the city does: the bridge instance's identity from a real test CA
 * ({@link TestPki}) for its HTTPS API, and a real token issuer (an ES256 key pair in a temporary directory) that the
 * bridge believes and tests mint tokens from with the scopes they need. Register once per test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TestSecurity SECURITY = new TestSecurity();
 *
 * RunningBridge bridge = BridgeCore.start(SECURITY.options(dir), modules)...;
 * ApiClient http = SECURITY.client(bridge, Scopes.TICKETS_SELL);
 * }</pre>
 */
public final class TestSecurity implements AfterAllCallback, AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final TestPki pki = new TestPki();
    private Path secrets;
    private LocalTokenIssuer issuer;

    /** @return the test CA */
    public TestPki pki() {
        return pki;
    }

    /** @return the issuer's secrets directory, whose key the bridges of {@link #options} believe */
    public synchronized Path secretsDir() {
        if (secrets == null) {
            try {
                secrets = Files.createTempDirectory("taihang-tokens-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return secrets;
    }

    /** @return the token issuer */
    public synchronized LocalTokenIssuer issuer() {
        if (issuer == null) {
            try {
                issuer = LocalTokenIssuer.open(secretsDir(), Clock.systemUTC());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return issuer;
    }

    /** @return ephemeral options (free ports, embedded broker) with a bridge identity and this issuer's tokens */
    public BridgeOptions options(Path dataDir) {
        return secure(BridgeOptions.ephemeral(dataDir));
    }

    /**
     * @return the options with a fresh bridge identity {@code bridge-<n>} (each bridge its own instance id: two bridges
     *     with one id would take each other's MQTT session) and this issuer's tokens
     */
    public BridgeOptions secure(BridgeOptions options) {
        return secure(options, "bridge-" + INSTANCES.incrementAndGet());
    }

    /** @return the options with a fresh bridge identity of this instance id and this issuer's tokens */
    public BridgeOptions secure(BridgeOptions options, String instanceId) {
        return options.withIdentityDir(pki.bridge(instanceId)).withTokens(TokenOptions.local(secretsDir()));
    }

    /** @return a token of subject {@code test} with these scopes, valid for an hour */
    public String token(String... scopes) {
        return issuer().mint("test", "tests", Set.of(scopes), Duration.ofHours(1));
    }

    /**
     * @return a token with exactly these claims, signed by the key the bridge trusts (e.g. expired, or of another
     *     issuer); {@code iat}, {@code exp} are taken as given
     */
    public String signed(JsonObject claims) {
        issuer();
        Vertx vertx = Vertx.vertx();
        try {
            String pem = Files.readString(secretsDir().resolve(LocalTokenIssuer.SIGNING_KEY));
            return JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm("ES256").setBuffer(pem)))
                    .generateToken(claims, new JWTOptions().setAlgorithm("ES256").setNoTimestamp(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            vertx.close();
        }
    }

    /** @return the claims of a good token of this issuer with these scopes, to change one of them */
    public static JsonObject claims(String... scopes) {
        long now = System.currentTimeMillis() / 1000;
        return new JsonObject().put("iss", TokenOptions.LOCAL_ISSUER).put("aud", TokenOptions.DEFAULT_AUDIENCE).put("sub", "test")
                .put("client_id", "tests").put("scope", String.join(" ", scopes)).put("iat", now).put("exp", now + 3600);
    }

    /** @return a well-formed token with these scopes signed by a key the bridge does not trust (an intruder's issuer) */
    public String foreign(String... scopes) {
        try {
            Path dir = secretsDir().resolve("intruder");
            try (LocalTokenIssuer intruder = LocalTokenIssuer.open(dir, Clock.systemUTC())) {
                return intruder.mint("test", "tests", Set.of(scopes), Duration.ofHours(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code Bearer <token>} with these scopes, for an {@code Authorization} header */
    public String bearer(String... scopes) {
        return "Bearer " + token(scopes);
    }

    /** @return a JDK HTTP client trusting this test CA only (for tests that speak raw HTTP to a bridge) */
    public HttpClient httpClient() {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ApiTrust.clientContext(pki.ca().directory().resolve("ca.pem"))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a checked client of the bridge whose token has these scopes */
    public ApiClient client(cn.taihang.bridge.RunningBridge bridge, String... scopes) {
        return new ApiClient(bridge, Map.of("Authorization", "Bearer " + token(scopes)));
    }

    /** @return a checked client whose token has every scope but the sign safety override */
    public ApiClient operator(cn.taihang.bridge.RunningBridge bridge) {
        return client(bridge, Scopes.ALL.stream().filter(s -> !s.equals(Scopes.SIGNS_SAFETY_OVERRIDE)).toArray(String[]::new));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Deletes the CA, the identities and the issuer's keys. */
    @Override
    public synchronized void close() {
        if (issuer != null) {
            issuer.close();
            issuer = null;
        }
        pki.close();
        if (secrets != null) {
            try (var files = Files.walk(secrets)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            secrets = null;
        }
    }
}
