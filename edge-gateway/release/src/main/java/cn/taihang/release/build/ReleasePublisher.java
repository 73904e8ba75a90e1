package cn.taihang.release.build;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Uploads a {@link ReleaseDirectory} to a bridge: the manifest first — the bridge answers 409 naming the bundles it lacks
 * — then only those bundles, then the manifest again. A bridge that already holds a bundle never receives it twice.
 */
public final class ReleasePublisher {

    private final URI bridge;
    private final HttpClient http;
    private final String token;

    /**
     * @param bridge the bridge's HTTPS base URL, e.g. {@code https://127.0.0.1:8443}
     * @param http the client, trusting the bridge's certificate
     * @param token a bearer token of scope {@code fleet:admin}, sent with every request; {@code null} sends none (a bridge
     *     of the city then answers 401, which the result carries)
     */
    public ReleasePublisher(URI bridge, HttpClient http, String token) {
        this.bridge = bridge;
        this.http = http;
        this.token = token;
    }

    /**
     * What a publish did.
     *
     * @param status the bridge's status for the manifest (201: taken)
     * @param uploadedBundles how many bundles were sent
     * @param uploadedBytes their bytes
     * @param answer the bridge's last answer (the release, or a problem saying why not)
     */
    public record Result(int status, int uploadedBundles, long uploadedBytes, String answer) {

        /** @return whether the bridge holds the release now */
        public boolean published() {
            return status == 201;
        }
    }

    /** @return what happened; a refusal is a result with the bridge's problem, not an exception */
    public Result publish(ReleaseDirectory release) throws IOException, InterruptedException {
        byte[] envelope = Files.readAllBytes(release.dir().resolve(ReleaseDirectory.ENVELOPE));
        HttpResponse<String> first = post(envelope);
        if (first.statusCode() != 409 || !first.body().contains("missing-bundles")) {
            return new Result(first.statusCode(), 0, 0, first.body());
        }
        int count = 0;
        long bytes = 0;
        for (Map.Entry<String, Path> bundle : release.bundles().entrySet()) {
            if (!first.body().contains(bundle.getKey())) {
                continue;
            }
            HttpResponse<String> put = http.send(request("/api/v1/releases/bundles/" + bundle.getKey())
                    .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofFile(bundle.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200 && put.statusCode() != 201) {
                return new Result(put.statusCode(), count, bytes, put.body());
            }
            count++;
            bytes += Files.size(bundle.getValue());
        }
        HttpResponse<String> second = post(envelope);
        return new Result(second.statusCode(), count, bytes, second.body());
    }

    private HttpResponse<String> post(byte[] envelope) throws IOException, InterruptedException {
        return http.send(request("/api/v1/releases").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(bridge.resolve(path));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
}
