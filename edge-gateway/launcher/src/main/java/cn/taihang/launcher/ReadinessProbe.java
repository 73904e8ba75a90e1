package cn.taihang.launcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Waits until every bundle is active and every component that has (or needs no) configuration is
 * active, or a deadline passes; then says what is not up and why.
 */
final class ReadinessProbe {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final BundleContext context;

    ReadinessProbe(BundleContext context) {
        this.context = context;
    }

    Readiness await(long launchStartNanos, long timeoutMillis, List<String> startProblems) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            Check check = checkOnce();
            boolean timedOut = System.nanoTime() > deadline;
            if (check.pending.isEmpty() || timedOut) {
                List<String> problems = new ArrayList<>(startProblems);
                problems.addAll(check.failed);
                if (timedOut) {
                    check.pending.forEach(p -> problems.add(p + " (still not up after " + timeoutMillis + " ms)"));
                }
                long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchStartNanos);
                return new Readiness(problems.isEmpty(), elapsed, context.getBundles().length, check.active, problems, check.warnings);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private Check checkOnce() {
        Check check = new Check();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                check.pending.add("bundle " + bundle.getSymbolicName() + " is not active (state " + bundle.getState() + ")");
            }
        }
        ServiceReference<ServiceComponentRuntime> scrReference = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceReference<ConfigurationAdmin> adminReference = context.getServiceReference(ConfigurationAdmin.class);
        ServiceComponentRuntime scr = scrReference == null ? null : context.getService(scrReference);
        ConfigurationAdmin admin = adminReference == null ? null : context.getService(adminReference);
        try {
            if (scr == null || admin == null) {
                check.pending.add("Declarative Services or ConfigurationAdmin is not running yet");
            } else {
                checkComponents(scr, admin, check);
            }
        } finally {
            if (scr != null) {
                context.ungetService(scrReference);
            }
            if (admin != null) {
                context.ungetService(adminReference);
            }
        }
        return check;
    }

    private void checkComponents(ServiceComponentRuntime scr, ConfigurationAdmin admin, Check check) {
        Set<String> usedPids = managedServicePids();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            usedPids.addAll(Arrays.asList(description.configurationPid));
            if (scr.isComponentEnabled(description)) {
                checkComponent(scr, admin, description, check);
            }
        }
        for (Configuration configuration : configurations(admin, null)) {
            String pid = configuration.getFactoryPid() != null ? configuration.getFactoryPid() : configuration.getPid();
            if (!usedPids.contains(pid)) {
                check.warnings.add("configuration " + configuration.getPid() + " is used by no component: check the PID for typos");
            }
        }
    }

    /** PIDs of ManagedService(Factory) registrations, e.g. Felix HTTP's, written by the console: used, not typos. */
    private Set<String> managedServicePids() {
        Set<String> pids = new HashSet<>();
        for (String type : List.of("org.osgi.service.cm.ManagedService", "org.osgi.service.cm.ManagedServiceFactory")) {
            try {
                ServiceReference<?>[] references = context.getAllServiceReferences(type, null);
                for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
                    Object pid = reference.getProperty("service.pid");
                    if (pid instanceof String p) {
                        pids.add(p);
                    } else if (pid instanceof String[] many) {
                        pids.addAll(Arrays.asList(many));
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return pids;
    }

    private void checkComponent(ServiceComponentRuntime scr, ConfigurationAdmin admin, ComponentDescriptionDTO description, Check check) {
        String name = description.name;
        int expected = "require".equals(description.configurationPolicy) ? countConfigurations(admin, description) : 1;
        List<ComponentConfigurationDTO> configurations = new ArrayList<>(scr.getComponentConfigurationDTOs(description));
        if (configurations.size() < expected) {
            check.pending.add("component " + name + " has " + configurations.size() + " of " + expected + " configurations active");
        }
        for (ComponentConfigurationDTO c : configurations) {
            switch (c.state) {
                case ComponentConfigurationDTO.ACTIVE -> check.active++;
                case ComponentConfigurationDTO.SATISFIED -> {
                    if (description.immediate) {
                        check.pending.add("component " + name + " is satisfied but not active: its activation failed (the log above says why)"
                                + " — fix its configuration (PIDs " + String.join(", ", description.configurationPid) + ")");
                    } else {
                        check.active++;
                    }
                }
                case ComponentConfigurationDTO.FAILED_ACTIVATION -> check.failed.add("component " + name + " failed to activate: "
                        + firstLine(c.failure) + " — fix its configuration (PIDs " + String.join(", ", description.configurationPid) + ")");
                case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> check.pending.add("component " + name + " is waiting for "
                        + describe(description, c.unsatisfiedReferences));
                default -> check.pending.add("component " + name + " is waiting for its configuration");
            }
        }
    }

    private static int countConfigurations(ConfigurationAdmin admin, ComponentDescriptionDTO description) {
        int count = 0;
        for (String pid : description.configurationPid) {
            count = Math.max(count, configurations(admin, "(|(service.pid=" + pid + ")(service.factoryPid=" + pid + "))").size());
        }
        return count;
    }

    private static List<Configuration> configurations(ConfigurationAdmin admin, String filter) {
        try {
            Configuration[] found = admin.listConfigurations(filter);
            return found == null ? List.of() : Arrays.asList(found);
        } catch (IOException | InvalidSyntaxException e) {
            return List.of();
        }
    }

    private static String describe(ComponentDescriptionDTO description, UnsatisfiedReferenceDTO[] references) {
        List<String> names = new ArrayList<>();
        for (UnsatisfiedReferenceDTO reference : references) {
            String type = Arrays.stream(description.references).filter(r -> r.name.equals(reference.name)).map(r -> r.interfaceName)
                    .findFirst().orElse(reference.name);
            names.add(type + (reference.target == null ? "" : " " + reference.target));
        }
        return names.isEmpty() ? "its references" : "services " + String.join(", ", names);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown failure";
        }
        String line = text.lines().filter(l -> l.startsWith("Caused by: ")).reduce((first, last) -> last)
                .orElse(text.lines().findFirst().orElse(text));
        int caused = line.indexOf("Exception: ");
        return caused >= 0 ? line.substring(caused + "Exception: ".length()) : line;
    }

    private static final class Check {
        final List<String> pending = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        int active;
    }
}
