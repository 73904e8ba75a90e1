package cn.taihang.distribution.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client of the console (no browser), trusting only the gateway's certificate, with its own cookies. */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final ConsoleGateway gateway;
    private final HttpClient http;
    private final int port;

    ConsoleClient(ConsoleGateway gateway) throws Exception {
        this(gateway, gateway.port);
    }

    /** A client reaching the console through another port of 127.0.0.1 (e.g. a {@code TcpRelay} from another address). */
    ConsoleClient(ConsoleGateway gateway, int port) throws Exception {
        this.gateway = gateway;
        this.port = port;
        this.http = HttpClient.newBuilder().sslContext(gateway.trustingTheGateway()).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form as is (the caller decides whether it carries a token). */
    HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token of the page at {@code formPage}, as a browser would. */
    HttpResponse<String> submit(String formPage, String path, Map<String, String> form) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", token(formPage));
        return post(path, withToken, Map.of());
    }

    /** @return the CSRF token in the page's forms */
    String token(String page) throws Exception {
        HttpResponse<String> response = get(page);
        assertThat(response.statusCode()).as("GET " + page).isEqualTo(200);
        Matcher m = CSRF.matcher(response.body());
        assertThat(m.find()).as("a CSRF token on " + page).isTrue();
        return m.group(1);
    }

    ConsoleClient login(String user, String password) throws Exception {
        HttpResponse<String> response = submit("/login", "/login", Map.of("user", user, "password", password, "next", "/"));
        assertThat(response.statusCode()).as("login of " + user + ": " + response.body()).isEqualTo(303);
        return this;
    }

    /** Creates an account (as an admin). */
    void createAccount(String user, String role, String password) throws Exception {
        HttpResponse<String> response = submit("/users", "/users",
                Map.of("action", "create", "user", user, "role", role, "password", password, "password2", password));
        assertThat(response.statusCode()).as("create " + user + ": " + response.body()).isEqualTo(303);
    }

    private String url(String path) {
        return "https://127.0.0.1:" + port + path;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
