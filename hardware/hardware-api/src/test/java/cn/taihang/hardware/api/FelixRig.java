package cn.taihang.hardware.api;

import static org.awaitility.Awaitility.await;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * A real Felix for in-framework tests of hardware bundles, with SCR, ConfigAdmin and MetaType (the
 * test needs them and Felix on its classpath). Bundles are installed by reference from wherever a
 * class of theirs is on the test classpath: a jar, or a module's target/classes holding the manifest
 * bnd wrote. Services are used by reflection, since their classes live inside the framework.
 */
public final class FelixRig implements AutoCloseable {

    /** Anchor classes of the runtime bundles every gateway has (DESIGN §9). */
    public static final List<String> RUNTIME = List.of("org.osgi.util.function.Function", "org.osgi.util.promise.Promise",
            "org.osgi.service.component.ComponentContext", "org.osgi.service.log.LogService",
            "org.apache.felix.scr.impl.Activator", "org.apache.felix.cm.impl.Activator",
            "org.apache.felix.metatype.internal.Activator", "cn.taihang.hardware.api.Gpio");

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Framework framework;

    /** Starts Felix with its storage under {@code target/}, exporting slf4j from the classpath as the launcher does. */
    public FelixRig() throws Exception {
        Path storage = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "felix");
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
                "org.slf4j;version=2.0.16,org.slf4j.event;version=2.0.16,org.slf4j.helpers;version=2.0.16,org.slf4j.spi;version=2.0.16"));
        framework.start();
    }

    /** @return the system bundle's context */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /**
     * Installs and starts the bundles that hold these classes, in order.
     *
     * @return the bundles
     */
    public List<Bundle> start(List<String> anchorClasses) throws Exception {
        List<Bundle> bundles = new ArrayList<>();
        for (String anchor : anchorClasses) {
            Class<?> type = Class.forName(anchor);
            String location = type.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
            bundles.add(context().installBundle("reference:" + location));
        }
        for (Bundle bundle : bundles) {
            try {
                bundle.start();
            } catch (BundleException e) {
                throw new AssertionError("bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage(), e);
            }
        }
        return bundles;
    }

    /** @return the installed bundle with this symbolic name */
    public Bundle bundle(String symbolicName) {
        for (Bundle bundle : context().getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " installed");
    }

    /**
     * Waits for a service, looked up without the class-space check (the test's classpath holds its own
     * copies of the interfaces, which the framework would count as incompatible).
     */
    public Object awaitService(String type) {
        ServiceReference<?> ref = await().atMost(WAIT).until(() -> reference(type), r -> r != null);
        return context().getService(ref);
    }

    /** @return whether a service of this type is registered now */
    public boolean hasService(String type) throws Exception {
        return reference(type) != null;
    }

    private ServiceReference<?> reference(String type) throws Exception {
        ServiceReference<?>[] refs = context().getAllServiceReferences(type, null);
        return refs == null ? null : refs[0];
    }

    /** Writes a configuration through ConfigurationAdmin. */
    public void configure(String pid, Map<String, ?> properties) throws Exception {
        Object admin = awaitService("org.osgi.service.cm.ConfigurationAdmin");
        Bundle cm = bundle("org.apache.felix.configadmin");
        Object configuration = cm.loadClass("org.osgi.service.cm.ConfigurationAdmin")
                .getMethod("getConfiguration", String.class, String.class).invoke(admin, pid, "?");
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        Method update = cm.loadClass("org.osgi.service.cm.Configuration").getMethod("update", Dictionary.class);
        update.invoke(configuration, dictionary);
    }

    /** Calls a public method of a service interface on an object living inside the framework. */
    public Object call(Object target, String bundle, String type, String method, Class<?>[] parameters, Object... arguments)
            throws Exception {
        return bundle(bundle).loadClass(type).getMethod(method, parameters).invoke(target, arguments);
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(WAIT.toMillis());
    }
}
