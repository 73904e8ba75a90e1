package cn.taihang.distribution.console;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Services of the gateway's own class space, used reflectively: their types are not the test's (the bundles load
 * their own copies), so they are found with getAllServiceReferences and called by name.
 */
final class FrameworkServices {

    private final BundleContext context;

    FrameworkServices(BundleContext context) {
        this.context = context;
    }

    /** @return the first service of a type (and filter, or {@code null}) */
    Object service(String type, String filter) throws Exception {
        ServiceReference<?>[] references = context.getAllServiceReferences(type, filter);
        if (references == null || references.length == 0) {
            throw new AssertionError("no " + type + " service" + (filter == null ? "" : " matching " + filter));
        }
        return context.getService(references[0]);
    }

    /** @return a class of the gateway's gateway-api bundle */
    Class<?> apiClass(String name) throws ClassNotFoundException {
        for (Bundle b : context.getBundles()) {
            if ("cn.taihang.gateway-api".equals(b.getSymbolicName())) {
                return b.loadClass(name);
            }
        }
        throw new AssertionError("gateway-api bundle not installed");
    }

    /** Calls the public method of that name and argument count. */
    static Object call(Object target, String method, Object... args) {
        try {
            Method m = Arrays.stream(target.getClass().getMethods()).filter(x -> x.getName().equals(method) && x.getParameterCount() == args.length)
                    .findFirst().orElseThrow(() -> new AssertionError(target.getClass() + " has no " + method));
            m.setAccessible(true);
            return m.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(method + " failed", e.getCause() != null ? e.getCause() : e);
        }
    }
}
