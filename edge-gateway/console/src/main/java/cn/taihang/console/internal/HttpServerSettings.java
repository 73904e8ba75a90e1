package cn.taihang.console.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The configuration of Felix HTTP (Jetty 12) that the console writes: HTTPS only, with the gateway's own
 * certificate, a small thread pool. The launcher sets {@code org.apache.felix.http.require.config=true},
 * so Jetty opens no port until this configuration exists, and stops when the console deletes it.
 */
final class HttpServerSettings {

    /** Felix HTTP's PID. */
    static final String PID = "org.apache.felix.http";
    private static final String ANY_LOCATION = "?";

    private HttpServerSettings() {
    }

    static Dictionary<String, Object> properties(ConsoleConfig config, Path keystore, String password) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("org.apache.felix.http.enable", false);
        p.put("org.apache.felix.https.enable", true);
        p.put("org.osgi.service.http.port.secure", config.httpsPort());
        p.put("org.apache.felix.http.host", config.bindAddress());
        p.put("org.apache.felix.https.keystore", keystore.toAbsolutePath().toString());
        p.put("org.apache.felix.https.keystore.password", password);
        p.put("org.apache.felix.https.keystore.key.password", password);
        p.put("org.apache.felix.https.keystore.type", "PKCS12");
        p.put("org.apache.felix.https.jetty.protocols.included", "TLSv1.3,TLSv1.2");
        p.put("org.apache.felix.http2.enable", false);
        p.put("org.apache.felix.http.jetty.threadpool.max", config.serverThreads());
        p.put("org.apache.felix.http.jetty.acceptors", 1);
        p.put("org.apache.felix.http.jetty.selectors", 1);
        p.put("org.apache.felix.http.jetty.sendServerHeader", false);
        p.put("org.apache.felix.http.jetty.maxFormSize", 65536);
        p.put("org.apache.felix.http.jetty.requestSizeLimit", 262144);
        p.put("org.apache.felix.http.timeout", 30000);
        p.put("org.apache.felix.http.mbeans", false);
        return p;
    }

    /** Writes the configuration if it differs from the current one (an unchanged one does not restart Jetty). */
    static void apply(ConfigurationAdmin admin, Dictionary<String, Object> properties) throws IOException {
        Configuration configuration = admin.getConfiguration(PID, ANY_LOCATION);
        configuration.updateIfDifferent(properties);
    }

    /** Deletes the configuration: Jetty closes its port. */
    static void remove(ConfigurationAdmin admin) throws IOException {
        Configuration[] found;
        try {
            found = admin.listConfigurations("(service.pid=" + PID + ")");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (found != null) {
            for (Configuration c : found) {
                c.delete();
            }
        }
    }
}
