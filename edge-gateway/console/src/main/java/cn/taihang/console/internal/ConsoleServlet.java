package cn.taihang.console.internal;

import cn.taihang.console.auth.Role;
import cn.taihang.console.auth.Sessions.Session;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's one servlet (HTTP whiteboard, pattern {@code /*}): security headers, sessions, language,
 * routing, the role each route needs and the CSRF check of every POST; then the page's handler.
 */
final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServlet.class);
    private static final Pattern STATIC = Pattern.compile("/static/([a-z0-9-]+\\.(css|js|svg))");
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** Handles one request of a route. */
    interface Handler {
        void handle(Exchange x) throws Exception;
    }

    /** A route: the role it needs ({@code null}: anyone, logged in or not) and its handler. */
    record Route(Role role, Handler handler) {}

    private final transient Console console;
    private final transient Map<String, Route> routes = new HashMap<>();

    ConsoleServlet(Console console) {
        this.console = console;
        LoginPages login = new LoginPages();
        routes.put("GET /login", new Route(null, login::loginForm));
        routes.put("POST /login", new Route(null, login::login));
        routes.put("GET /setup", new Route(null, login::setupForm));
        routes.put("POST /setup", new Route(null, login::setup));
        routes.put("POST /logout", new Route(null, login::logout));
        routes.put("GET /lang", new Route(null, login::language));
        routes.put("GET /account", new Route(Role.VIEWER, login::accountForm));
        routes.put("POST /account", new Route(Role.VIEWER, login::changeOwnPassword));
        routes.put("GET /", new Route(Role.VIEWER, new OverviewPage()::show));
        DevicePages devices = new DevicePages();
        for (String kind : List.of("devices", "counters")) {
            routes.put("GET /" + kind, new Route(Role.VIEWER, x -> devices.show(x, kind)));
        }
        SignsPage signs = new SignsPage();
        routes.put("GET /signs", new Route(Role.VIEWER, signs::show));
        routes.put("GET /signs/image", new Route(Role.VIEWER, signs::image));
        routes.put("POST /signs/test", new Route(Role.TECHNICIAN, signs::testMessage));
        routes.put("POST /signs/pattern", new Route(Role.TECHNICIAN, signs::testPattern));
        ValidatorsPage validators = new ValidatorsPage();
        routes.put("GET /validators", new Route(Role.VIEWER, validators::show));
        routes.put("POST /validators/test", new Route(Role.VIEWER, validators::testScan));
        routes.put("GET /sensors", new Route(Role.VIEWER, new SensorsPage()::show));
        routes.put("GET /api/devices", new Route(Role.VIEWER, devices::json));
        ConfigPages config = new ConfigPages();
        routes.put("GET /config", new Route(Role.VIEWER, config::list));
        routes.put("GET /config/edit", new Route(Role.VIEWER, config::form));
        routes.put("POST /config/edit", new Route(Role.TECHNICIAN, config::save));
        DiagnosticsPage diagnostics = new DiagnosticsPage();
        routes.put("GET /diagnostics", new Route(Role.VIEWER, diagnostics::show));
        routes.put("POST /diagnostics/pulse", new Route(Role.TECHNICIAN, diagnostics::pulse));
        RecordPages records = new RecordPages();
        routes.put("GET /logs", new Route(Role.VIEWER, records::logs));
        routes.put("GET /audit", new Route(Role.TECHNICIAN, records::audit));
        UsersPage users = new UsersPage();
        routes.put("GET /users", new Route(Role.ADMIN, users::show));
        routes.put("POST /users", new Route(Role.ADMIN, users::change));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        request.setCharacterEncoding("UTF-8");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty()) {
            path = "/";
        }
        var staticFile = STATIC.matcher(path);
        if (staticFile.matches() && "GET".equals(request.getMethod())) {
            serveStatic(staticFile.group(1), response);
            return;
        }
        Session session = console.sessions.find(cookie(request, Exchange.SESSION_COOKIE)).orElse(null);
        Exchange x = new Exchange(request, response, console, path, language(request), session);
        Route route = routes.get(request.getMethod() + " " + path);
        try {
            if (route == null) {
                x.message(HttpServletResponse.SC_NOT_FOUND, "error.notFound.title", "error.notFound.text");
            } else if (permitted(x, route)) {
                route.handler().handle(x);
            }
        } catch (Exception e) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("console request {} {} failed (error id {})", request.getMethod(), path, id, e);
            if (!response.isCommitted()) {
                response.reset();
                response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("内部错误 / internal error " + id + ": see the gateway log\n");
            }
        }
    }

    private boolean permitted(Exchange x, Route route) throws IOException {
        boolean post = "POST".equals(x.request.getMethod());
        String forged = post ? csrfProblem(x) : null;
        if (forged != null) {
            LOG.warn("console refused a POST to {} from {}: {}", x.path, x.address(), forged);
            x.message(HttpServletResponse.SC_FORBIDDEN, "error.csrf.title", "error.csrf.text");
            return false;
        }
        if (route.role() == null) {
            return true;
        }
        if (x.role() == null) {
            if (x.path.startsWith("/api/")) {
                x.json(HttpServletResponse.SC_UNAUTHORIZED, g -> {
                    g.writeStartObject();
                    g.writeStringField("error", "log in first / 请先登录");
                    g.writeEndObject();
                });
            } else if (post) {
                x.message(HttpServletResponse.SC_UNAUTHORIZED, "error.login.title", "error.login.text");
            } else {
                String here = x.request.getQueryString() == null ? x.path : x.path + "?" + x.request.getQueryString();
                x.redirect("/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
            }
            return false;
        }
        if (!x.role().includes(route.role())) {
            x.message(HttpServletResponse.SC_FORBIDDEN, "error.role.title", "error.role." + route.role().label());
            return false;
        }
        return true;
    }

    /** @return why a POST is refused (no session, token missing or wrong, another site), or {@code null} if it may go on */
    private static String csrfProblem(Exchange x) {
        Session s = x.session();
        if (s == null) {
            return "no session (cookie missing or expired)";
        }
        String token = x.request.getParameter("_csrf");
        if (token == null) {
            token = x.request.getHeader("X-CSRF-Token");
        }
        if (!s.csrfMatches(token)) {
            return token == null ? "no CSRF token" : "wrong CSRF token";
        }
        if ("cross-site".equals(x.request.getHeader("Sec-Fetch-Site"))) {
            return "cross-site request";
        }
        String origin = x.request.getHeader("Origin");
        String host = x.request.getHeader("Host");
        if (origin != null && host != null && !origin.equalsIgnoreCase("https://" + host)) {
            return "origin " + origin + " is not this console";
        }
        return null;
    }

    private static String language(HttpServletRequest request) {
        String chosen = cookie(request, Exchange.LANG_COOKIE);
        if (chosen != null && Views.LANGUAGES.contains(chosen)) {
            return chosen;
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null) {
            for (String part : accept.split(",")) {
                String tag = part.strip().toLowerCase(Locale.ROOT);
                for (String lang : Views.LANGUAGES) {
                    if (tag.startsWith(lang)) {
                        return lang;
                    }
                }
            }
        }
        return Views.LANGUAGES.get(0);
    }

    static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals(name)) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static void serveStatic(String name, HttpServletResponse response) throws IOException {
        try (InputStream in = ConsoleServlet.class.getClassLoader().getResourceAsStream("cn/taihang/console/static/" + name)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String type = name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : "image/svg+xml";
            response.setContentType(type + ";charset=UTF-8");
            response.setHeader("Cache-Control", "max-age=3600");
            try (OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }
}
