package cn.taihang.bridge.http.auth;

import cn.taihang.bridge.module.Access;
import cn.taihang.identity.KeyFiles;
import cn.taihang.identity.PemFiles;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The bridge's own token issuer, for the demo, the simulator and tests (a city puts its identity provider in front
 * instead, see {@link TokenOptions#external}): an EC P-256 key pair in the bridge's secrets directory —
 * {@value #SIGNING_KEY} (private, owner-only, made on first use, never overwritten) and {@value #VERIFY_KEY} (its public
 * key, which the bridge trusts) — minting ES256 JWTs with {@code iss} {@value TokenOptions#LOCAL_ISSUER}, the API's
 * audience, a subject, a client, scopes ({@code scope}, space-separated, RFC 9068) and a bounded lifetime.
 */
public final class LocalTokenIssuer implements AutoCloseable {

    /** The private signing key's file name. */
    public static final String SIGNING_KEY = "token-signing.pem";
    /** The public verification key's file name. */
    public static final String VERIFY_KEY = "token-verify.pem";
    /** Longest lifetime of a minted token. */
    public static final Duration MAX_TTL = Duration.ofDays(30);

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9@._:-]{0,127}");

    private final Path dir;
    private final String keyId;
    private final Clock clock;
    private final Vertx vertx;
    private final JWTAuth signer;

    private LocalTokenIssuer(Path dir, String keyId, String privatePem, Clock clock) {
        this.dir = dir;
        this.keyId = keyId;
        this.clock = clock;
        this.vertx = Vertx.vertx();
        this.signer = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm("ES256").setId(keyId).setBuffer(privatePem)));
    }

    /**
     * Opens the issuer in {@code secretsDir}, making its key pair there (owner-only) if it has none yet.
     *
     * @throws IOException if the directory or the key cannot be written or read, or the key file is readable by others
     */
    public static LocalTokenIssuer open(Path secretsDir, Clock clock) throws IOException {
        KeyPair pair = ensureKeys(secretsDir);
        return new LocalTokenIssuer(secretsDir, keyId(pair), Files.readString(secretsDir.resolve(SIGNING_KEY), StandardCharsets.US_ASCII), clock);
    }

    /**
     * Makes the issuer's key pair in {@code secretsDir} if it has none yet (the private key owner-only), and writes the
     * public key beside it if missing or stale.
     *
     * @return the key pair
     * @throws IOException if a file cannot be written or read, or the private key is readable by others
     */
    public static KeyPair ensureKeys(Path secretsDir) throws IOException {
        Path signing = secretsDir.resolve(SIGNING_KEY);
        Path verify = secretsDir.resolve(VERIFY_KEY);
        KeyPair pair = Files.exists(signing) ? KeyFiles.readKeyPair(signing) : KeyFiles.create(signing);
        String publicPem = PemFiles.toPem(pair.getPublic());
        if (!Files.exists(verify) || !Files.readString(verify, StandardCharsets.US_ASCII).equals(publicPem)) {
            PemFiles.write(verify, publicPem);
        }
        return pair;
    }

    /** @return the public key file the bridge trusts */
    public Path verifyKey() {
        return dir.resolve(VERIFY_KEY);
    }

    /** @return the key id ({@code kid}) of minted tokens: the first 16 hex digits of the public key's SHA-256 */
    public String keyId() {
        return keyId;
    }

    /**
     * Mints a token.
     *
     * @param subject who it is for, e.g. {@code operator} (1-128 of {@code [A-Za-z0-9@._:-]})
     * @param client the client it is given to, e.g. {@code ops-console}, or {@code null} for the subject
     * @param scopes what it may do, e.g. {@code tickets:admin}
     * @param ttl how long it is valid, 1 s to {@link #MAX_TTL}
     * @throws IllegalArgumentException naming what is wrong
     */
    public String mint(String subject, String client, Set<String> scopes, Duration ttl) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("the subject must be 1-128 of [A-Za-z0-9@._:-], was '" + subject + "'");
        }
        if (client != null && !SUBJECT.matcher(client).matches()) {
            throw new IllegalArgumentException("the client must be 1-128 of [A-Za-z0-9@._:-], was '" + client + "'");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("the lifetime must be 1 s to " + MAX_TTL.toDays() + " days, was " + ttl);
        }
        checkScopes(scopes);
        long now = clock.instant().getEpochSecond();
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        JsonObject claims = new JsonObject().put("iss", TokenOptions.LOCAL_ISSUER).put("aud", TokenOptions.DEFAULT_AUDIENCE)
                .put("sub", subject).put("client_id", client == null ? subject : client).put("scope", String.join(" ", new TreeSet<>(scopes)))
                .put("iat", now).put("nbf", now).put("exp", now + ttl.toSeconds())
                .put("jti", Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
        return signer.generateToken(claims, new JWTOptions().setAlgorithm("ES256").setNoTimestamp(true));
    }

    /** Releases the signer's Vert.x. */
    @Override
    public void close() {
        vertx.close();
    }

    private static String keyId(KeyPair pair) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** @return the scopes of a space- or comma-separated list, checked */
    public static Set<String> scopes(String list) {
        Set<String> scopes = new TreeSet<>(List.of(list.trim().split("[\\s,]+")));
        scopes.remove("");
        checkScopes(scopes);
        return scopes;
    }

    private static void checkScopes(Set<String> scopes) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("name at least one scope, e.g. --scope telemetry:read");
        }
        Access.scopes(scopes.toArray(String[]::new));
    }
}
