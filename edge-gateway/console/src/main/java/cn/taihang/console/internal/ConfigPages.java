package cn.taihang.console.internal;

import cn.taihang.console.auth.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.cm.Configuration;

/**
 * Configuration pages: the list of configurable PIDs with the state of their components, and a form per
 * configuration generated from MetaType, both in the crew's language as the bundles' MetaType localisation gives it. A saved change is written through ConfigurationAdmin; if the
 * component then refuses it (its own checks, e.g. an interval that does not divide an hour), the old
 * values are put back and the reason is shown.
 */
final class ConfigPages {

    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(5);

    void list(Exchange x) throws Exception {
        ConfigCatalog catalog = new ConfigCatalog(x.console.services, x.lang);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ConfigCatalog.Described d : catalog.described().values()) {
            if (d.factory()) {
                for (Map.Entry<String, Configuration> instance : catalog.instances(d.pid()).entrySet()) {
                    Object label = Optional.ofNullable(instance.getValue().getProperties()).map(p -> p.get("device")).orElse("");
                    rows.add(row(catalog, d, instance.getKey(), String.valueOf(label == null ? "" : label), true));
                }
            } else {
                rows.add(row(catalog, d, d.pid(), "", configured(x, d.pid())));
            }
        }
        Map<String, Object> model = x.model("/config");
        model.put("rows", rows);
        x.page(200, "config-list", model);
    }

    private static boolean configured(Exchange x, String pid) throws Exception {
        Configuration[] found = x.console.services.configurations().listConfigurations("(service.pid=" + pid + ")");
        return found != null && found.length > 0;
    }

    private static Map<String, Object> row(ConfigCatalog catalog, ConfigCatalog.Described d, String pid, String label, boolean configured) {
        Map<String, Object> row = Exchange.row();
        ConfigCatalog.State state = catalog.state(pid, d.factory() ? d.pid() : null);
        row.put("pid", pid);
        row.put("name", d.name());
        row.put("label", label);
        row.put("configured", configured);
        row.put("state", state.state());
        row.put("detail", state.detail());
        row.put("link", "/config/edit?pid=" + URLEncoder.encode(pid, StandardCharsets.UTF_8));
        return row;
    }

    void form(Exchange x) throws Exception {
        ConfigCatalog catalog = new ConfigCatalog(x.console.services, x.lang);
        Optional<ConfigCatalog.Target> target = catalog.target(x.param("pid"));
        if (target.isEmpty()) {
            x.message(HttpServletResponse.SC_NOT_FOUND, "config.unknown.title", "config.unknown.text");
            return;
        }
        ConfigCatalog.Target t = target.get();
        Map<String, Object> current = t.configuration() == null ? null : ConfigForm.toMap(t.configuration().getProperties());
        show(x, catalog, t, t.form().fields(current), Map.of(), null, HttpServletResponse.SC_OK);
    }

    void save(Exchange x) throws Exception {
        ConfigCatalog catalog = new ConfigCatalog(x.console.services, x.lang);
        Optional<ConfigCatalog.Target> target = catalog.target(x.param("pid"));
        if (target.isEmpty()) {
            x.message(HttpServletResponse.SC_NOT_FOUND, "config.unknown.title", "config.unknown.text");
            return;
        }
        ConfigCatalog.Target t = target.get();
        if (!mayChange(x, t)) {
            x.message(HttpServletResponse.SC_FORBIDDEN, "error.role.title", "error.role.admin");
            return;
        }
        Map<String, Object> before = t.configuration() == null ? null : ConfigForm.toMap(t.configuration().getProperties());
        ConfigForm.Parsed parsed = t.form().parse(before, id -> x.request.getParameter("f." + id));
        Set<String> locked = locked(x, t);
        List<String> refused = parsed.changes().keySet().stream().filter(locked::contains).sorted().toList();
        if (!refused.isEmpty()) {
            x.audit("config.refused", t.pid(), "admin-only settings: " + String.join(", ", refused));
            show(x, catalog, t, t.form().fields(before, id -> x.request.getParameter("f." + id)), Map.of(),
                    x.text("config.adminSetting", String.join(", ", refused)), HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (!parsed.errors().isEmpty()) {
            Map<String, String> errors = new HashMap<>();
            parsed.errors().forEach((id, p) -> errors.put(id, x.text(p.key(), p.args().toArray())));
            x.audit("config.refused", t.pid(), "invalid input: " + String.join(", ", parsed.errors().keySet()));
            show(x, catalog, t, t.form().fields(before, id -> x.request.getParameter("f." + id)), errors, x.text("config.invalid"),
                    422);
            return;
        }
        if (parsed.changes().isEmpty()) {
            x.session().flash("config.unchanged");
            x.redirect(editLink(t.pid()));
            return;
        }
        Map<String, Object> expected = new HashMap<>();
        parsed.changes().keySet().stream().filter(parsed.properties()::containsKey).forEach(k -> expected.put(k, parsed.properties().get(k)));
        Configuration written = catalog.write(t, parsed.properties());
        String detail = parsed.changes().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
        if (t.pid().equals(ConsoleConfig.PID)) {
            x.audit("config.changed", t.pid(), detail);
            x.message(HttpServletResponse.SC_OK, "config.consoleRestart.title", "config.consoleRestart.text");
            return;
        }
        ConfigCatalog.State outcome = catalog.await(t.pid(), t.factoryPid(), expected, APPLY_TIMEOUT);
        if (outcome.state().equals("FAILED")) {
            if (before == null) {
                written.delete();
            } else {
                written.update(new java.util.Hashtable<>(before));
            }
            x.audit("config.refused", t.pid(), detail + " — refused by the component: " + outcome.detail() + "; old values restored");
            catalog.await(t.pid(), t.factoryPid(), Map.of(), APPLY_TIMEOUT);
            show(x, catalog, t, t.form().fields(before, id -> x.request.getParameter("f." + id)), Map.of(),
                    x.text("config.componentRefused", outcome.detail()), 422);
            return;
        }
        x.audit("config.changed", t.pid(), detail);
        x.session().flash(outcome.state().equals("ACTIVE") ? "config.applied" : outcome.state().equals("NONE") ? "config.savedUnused" : "config.savedPending");
        x.redirect(editLink(t.pid()));
    }

    private static void show(Exchange x, ConfigCatalog catalog, ConfigCatalog.Target t, List<ConfigForm.Field> fields,
                             Map<String, String> errors, String error, int status) throws Exception {
        Map<String, Object> model = x.model("/config");
        ConfigCatalog.State state = catalog.state(t.pid(), t.factoryPid());
        model.put("pid", t.pid());
        model.put("name", t.form().name());
        model.put("description", t.form().description());
        model.put("fields", fields.stream().map(ConfigForm.Field::toModel).toList());
        model.put("errors", errors);
        model.put("editable", mayChange(x, t));
        model.put("adminOnly", SecuritySettings.adminOnly(pidOf(t)));
        model.put("locked", List.copyOf(locked(x, t)));
        model.put("security", List.copyOf(SecuritySettings.adminOnlySettings(pidOf(t))));
        model.put("state", state.state());
        model.put("stateDetail", state.detail());
        if (error != null) {
            model.put("error", error);
        }
        x.page(status, "config-form", model);
    }

    private static boolean mayChange(Exchange x, ConfigCatalog.Target t) {
        Role role = x.role();
        return role != null && role.includes(SecuritySettings.adminOnly(pidOf(t)) ? Role.ADMIN : Role.TECHNICIAN);
    }

    /** @return the settings of the target this user may not change although the form is editable to them */
    private static Set<String> locked(Exchange x, ConfigCatalog.Target t) {
        Role role = x.role();
        return role != null && role.includes(Role.ADMIN) ? Set.of() : SecuritySettings.adminOnlySettings(pidOf(t));
    }

    private static String pidOf(ConfigCatalog.Target t) {
        return t.factoryPid() != null ? t.factoryPid() : t.pid();
    }

    private static String editLink(String pid) {
        return "/config/edit?pid=" + URLEncoder.encode(pid, StandardCharsets.UTF_8);
    }
}
