package cn.taihang.console.internal;

import java.io.IOException;
import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The gateway's configurable PIDs ({@code cn.taihang.*}) from the MetaType service, in the crew's language (the bundles'
 * MetaType localisation for the console's language), their configurations, and the state of the components that use them
 * (Declarative Services runtime), including whether a component picked up a change or refused it.
 */
final class ConfigCatalog {

    private static final String PREFIX = "cn.taihang.";
    private static final String ANY_LOCATION = "?";
    private static final Duration STABLE = Duration.ofMillis(500);

    /**
     * A configurable PID.
     *
     * @param pid the PID, or the factory PID
     * @param factory whether it is a factory PID (one configuration per instance)
     * @param bundle the bundle that declares it
     * @param name its object class's name in the crew's language
     */
    record Described(String pid, boolean factory, Bundle bundle, String name) {}

    /**
     * What a page edits.
     *
     * @param pid the configuration's PID (for a factory instance: {@code factory~name})
     * @param factoryPid the factory PID, or {@code null}
     * @param form the form of its object class
     * @param configuration the configuration, or {@code null} while none exists
     */
    record Target(String pid, String factoryPid, ConfigForm form, Configuration configuration) {}

    /**
     * How the components using a configuration are doing.
     *
     * @param state {@code ACTIVE}, {@code FAILED}, {@code WAITING}, {@code NONE} (no component uses it)
     * @param detail the failure or what it waits for, or empty
     */
    record State(String state, String detail) {}

    private final Console.Services services;
    private final String locale;

    /** @param locale the crew's language as a MetaType locale ({@code zh}, {@code en}) */
    ConfigCatalog(Console.Services services, String locale) {
        this.services = services;
        this.locale = locale;
    }

    /** @return the configurable PIDs, by PID */
    Map<String, Described> described() {
        Map<String, Described> found = new TreeMap<>();
        for (Bundle bundle : services.context().getBundles()) {
            MetaTypeInformation info = services.metaType().getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            add(found, info, bundle, info.getPids(), false);
            add(found, info, bundle, info.getFactoryPids(), true);
        }
        return found;
    }

    private void add(Map<String, Described> found, MetaTypeInformation info, Bundle bundle, String[] pids, boolean factory) {
        for (String pid : pids) {
            if (pid.startsWith(PREFIX)) {
                String name = info.getObjectClassDefinition(pid, locale).getName();
                found.put(pid, new Described(pid, factory, bundle, name == null ? pid : name));
            }
        }
    }

    /** @return the configurations of a factory PID, by PID */
    Map<String, Configuration> instances(String factoryPid) throws IOException {
        Map<String, Configuration> found = new TreeMap<>();
        for (Configuration c : list("(service.factoryPid=" + factoryPid + ")")) {
            found.put(c.getPid(), c);
        }
        return found;
    }

    /** @return what editing this PID means, if it is a configurable one */
    Optional<Target> target(String pid) throws IOException {
        if (pid == null || !pid.startsWith(PREFIX) || !pid.matches("[A-Za-z0-9_.~-]{1,200}")) {
            return Optional.empty();
        }
        Map<String, Described> described = described();
        List<Configuration> existing = list("(service.pid=" + pid + ")");
        Configuration configuration = existing.isEmpty() ? null : existing.get(0);
        String factoryPid = configuration != null ? configuration.getFactoryPid() : null;
        Described d = described.get(factoryPid != null ? factoryPid : pid);
        if (d == null || d.factory() != (factoryPid != null)) {
            return Optional.empty();
        }
        ObjectClassDefinition ocd = services.metaType().getMetaTypeInformation(d.bundle()).getObjectClassDefinition(d.pid(), locale);
        return Optional.of(new Target(pid, factoryPid, new ConfigForm(ocd), configuration));
    }

    /** Writes properties (creating the configuration if needed). */
    Configuration write(Target target, Map<String, Object> properties) throws IOException {
        Configuration c = target.configuration() != null ? target.configuration() : services.configurations().getConfiguration(target.pid(), ANY_LOCATION);
        c.update(new java.util.Hashtable<>(properties));
        return c;
    }

    /** @return the state of the components using a configuration now */
    State state(String pid, String factoryPid) {
        return find(pid, factoryPid, Map.of());
    }

    /**
     * Waits until the components using a configuration run with the changed values, or refuse them. A
     * component is taken as running once it stayed active with the new values for {@code STABLE}: Felix
     * SCR reports a component active for a moment before its activator fails.
     *
     * @param expected the changed properties (removed ones are not checked: the runtime fills in defaults)
     * @return {@code ACTIVE}, {@code FAILED} with the reason, {@code NONE}, or {@code WAITING} if it has not happened in time
     */
    State await(String pid, String factoryPid, Map<String, Object> expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long activeSince = 0;
        while (true) {
            State state = find(pid, factoryPid, expected);
            long now = System.nanoTime();
            if (state.state().equals("ACTIVE")) {
                activeSince = activeSince == 0 ? now : activeSince;
                if (now - activeSince >= STABLE.toNanos()) {
                    return state;
                }
            } else {
                activeSince = 0;
                if (!state.state().equals("WAITING")) {
                    return state;
                }
            }
            if (now > deadline) {
                return activeSince != 0 ? new State("ACTIVE", "") : state;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(25));
        }
    }

    private State find(String pid, String factoryPid, Map<String, Object> expected) {
        String used = factoryPid != null ? factoryPid : pid;
        boolean anyUser = false;
        for (ComponentDescriptionDTO d : services.components().getComponentDescriptionDTOs()) {
            if (!List.of(d.configurationPid).contains(used)) {
                continue;
            }
            anyUser = true;
            for (ComponentConfigurationDTO c : services.components().getComponentConfigurationDTOs(d)) {
                if (!servicePids(c.properties.get("service.pid")).contains(pid) || !matches(c.properties, expected)) {
                    continue;
                }
                return switch (c.state) {
                    case ComponentConfigurationDTO.ACTIVE, ComponentConfigurationDTO.SATISFIED -> new State("ACTIVE", "");
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> new State("FAILED", firstLine(c.failure));
                    default -> new State("WAITING", "unsatisfied references");
                };
            }
        }
        return anyUser ? new State("WAITING", "") : new State("NONE", "");
    }

    private static boolean matches(Map<String, Object> actual, Map<String, Object> expected) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object value = actual.get(e.getKey());
            if (!canonical(value).equals(canonical(e.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static String canonical(Object value) {
        if (value == null) {
            return "";
        }
        if (value.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                parts.add(canonical(Array.get(value, i)));
            }
            return String.join(",", parts);
        }
        if (value instanceof Collection<?> c) {
            return String.join(",", c.stream().map(ConfigCatalog::canonical).toList());
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
        }
        return String.valueOf(value);
    }

    private static List<String> servicePids(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] a) {
            return List.of(a);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static String firstLine(String failure) {
        if (failure == null) {
            return "activation failed";
        }
        String line = failure.lines().filter(l -> l.startsWith("Caused by: ")).reduce((a, b) -> b).orElse(failure.lines().findFirst().orElse(failure));
        int at = line.indexOf("Exception: ");
        return at >= 0 ? line.substring(at + "Exception: ".length()) : line;
    }

    private List<Configuration> list(String filter) throws IOException {
        try {
            Configuration[] found = services.configurations().listConfigurations(filter);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("bad configuration filter " + filter, e);
        }
    }
}
