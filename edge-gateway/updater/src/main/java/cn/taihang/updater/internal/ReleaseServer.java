package cn.taihang.updater.internal;

import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.Kind;
import cn.taihang.identity.TlsContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;

/**
 * The bridge's release API as the gateway uses it: {@code GET /api/v1/releases/{version}/manifest} (the signed
 * manifest) and {@code GET /api/v1/releases/bundles/{sha256}} (a bundle, with {@code Range} to resume). Over HTTPS with
 * the gateway's own certificate and the city CA when an identity directory is configured ({@link TlsContext}, accepting
 * only a bridge), else with the JVM's trust store (or plain HTTP for a test's bundle server). The bridge's API takes bearer
 * tokens, not client certificates: each request carries the gateway's token of scope {@code fleet:gateway} (read from its
 * token file at each request, so a renewed token is used at once), which opens manifests and bundles and nothing else.
 * The request names the gateway ({@value #GATEWAY_HEADER}).
 */
final class ReleaseServer {

    /** Header naming the gateway. */
    static final String GATEWAY_HEADER = "X-Taihang-Gateway";

    private final URI base;
    private final HttpClient client;
    private final Duration readTimeout;
    private final String gatewayId;
    private final Path tokenFile;

    ReleaseServer(URI base, HttpClient client, Duration readTimeout, String gatewayId, Path tokenFile) {
        this.base = base;
        this.client = client;
        this.readTimeout = readTimeout;
        this.gatewayId = gatewayId;
        this.tokenFile = tokenFile;
    }

    /**
     * @return a client for the settings' server
     * @throws IOException if the identity files cannot be read
     * @throws GeneralSecurityException if they do not make a TLS client
     */
    static ReleaseServer of(UpdaterSettings settings, String gatewayId) throws IOException, GeneralSecurityException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.readTimeout()).followRedirects(HttpClient.Redirect.NEVER);
        if (settings.identityDir() != null) {
            TlsContext tls = TlsContext.client(IdentityFiles.in(settings.identityDir())).accept(Kind.BRIDGE).build();
            builder.sslContext(tls.sslContext()).sslParameters(tls.sslParameters());
        }
        return new ReleaseServer(settings.releaseServer(), builder.build(), settings.readTimeout(), gatewayId, settings.tokenFile());
    }

    /**
     * @return the signed manifest's bytes
     * @throws IOException if the bridge does not answer it (404: it holds no such release)
     */
    byte[] manifest(String release) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request("/api/v1/releases/" + URLEncoder.encode(release, StandardCharsets.UTF_8) + "/manifest")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("the bridge answered " + response.statusCode() + " for the manifest of release " + release + switch (response.statusCode()) {
                case 404 -> " (it holds no such release)";
                case 401, 403 -> " (it does not accept this gateway's token: check " + UpdaterConfig.PID + "/tokenFile, a token of scope fleet:gateway)";
                default -> "";
            });
        }
        return response.body();
    }

    /**
     * @param from the first byte wanted (0 for all)
     * @return the answer, its body unread: 200 (all), 206 (from {@code from}) or another status for the caller to judge
     */
    HttpResponse<InputStream> bundle(String sha256, long from) throws IOException, InterruptedException {
        HttpRequest.Builder request = request("/api/v1/releases/bundles/" + sha256);
        if (from > 0) {
            request.header("Range", "bytes=" + from + "-");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest.Builder request(String path) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(readTimeout).header(GATEWAY_HEADER, gatewayId).GET();
        if (tokenFile != null) {
            String token;
            try {
                token = Files.readString(tokenFile, StandardCharsets.US_ASCII).trim();
            } catch (IOException e) {
                throw new IOException("the gateway's bridge token cannot be read from " + tokenFile + " (" + UpdaterConfig.PID + "/tokenFile): " + e, e);
            }
            if (token.isEmpty() || !token.matches("[A-Za-z0-9._~+/=-]+")) {
                throw new IOException("the file " + tokenFile + " (" + UpdaterConfig.PID + "/tokenFile) holds no bearer token");
            }
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
