package cn.taihang.console.internal;

import cn.taihang.console.auth.Account;
import cn.taihang.console.auth.LoginThrottle;
import cn.taihang.console.auth.Passwords;
import cn.taihang.console.auth.Role;
import cn.taihang.console.auth.Sessions.Session;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Login (rate limit, lockout), logout, first-admin setup, the language switch and one's own password. */
final class LoginPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String SETUP_THROTTLE_KEY = "#setup";
    /** Wrong setup codes count from every address together: whoever guesses it becomes the first admin. */
    private static final String SETUP_ANY_ADDRESS = "*";

    void loginForm(Exchange x) throws Exception {
        if (x.user() != null) {
            x.redirect("/");
            return;
        }
        if (x.console.accounts.isEmpty() && x.console.accounts.setupCode().isPresent()) {
            x.redirect("/setup");
            return;
        }
        showLogin(x, HttpServletResponse.SC_OK, null, "");
    }

    void login(Exchange x) throws Exception {
        String user = typedName(x);
        char[] password = x.secret("password");
        try {
            LoginThrottle.Verdict verdict = x.console.throttle.attempt(x.address(), user);
            if (verdict instanceof LoginThrottle.Verdict.RateLimited limited) {
                x.response.setHeader("Retry-After", String.valueOf(limited.retryAfterSeconds()));
                x.audit("login.rate-limited", user, "");
                showLogin(x, 429, x.text("login.rateLimited", limited.retryAfterSeconds()), user);
                return;
            }
            if (verdict instanceof LoginThrottle.Verdict.Locked locked) {
                x.audit("login.refused-locked", user, "");
                showLogin(x, HttpServletResponse.SC_FORBIDDEN, x.text("login.locked", TIME.format(Instant.ofEpochMilli(locked.untilMillis()))), user);
                return;
            }
            Optional<Account> account = x.console.accounts.find(user);
            boolean ok = x.console.passwords.matches(password, account.map(Account::passwordHash).orElse(null));
            if (!ok || account.isEmpty()) {
                long lockedUntil = x.console.throttle.failed(x.address(), user);
                x.audit("login.failed", user, "");
                if (lockedUntil > 0) {
                    x.audit("account.locked", user, "for " + x.address() + " after wrong passwords, until " + Instant.ofEpochMilli(lockedUntil));
                    showLogin(x, HttpServletResponse.SC_FORBIDDEN, x.text("login.locked", TIME.format(Instant.ofEpochMilli(lockedUntil))), user);
                } else {
                    showLogin(x, HttpServletResponse.SC_UNAUTHORIZED, x.text("login.failed"), user);
                }
                return;
            }
            x.console.throttle.succeeded(x.address(), user);
            Session previous = x.session();
            x.startSession(x.console.sessions.login(user, account.get().role(), previous == null ? null : previous.id()));
            x.audit("login", user, "role " + account.get().role().label());
            x.redirect(Exchange.localPath(x.param("next")));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void showLogin(Exchange x, int status, String error, String user) throws Exception {
        if (x.session() == null) {
            x.startSession(x.console.sessions.anonymous());
        }
        Map<String, Object> model = x.model("");
        model.put("next", Exchange.localPath(x.param("next")));
        model.put("userName", user);
        model.put("noAccounts", x.console.accounts.isEmpty());
        if (error != null) {
            model.put("error", error);
        }
        x.page(status, "login", model);
    }

    void setupForm(Exchange x) throws Exception {
        if (!x.console.accounts.isEmpty() || x.console.accounts.setupCode().isEmpty()) {
            x.redirect("/login");
            return;
        }
        showSetup(x, HttpServletResponse.SC_OK, null);
    }

    void setup(Exchange x) throws Exception {
        if (!x.console.accounts.isEmpty() || x.console.accounts.setupCode().isEmpty()) {
            x.redirect("/login");
            return;
        }
        LoginThrottle.Verdict verdict = x.console.throttle.attempt(x.address(), SETUP_THROTTLE_KEY);
        if (!(verdict instanceof LoginThrottle.Verdict.Allowed) || x.console.throttle.lockedUntil(SETUP_THROTTLE_KEY) > 0) {
            showSetup(x, 429, x.text("setup.tooMany"));
            return;
        }
        String code = x.param("code");
        if (!x.console.accounts.setupCodeMatches(code)) {
            x.console.throttle.failed(SETUP_ANY_ADDRESS, SETUP_THROTTLE_KEY);
            x.audit("setup.failed", "", "wrong setup code");
            showSetup(x, HttpServletResponse.SC_UNAUTHORIZED, x.text("setup.wrongCode"));
            return;
        }
        String user = typedName(x);
        String problem = newPasswordProblem(x, user);
        if (problem != null) {
            showSetup(x, HttpServletResponse.SC_BAD_REQUEST, problem);
            return;
        }
        Account admin = new Account(user, Role.ADMIN, x.console.passwords.hash(x.secret("password")));
        if (!x.console.accounts.completeSetup(code, admin)) {
            x.redirect("/login");
            return;
        }
        Session previous = x.session();
        x.startSession(x.console.sessions.login(user, Role.ADMIN, previous == null ? null : previous.id()));
        x.audit("setup.completed", user, "first admin created with the setup code");
        x.session().flash("setup.done");
        x.redirect("/");
    }

    private void showSetup(Exchange x, int status, String error) throws Exception {
        if (x.session() == null) {
            x.startSession(x.console.sessions.anonymous());
        }
        Map<String, Object> model = x.model("");
        if (error != null) {
            model.put("error", error);
        }
        x.page(status, "setup", model);
    }

    void logout(Exchange x) {
        if (x.user() != null) {
            x.audit("logout", x.user(), "");
        }
        x.endSession();
        x.redirect("/login");
    }

    void language(Exchange x) {
        String to = x.param("to");
        if (to != null && Views.LANGUAGES.contains(to)) {
            x.response.addHeader("Set-Cookie", Exchange.LANG_COOKIE + "=" + to + "; Path=/; Secure; SameSite=Lax; Max-Age=31536000");
        }
        x.redirect(Exchange.localPath(x.param("back")));
    }

    void accountForm(Exchange x) throws Exception {
        showAccount(x, HttpServletResponse.SC_OK, null);
    }

    void changeOwnPassword(Exchange x) throws Exception {
        String user = x.user();
        LoginThrottle.Verdict verdict = x.console.throttle.attempt(x.address(), user);
        if (!(verdict instanceof LoginThrottle.Verdict.Allowed)) {
            showAccount(x, 429, x.text("account.tooMany"));
            return;
        }
        Optional<Account> account = x.console.accounts.find(user);
        if (account.isEmpty() || !x.console.passwords.matches(x.secret("current"), account.get().passwordHash())) {
            x.console.throttle.failed(x.address(), user);
            x.audit("password.change-refused", user, "wrong current password");
            showAccount(x, HttpServletResponse.SC_UNAUTHORIZED, x.text("account.wrongCurrent"));
            return;
        }
        String problem = newPasswordProblem(x, user);
        if (problem != null) {
            showAccount(x, HttpServletResponse.SC_BAD_REQUEST, problem);
            return;
        }
        x.console.accounts.put(account.get().withPasswordHash(x.console.passwords.hash(x.secret("password"))));
        x.console.sessions.endAll(user);
        x.startSession(x.console.sessions.login(user, account.get().role(), null));
        x.audit("password.changed", user, "by the user");
        x.session().flash("account.changed");
        x.redirect("/account");
    }

    private void showAccount(Exchange x, int status, String error) throws Exception {
        Map<String, Object> model = x.model("/account");
        if (error != null) {
            model.put("error", error);
        }
        x.page(status, "account", model);
    }

    /** @return what is wrong with the user name and new password fields, or {@code null} */
    static String newPasswordProblem(Exchange x, String user) {
        try {
            Account.requireValidUser(user);
        } catch (IllegalArgumentException e) {
            return x.text("user.badName");
        }
        char[] password = x.secret("password");
        if (!Arrays.equals(password, x.secret("password2"))) {
            return x.text("password.mismatch");
        }
        String weakness = Passwords.weakness(user, password);
        return weakness == null ? null : x.text(weakness, Passwords.MIN_LENGTH, Passwords.MAX_BYTES);
    }

    /** @return the user name as typed, lower case, cut to 64 characters (it goes into the audit log as is) */
    static String typedName(Exchange x) {
        String typed = Optional.ofNullable(x.param("user")).orElse("").toLowerCase(Locale.ROOT);
        return typed.length() > 64 ? typed.substring(0, 64) : typed;
    }
}
