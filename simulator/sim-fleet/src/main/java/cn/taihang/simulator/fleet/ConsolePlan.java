package cn.taihang.simulator.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * The maintenance consoles of a simulated network: each gateway's console on its own free port of
 * 127.0.0.1, one demo admin password per run (its bcrypt hash goes into every gateway's configuration,
 * as an installer would put it), and the console URL each gateway reports to the bridge.
 */
public final class ConsolePlan {

    /** The admin every simulated gateway's console starts with. */
    public static final String ADMIN = "admin";
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    /** In one JVM dozens of consoles run: a small thread pool each. */
    private static final int SERVER_THREADS = 6;

    private final String password;
    private final String hash;

    private ConsolePlan(String password, String hash) {
        this.password = password;
        this.hash = hash;
    }

    /** @return a plan with a fresh random admin password */
    public static ConsolePlan create() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new ConsolePlan(password.toString(), OpenBSDBCrypt.generate("2y", password.toString().toCharArray(), salt, 10));
    }

    /** @return the demo admin's password, printed for the person running the demo */
    public String password() {
        return password;
    }

    /**
     * Adds the console to a gateway's configuration file.
     *
     * @return the framework properties the gateway is launched with: its console URL
     */
    public Map<String, String> configure(Path configFile) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            int port = freePort();
            ObjectNode root = (ObjectNode) mapper.readTree(configFile.toFile());
            ObjectNode console = root.putObject("cn.taihang.console");
            console.put("httpsPort", port);
            console.put("bindAddress", "127.0.0.1");
            console.put("serverThreads", SERVER_THREADS);
            console.put(".initialAdminPasswordHash", hash);
            mapper.writeValue(configFile.toFile(), root);
            return Map.of("taihang.console.url", "https://127.0.0.1:" + port + "/");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add the console to " + configFile, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
