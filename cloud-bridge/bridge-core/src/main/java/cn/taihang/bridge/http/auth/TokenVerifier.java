package cn.taihang.bridge.http.auth;

import cn.taihang.bridge.module.Caller;
import cn.taihang.bridge.module.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks bearer tokens (JWT, with {@code vertx-auth-jwt}) against {@link TokenOptions}: signature by a trusted key
 * (asymmetric algorithms only; {@code none} and HMAC are never accepted), issuer, audience, expiry and not-before with
 * the bounded clock skew; a token must name its subject and expiry. Thread-safe.
 */
public final class TokenVerifier {

    private static final Pattern PEM_KEY = Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    private final JWTAuth auth;
    private final TokenOptions options;
    private final Clock clock;

    private TokenVerifier(JWTAuth auth, TokenOptions options, Clock clock) {
        this.auth = auth;
        this.options = options;
        this.clock = clock;
    }

    /**
     * @param localKey the local issuer's public key file, or {@code null} without a local issuer
     * @throws IOException if a key file cannot be read or holds no usable key (the message names the file)
     */
    public static TokenVerifier create(Vertx vertx, TokenOptions options, Path localKey, Clock clock) throws IOException {
        JWTAuthOptions auth = new JWTAuthOptions().setJWTOptions(new JWTOptions().setIssuer(options.issuer())
                .setAudience(List.of(options.audience())).setLeeway((int) options.leeway().toSeconds()));
        List<Path> files = new ArrayList<>(options.trustedKeys());
        if (localKey != null) {
            files.add(localKey);
        }
        int keys = 0;
        for (Path file : files) {
            keys += addKeys(auth, file);
        }
        if (keys == 0) {
            throw new IOException("no public key to check tokens with in " + files);
        }
        return new TokenVerifier(JWTAuth.create(vertx, auth), options, clock);
    }

    private static int addKeys(JWTAuthOptions auth, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.trim().startsWith("{")) {
            JsonArray keys = new JsonObject(text).getJsonArray("keys");
            if (keys == null || keys.isEmpty()) {
                throw new IOException(file + " is JSON but not a JWKS with keys ({\"keys\": [...]})");
            }
            for (Object key : keys) {
                JsonObject jwk = (JsonObject) key;
                if (jwk.getString("alg") == null) {
                    throw new IOException(file + ": every key of a JWKS must name its alg (e.g. ES256), key " + jwk.getString("kid"));
                }
                auth.addJwk(jwk);
            }
            return keys.size();
        }
        Matcher m = PEM_KEY.matcher(text);
        int found = 0;
        while (m.find()) {
            auth.addPubSecKey(new PubSecKeyOptions().setAlgorithm(algorithm(file, m.group(1))).setBuffer(m.group()));
            found++;
        }
        if (found == 0) {
            throw new IOException(file + " holds neither a JWKS nor PEM public keys (-----BEGIN PUBLIC KEY-----)");
        }
        return found;
    }

    private static String algorithm(Path file, String base64) throws IOException {
        byte[] der = Base64.getMimeDecoder().decode(base64);
        for (String type : List.of("EC", "RSA")) {
            try {
                PublicKey key = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
                if (key instanceof ECPublicKey ec) {
                    int bits = ec.getParams().getCurve().getField().getFieldSize();
                    return bits <= 256 ? "ES256" : bits <= 384 ? "ES384" : "ES512";
                }
                return "RS256";
            } catch (GeneralSecurityException e) {
                // try the next type
            }
        }
        throw new IOException(file + " holds a public key that is neither EC nor RSA");
    }

    /**
     * @param token the bearer token as sent
     * @return the caller it names
     * @throws ServiceException UNAUTHENTICATED with the reason ({@code token-malformed}, {@code token-signature},
     *     {@code token-issuer}, {@code token-audience}, {@code token-expired}, {@code token-not-yet-valid},
     *     {@code token-claims}) and what to do
     */
    public Caller verify(String token) {
        Future<User> checked = auth.authenticate(new TokenCredentials(token));
        if (!checked.isComplete()) {
            throw new IllegalStateException("the JWT check did not complete at once");
        }
        if (checked.failed()) {
            throw refusal(checked.cause());
        }
        JsonObject claims = checked.result().attributes().getJsonObject("accessToken", new JsonObject());
        long now = clock.instant().getEpochSecond();
        if (!(claims.getValue("exp") instanceof Number) || claims.getString("sub") == null || claims.getString("sub").isBlank()) {
            throw ServiceException.unauthenticated("token-claims", "the token must name its subject (sub) and expiry (exp)");
        }
        if (claims.getValue("nbf") instanceof Number nbf && nbf.longValue() > now + options.leeway().toSeconds()) {
            throw ServiceException.unauthenticated("token-not-yet-valid", "the token is not valid before " + java.time.Instant.ofEpochSecond(nbf.longValue()));
        }
        String client = claims.getString("client_id", claims.getString("azp"));
        return new Caller(claims.getString("sub"), client, scopes(claims), null);
    }

    private ServiceException refusal(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.startsWith("Invalid JWT issuer")) {
            return ServiceException.unauthenticated("token-issuer", "the token was not issued by " + options.issuer());
        }
        if (message.startsWith("Invalid JWT audience")) {
            return ServiceException.unauthenticated("token-audience", "the token is not for this API (audience " + options.audience() + ")");
        }
        if (message.contains("token expired")) {
            return ServiceException.unauthenticated("token-expired", "the token has expired (or was issued in the future); get a new one");
        }
        if (failure instanceof java.security.SignatureException || failure instanceof io.vertx.ext.auth.NoSuchKeyIdException) {
            return ServiceException.unauthenticated("token-signature", "the token's signature does not verify with any key this bridge trusts");
        }
        return ServiceException.unauthenticated("token-malformed", "the bearer token is not a well-formed signed JWT (" + message + ")");
    }

    private static Set<String> scopes(JsonObject claims) {
        Set<String> scopes = new LinkedHashSet<>();
        for (String claim : List.of("scope", "scp")) {
            Object value = claims.getValue(claim);
            if (value instanceof String s) {
                scopes.addAll(List.of(s.trim().split("\\s+")));
            } else if (value instanceof JsonArray a) {
                a.forEach(v -> scopes.add(String.valueOf(v)));
            }
        }
        scopes.remove("");
        return scopes;
    }
}
