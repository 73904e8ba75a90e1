package cn.taihang.distribution.console;

import static org.awaitility.Awaitility.await;

import cn.taihang.hardware.sim.harness.HarnessServer;
import cn.taihang.hardware.sim.harness.VirtualBoard;
import cn.taihang.launcher.EmbeddedGateway;
import cn.taihang.launcher.LaunchSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A gateway of the real distribution in Felix with the maintenance console on a free port of 127.0.0.1,
 * one counter lane (GPIO 17/27) on the simulated board, and GPIO 18 as the console's relay test pin.
 */
final class ConsoleGateway implements AutoCloseable {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "correct horse battery";
    static final String LANE_PID = "cn.taihang.counter.lane~l1";
    static final int RELAY_PIN = 18;
    /** The distribution directory the build assembles (as in the other in-framework tests). */
    static final Path DIST = Path.of(System.getProperty("taihang.dist.dir", "target/taihang-gateway"));

    final HarnessServer harness;
    final EmbeddedGateway gateway;
    final VirtualBoard board;
    final int port;
    final Path dataDir;

    private ConsoleGateway(HarnessServer harness, EmbeddedGateway gateway, VirtualBoard board, int port, Path dataDir) {
        this.harness = harness;
        this.gateway = gateway;
        this.board = board;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * @param dir a fresh directory
     * @param withAdminHash whether the install configuration carries the first admin's password hash
     * @param consoleConfig more console properties (JSON members, with a leading comma), or empty
     * @param extraConfig more configuration entries (JSON members, with a leading comma), or empty
     * @param frameworkProperties extra framework properties
     */
    static ConsoleGateway start(Path dir, boolean withAdminHash, String consoleConfig, String extraConfig, Map<String, String> frameworkProperties)
            throws Exception {
        return start(dir, withAdminHash, consoleConfig, extraConfig, frameworkProperties, board -> { });
    }

    /** As above; {@code wiring} gets the simulated board before the gateway starts (e.g. to put a panel behind a serial port). */
    static ConsoleGateway start(Path dir, boolean withAdminHash, String consoleConfig, String extraConfig, Map<String, String> frameworkProperties,
                                java.util.function.Consumer<VirtualBoard> wiring) throws Exception {
        HarnessServer harness = HarnessServer.start();
        try {
            wiring.accept(harness.board("gw-console-test"));
            int port = freePort();
            String hash = withAdminHash ? "\"" + bcrypt(ADMIN_PASSWORD) + "\"" : "\"\"";
            Path config = Files.writeString(dir.resolve("gateway.json"), """
                    {
                      "cn.taihang.gateway": {"gatewayId": "gw-console-test", "site": "zheshui", "siteName": "浙水 Zheshui"},
                      "cn.taihang.hardware.sim": {"harnessPort": %d, "nodeId": "gw-console-test"},
                      "cn.taihang.counter.lane~l1": {"device": "zheshui-l1", "description": "浙水 上行 / Zheshui upbound",
                                                     "loopAPin": 17, "loopBPin": 27, "debounceMillis": 0},
                      "cn.taihang.console": {"httpsPort": %d, "bindAddress": "127.0.0.1", "relayPins": [%d],
                                             ".initialAdminPasswordHash": %s %s}
                      %s
                    }
                    """.formatted(harness.port(), port, RELAY_PIN, hash, consoleConfig, extraConfig), StandardCharsets.UTF_8);
            Path data = dir.resolve("data");
            EmbeddedGateway gateway = EmbeddedGateway.start(new LaunchSpec(config, data, DIST.resolve("bundles"),
                    frameworkProperties, Duration.ofSeconds(20)));
            if (!gateway.readiness().ready()) {
                gateway.close();
                throw new IllegalStateException("gateway not ready: " + gateway.readiness().problems());
            }
            VirtualBoard board = harness.awaitNode("gw-console-test", Duration.ofSeconds(10));
            await().atMost(20, TimeUnit.SECONDS).until(() -> listening(port));
            return new ConsoleGateway(harness, gateway, board, port, data);
        } catch (Exception | Error e) {
            harness.close();
            throw e;
        }
    }

    String url(String path) {
        return "https://127.0.0.1:" + port + path;
    }

    BundleContext context() {
        return gateway.framework().getBundleContext();
    }

    /** @return the current properties of a configuration, straight from ConfigurationAdmin */
    Map<String, Object> configuration(String pid) throws Exception {
        ServiceReference<ConfigurationAdmin> reference = context().getServiceReference(ConfigurationAdmin.class);
        ConfigurationAdmin admin = context().getService(reference);
        try {
            Configuration[] found = admin.listConfigurations("(service.pid=" + pid + ")");
            var properties = found[0].getProperties();
            Map<String, Object> map = new java.util.HashMap<>();
            for (var keys = properties.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                map.put(key, properties.get(key));
            }
            return map;
        } finally {
            context().ungetService(reference);
        }
    }

    /** @return a service property of the lane's Device service (DS puts the configuration there) */
    Object laneServiceProperty(String name) throws Exception {
        ServiceReference<?>[] references = context().getAllServiceReferences("cn.taihang.gateway.api.Device", "(device=zheshui-l1)");
        return references == null ? null : references[0].getProperty(name);
    }

    /** @return the console's certificate, read from the gateway's data directory */
    X509Certificate certificate() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        char[] password = Files.readString(dataDir.resolve("console/console.p12.password")).strip().toCharArray();
        try (InputStream in = Files.newInputStream(dataDir.resolve("console/console.p12"))) {
            store.load(in, password);
        }
        return (X509Certificate) store.getCertificate("console");
    }

    /** @return TLS that trusts exactly the gateway's own certificate */
    SSLContext trustingTheGateway() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("gateway", certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), new SecureRandom());
        return tls;
    }

    @Override
    public void close() {
        gateway.close();
        harness.close();
    }

    static String bcrypt(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 4);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
