package cn.taihang.console.internal;

import cn.taihang.console.auth.Account;
import cn.taihang.console.auth.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts (admins only): create, change role, set a new password, unlock, delete — each audited. */
final class UsersPage {

    void show(Exchange x) throws Exception {
        show(x, HttpServletResponse.SC_OK, null);
    }

    private void show(Exchange x, int status, String error) throws Exception {
        Map<String, Object> model = x.model("/users");
        model.put("accounts", x.console.accounts.all().stream().map(a -> {
            Map<String, Object> row = Exchange.row();
            row.put("user", a.user());
            row.put("role", a.role().label());
            long locked = x.console.throttle.lockedUntil(a.user());
            row.put("lockedUntil", locked == 0 ? "" : Instant.ofEpochMilli(locked).toString());
            return row;
        }).toList());
        model.put("roles", List.of("viewer", "technician", "admin"));
        if (error != null) {
            model.put("error", error);
        }
        x.page(status, "users", model);
    }

    void change(Exchange x) throws Exception {
        String action = String.valueOf(x.param("action"));
        String user = LoginPages.typedName(x);
        String problem = switch (action) {
            case "create" -> create(x, user);
            case "role" -> role(x, user);
            case "password" -> password(x, user);
            case "unlock" -> unlock(x, user);
            case "delete" -> delete(x, user);
            default -> x.text("users.unknownAction");
        };
        if (problem != null) {
            show(x, HttpServletResponse.SC_BAD_REQUEST, problem);
            return;
        }
        x.session().flash("users.done");
        x.redirect("/users");
    }

    private String create(Exchange x, String user) throws Exception {
        Role role;
        try {
            role = Role.parse(String.valueOf(x.param("role")));
        } catch (IllegalArgumentException e) {
            return x.text("users.badRole");
        }
        if (x.console.accounts.find(user).isPresent()) {
            return x.text("users.exists", user);
        }
        String problem = LoginPages.newPasswordProblem(x, user);
        if (problem != null) {
            return problem;
        }
        x.console.accounts.put(new Account(user, role, x.console.passwords.hash(x.secret("password"))));
        x.audit("account.created", user, "role " + role.label());
        return null;
    }

    private String role(Exchange x, String user) throws Exception {
        Optional<Account> account = x.console.accounts.find(user);
        if (account.isEmpty()) {
            return x.text("users.noSuch", user);
        }
        Role role;
        try {
            role = Role.parse(String.valueOf(x.param("role")));
        } catch (IllegalArgumentException e) {
            return x.text("users.badRole");
        }
        if (account.get().role() == Role.ADMIN && role != Role.ADMIN && x.console.accounts.admins() <= 1) {
            return x.text("users.lastAdmin");
        }
        if (role == account.get().role()) {
            return null;
        }
        x.console.accounts.put(account.get().withRole(role));
        x.console.sessions.endAll(user);
        x.audit("account.role-changed", user, account.get().role().label() + " → " + role.label());
        return null;
    }

    private String password(Exchange x, String user) throws Exception {
        Optional<Account> account = x.console.accounts.find(user);
        if (account.isEmpty()) {
            return x.text("users.noSuch", user);
        }
        String problem = LoginPages.newPasswordProblem(x, user);
        if (problem != null) {
            return problem;
        }
        x.console.accounts.put(account.get().withPasswordHash(x.console.passwords.hash(x.secret("password"))));
        x.console.sessions.endAll(user);
        x.audit("account.password-set", user, "by an admin");
        return null;
    }

    private String unlock(Exchange x, String user) {
        x.console.throttle.unlock(user);
        x.audit("account.unlocked", user, "");
        return null;
    }

    private String delete(Exchange x, String user) throws Exception {
        Optional<Account> account = x.console.accounts.find(user);
        if (account.isEmpty()) {
            return x.text("users.noSuch", user);
        }
        if (user.equals(x.user())) {
            return x.text("users.notSelf");
        }
        if (account.get().role() == Role.ADMIN && x.console.accounts.admins() <= 1) {
            return x.text("users.lastAdmin");
        }
        x.console.accounts.remove(user);
        x.console.sessions.endAll(user);
        x.audit("account.deleted", user, "was " + account.get().role().label());
        return null;
    }
}
