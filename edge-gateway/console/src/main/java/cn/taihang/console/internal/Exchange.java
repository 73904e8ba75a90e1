package cn.taihang.console.internal;

import cn.taihang.console.auth.Role;
import cn.taihang.console.auth.Sessions.Session;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request to the console: its session, language and the ways to answer it. */
final class Exchange {

    /** Cookie carrying the session id: host-only, HTTPS-only, not readable by scripts, same-site only. */
    static final String SESSION_COOKIE = "__Host-taihang-session";
    static final String LANG_COOKIE = "taihang-lang";
    private static final JsonFactory JSON = new JsonFactory();

    /** The console's pages in menu order, with the role each needs to be seen. */
    private static final List<Map.Entry<String, Role>> NAV = List.of(
            Map.entry("/", Role.VIEWER), Map.entry("/devices", Role.VIEWER), Map.entry("/counters", Role.VIEWER),
            Map.entry("/signs", Role.VIEWER), Map.entry("/validators", Role.VIEWER), Map.entry("/sensors", Role.VIEWER),
            Map.entry("/config", Role.VIEWER), Map.entry("/diagnostics", Role.VIEWER), Map.entry("/logs", Role.VIEWER),
            Map.entry("/audit", Role.TECHNICIAN), Map.entry("/users", Role.ADMIN), Map.entry("/account", Role.VIEWER));

    /** Writes a JSON body. */
    interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    final HttpServletRequest request;
    final HttpServletResponse response;
    final Console console;
    final String path;
    final String lang;
    private Session session;

    Exchange(HttpServletRequest request, HttpServletResponse response, Console console, String path, String lang, Session session) {
        this.request = request;
        this.response = response;
        this.console = console;
        this.path = path;
        this.lang = lang;
        this.session = session;
    }

    /** @return the session, or {@code null} */
    Session session() {
        return session;
    }

    /** Makes this the request's session and sets its cookie. */
    void startSession(Session s) {
        session = s;
        response.addHeader("Set-Cookie", SESSION_COOKIE + "=" + s.id() + "; Path=/; Secure; HttpOnly; SameSite=Strict");
    }

    /** Ends the session and clears its cookie. */
    void endSession() {
        if (session != null) {
            console.sessions.end(session.id());
            session = null;
        }
        response.addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    /** @return the logged-in user's name, or {@code null} */
    String user() {
        return session != null && session.authenticated() ? session.user() : null;
    }

    /** @return the logged-in user's role, or {@code null} */
    Role role() {
        return session != null && session.authenticated() ? session.role() : null;
    }

    /** @return a request parameter, stripped, or {@code null} */
    String param(String name) {
        String value = request.getParameter(name);
        return value == null ? null : value.strip();
    }

    /** @return a request parameter as it came (passwords), or an empty array */
    char[] secret(String name) {
        String value = request.getParameter(name);
        return value == null ? new char[0] : value.toCharArray();
    }

    /** @return the client's IP address */
    String address() {
        return request.getRemoteAddr();
    }

    /** @return the texts of this request's language */
    Map<String, String> texts() {
        return console.views.texts(lang);
    }

    /** @return a text of this request's language with {0}, {1}… replaced by the arguments */
    String text(String key, Object... args) {
        String text = texts().get(key);
        if (text == null) {
            throw new IllegalArgumentException("no console text " + key);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** @return the path if it is a local one (no other host, no scheme), else {@code /} */
    static String localPath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return path;
    }

    /** Records an audit entry as this request's user, from its address. */
    void audit(String action, String target, String detail) {
        console.audit(user(), address(), action, target, detail);
    }

    /** @return the model every page gets, with the menu entry {@code active} marked */
    Map<String, Object> model(String active) {
        Map<String, Object> m = new HashMap<>();
        m.put("t", texts());
        m.put("lang", lang);
        m.put("path", path);
        m.put("here", request.getQueryString() == null ? path : path + "?" + request.getQueryString());
        m.put("active", active);
        m.put("gatewayId", console.services.identity().gatewayId());
        m.put("siteName", console.services.identity().siteName());
        m.put("csrf", session == null ? "" : session.csrfToken());
        Role role = role();
        if (role != null) {
            m.put("user", Map.of("name", user(), "role", role.label()));
            List<Map<String, String>> nav = new ArrayList<>();
            for (Map.Entry<String, Role> item : NAV) {
                if (role.includes(item.getValue())) {
                    nav.add(Map.of("path", item.getKey(), "key", "nav" + (item.getKey().equals("/") ? ".overview" : item.getKey().replace('/', '.'))));
                }
            }
            m.put("nav", nav);
            m.put("canChange", role.includes(Role.TECHNICIAN));
        }
        String flash = session == null ? null : session.takeFlash();
        if (flash != null) {
            m.put("flash", flash);
        }
        return m;
    }

    /** Answers with a page. */
    void page(int status, String template, Map<String, Object> model) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Writer out = response.getWriter();
        console.views.render(template, model, out);
        out.flush();
    }

    /** Answers with a short page that says what happened and what to do. */
    void message(int status, String titleKey, String textKey) throws IOException {
        Map<String, Object> model = model("");
        model.put("titleKey", titleKey);
        model.put("textKey", textKey);
        page(status, "message", model);
    }

    /** Redirects after a POST (303) or to another page. */
    void redirect(String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }

    /** Answers with JSON written by the body, never cached. */
    void json(int status, JsonBody body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (JsonGenerator g = JSON.createGenerator(response.getWriter())) {
            body.write(g);
        }
    }

    /** @return an ordered map, for models */
    static Map<String, Object> row() {
        return new LinkedHashMap<>();
    }
}
