package cn.taihang.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway running in an Apache Felix framework embedded in this JVM: the production launcher uses
 * one, the simulator may host many side by side (each with its own framework, bundles and data).
 */
public final class EmbeddedGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedGateway.class);

    /** Framework property: the gateway's data directory, read by the store and others. */
    public static final String DATA_DIR_PROPERTY = "taihang.data.dir";
    /** Framework property: the gateway software version, reported in the birth message. */
    public static final String VERSION_PROPERTY = "taihang.version";

    private final Framework framework;
    private final ConfigurationFile configuration;
    private final Readiness readiness;

    private EmbeddedGateway(Framework framework, ConfigurationFile configuration, Readiness readiness) {
        this.framework = framework;
        this.configuration = configuration;
        this.readiness = readiness;
    }

    /**
     * Starts a gateway and waits until it is up or the spec's ready timeout passes. A gateway that is
     * not fully up still runs (so that a crew can reach it); {@link #readiness()} says what is wrong.
     *
     * @throws LaunchException if the configuration file is invalid or the framework cannot start
     */
    public static EmbeddedGateway start(LaunchSpec spec) throws LaunchException {
        return start(spec, context -> { });
    }

    /**
     * As {@link #start(LaunchSpec)}, letting the caller register services from the system bundle before any bundle
     * starts (the launcher's {@code SlotControl}).
     *
     * @param beforeBundlesStart called with the system bundle's context once the framework is initialised
     * @throws LaunchException if the configuration file is invalid or the framework cannot start
     */
    public static EmbeddedGateway start(LaunchSpec spec, Consumer<BundleContext> beforeBundlesStart) throws LaunchException {
        long startNanos = System.nanoTime();
        ConfigurationFile configuration;
        try {
            configuration = ConfigurationFile.read(spec.configFile());
        } catch (ConfigurationFileException e) {
            throw new LaunchException(e.getMessage(), e);
        }
        List<Path> bundleFiles = bundleFiles(spec.bundlesDir());
        Framework framework = newFramework(spec);
        try {
            framework.init();
            BundleContext context = framework.getBundleContext();
            beforeBundlesStart.accept(context);
            List<Bundle> installed = new ArrayList<>();
            for (Path file : bundleFiles) {
                installed.add(context.installBundle("reference:" + file.toUri()));
            }
            framework.start();
            List<String> problems = new ArrayList<>();
            for (Bundle bundle : installed) {
                if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    try {
                        bundle.start();
                    } catch (BundleException e) {
                        problems.add("bundle " + bundle.getSymbolicName() + " cannot start: " + e.getMessage());
                    }
                }
            }
            applyConfiguration(context, configuration, spec.dataDir());
            Readiness readiness = new ReadinessProbe(context).await(startNanos, spec.readyTimeout().toMillis(), problems);
            return new EmbeddedGateway(framework, configuration, readiness);
        } catch (BundleException | IOException | RuntimeException e) {
            stopQuietly(framework);
            throw new LaunchException("gateway failed to start: " + e.getMessage(), e);
        }
    }

    private static Framework newFramework(LaunchSpec spec) throws LaunchException {
        Path data = spec.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(data.resolve("config"));
        } catch (IOException e) {
            throw new LaunchException("cannot create the data directory " + data + ": " + e.getMessage() + "; check the path and permissions", e);
        }
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, data.resolve("felix-cache").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                SystemPackages.exports(EmbeddedGateway.class.getClassLoader(), SystemPackages.sharedBundles(spec.bundlesDir())));
        properties.put("felix.service.urlhandlers", "false");
        properties.put("felix.cm.dir", data.resolve("config").toString());
        properties.put("ds.loglevel", "warn");
        properties.put(DATA_DIR_PROPERTY, data.toString());
        properties.put(VERSION_PROPERTY, softwareVersion());
        // Felix HTTP (the maintenance console's server) opens no port until its configuration says where
        properties.put("org.apache.felix.http.require.config", "true");
        properties.putAll(spec.frameworkProperties());
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, EmbeddedGateway.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the classpath; the distribution's lib/ must hold org.apache.felix.framework"));
        return factory.newFramework(properties);
    }

    private static void applyConfiguration(BundleContext context, ConfigurationFile configuration, Path dataDir) throws IOException {
        ServiceReference<ConfigurationAdmin> reference = context.getServiceReference(ConfigurationAdmin.class);
        if (reference == null) {
            throw new IOException("ConfigurationAdmin is not running; the bundles directory must hold org.apache.felix.configadmin");
        }
        try {
            new ConfigurationApplier(dataDir.resolve("applied-configuration")).apply(configuration, context.getService(reference));
        } finally {
            context.ungetService(reference);
        }
    }

    private static List<Path> bundleFiles(Path dir) throws LaunchException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new LaunchException("no bundles in " + dir + "; pass the distribution's bundles directory with --bundles");
            }
            return jars;
        } catch (IOException e) {
            throw new LaunchException("cannot list the bundles directory " + dir + ": " + e.getMessage() + "; pass it with --bundles", e);
        }
    }

    static String softwareVersion() {
        String version = EmbeddedGateway.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** @return what is not up right now (bundles, components), each saying what to do; empty when all is up */
    public List<String> problemsNow() {
        BundleContext context = framework.getBundleContext();
        return context == null ? List.of("the framework is not running") : new ReadinessProbe(context).await(System.nanoTime(), 0, List.of()).problems();
    }

    /** @return the verdict of the start */
    public Readiness readiness() {
        return readiness;
    }

    /** @return the configuration file the gateway was started with */
    public ConfigurationFile configuration() {
        return configuration;
    }

    /** @return the running framework */
    public Framework framework() {
        return framework;
    }

    /**
     * Stops the framework (components deactivate: the cloud link sends its death message) and waits.
     *
     * @param timeout how long to wait for the framework to stop
     * @return whether it stopped in time
     */
    public boolean stop(Duration timeout) {
        try {
            framework.stop();
            return framework.waitForStop(timeout.toMillis()).getType() != org.osgi.framework.FrameworkEvent.WAIT_TIMEDOUT;
        } catch (BundleException e) {
            LOG.warn("framework stop failed: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops with a 10 s timeout. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(5000);
        } catch (BundleException | RuntimeException e) {
            LOG.debug("framework stop after failed start: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
