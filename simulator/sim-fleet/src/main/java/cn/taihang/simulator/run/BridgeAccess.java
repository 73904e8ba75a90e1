package cn.taihang.simulator.run;

import cn.taihang.bridge.BridgeOptions;
import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.ca.CaException;
import cn.taihang.bridge.ca.CityCa;
import cn.taihang.bridge.http.auth.ApiTrust;
import cn.taihang.bridge.http.auth.LocalTokenIssuer;
import cn.taihang.identity.IdentityFiles;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How the simulator reaches a bridge as the city's systems do: the bridge instance enrolled with the run's city CA
 * ({@code <runDir>/pki}, identity in {@code <runDir>/bridge/identity}), each simulated gateway too
 * ({@code <runDir>/gateways/<id>/identity}, for its TLS uplink), clients trusting that CA only, and bearer tokens minted
 * by the bridge's local issuer with just the scopes each client needs.
 */
public final class BridgeAccess {

    /** The bridge instance's id in the run's CA. */
    public static final String BRIDGE_ID = "taihang-bridge-sim";
    private static final Duration CLIENT_TOKEN_TTL = Duration.ofDays(1);

    private BridgeAccess() {
    }

    /** @return the run's city CA directory */
    public static Path pkiDir(Path runDir) {
        return runDir.resolve("pki");
    }

    /**
     * Gives the options the bridge instance's identity, enrolling it with the run's city CA first if it has none (a
     * kept run reuses both).
     *
     * @throws IOException if the CA or the identity cannot be made
     */
    public static BridgeOptions secure(BridgeOptions options, Path runDir) throws IOException {
        return options.withIdentityDir(enrol(pkiDir(runDir), runDir.resolve("bridge").resolve("identity")));
    }

    /**
     * Enrols a bridge instance in {@code identityDir} with the CA in {@code pkiDir} (made if missing), unless it is
     * enrolled already.
     *
     * @return the identity directory
     */
    public static Path enrol(Path pkiDir, Path identityDir) throws IOException {
        if (!IdentityFiles.in(identityDir).isEnrolled()) {
            try {
                CityCa.openOrCreate(pkiDir).enrolBridge(identityDir, BRIDGE_ID, List.of());
            } catch (CaException e) {
                throw new IOException("cannot enrol the bridge with the run's CA: " + e.getMessage(), e);
            }
        }
        return identityDir;
    }

    /** @return where a simulated gateway's identity lives in a run: {@code <runDir>/gateways/<id>/identity} */
    public static Path gatewayIdentityDir(Path runDir, String gatewayId) {
        return runDir.resolve("gateways").resolve(gatewayId).resolve("identity");
    }

    /**
     * Enrols a gateway with the run's city CA ({@code <runDir>/pki}, made if missing) as its installer would: its key
     * pair made in its own identity directory, the CA signing a certificate naming its id and site; a gateway already
     * enrolled as that id and site is kept (a kept run reuses it).
     *
     * @return the gateway's identity directory, {@link #gatewayIdentityDir}
     * @throws IOException if the CA or the identity cannot be made
     */
    public static Path enrolGateway(Path runDir, String gatewayId, String site) throws IOException {
        Path identityDir = gatewayIdentityDir(runDir, gatewayId);
        if (!IdentityFiles.in(identityDir).isEnrolled()) {
            try {
                CityCa.openOrCreate(pkiDir(runDir)).enrolGateway(identityDir, gatewayId, site);
            } catch (CaException e) {
                throw new IOException("cannot enrol gateway " + gatewayId + " with the run's CA: " + e.getMessage(), e);
            }
        }
        return identityDir;
    }

    /**
     * Enrols a gateway ({@link #enrolGateway(Path, String, String)}) and pins that bridge's command trust anchor in its
     * identity directory ({@code command-anchor.json}), the installer's second step: the gateway then obeys commands the
     * bridge's command key signs, and no others.
     *
     * @return the gateway's identity directory
     * @throws IOException if the CA, the identity or the anchor file cannot be made
     */
    public static Path enrolGateway(RunningBridge bridge, Path runDir, String gatewayId, String site) throws IOException {
        Path identityDir = enrolGateway(runDir, gatewayId, site);
        bridge.commandAnchor().write(identityDir);
        return identityDir;
    }

    /** @return an HTTP/1.1 client trusting the bridge's CA only */
    public static HttpClient httpClient(RunningBridge bridge) throws IOException {
        return httpClient(bridge.caCertificates());
    }

    /** @return an HTTP/1.1 client trusting only the CA certificates of {@code caPem} */
    public static HttpClient httpClient(Path caPem) throws IOException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .sslContext(ApiTrust.clientContext(caPem)).build();
    }

    /**
     * @param subject who the token is for, e.g. {@code simulator-tickets}
     * @return a token of the bridge's local issuer with these scopes, valid for a day
     * @throws IOException if the issuer's key cannot be read
     */
    public static String token(RunningBridge bridge, String subject, String... scopes) throws IOException {
        return token(bridge.tokenIssuerDir(), subject, CLIENT_TOKEN_TTL, scopes);
    }

    /** @return a token of the local issuer whose keys are in {@code secretsDir} */
    public static String token(Path secretsDir, String subject, Duration ttl, String... scopes) throws IOException {
        if (secretsDir == null || !Files.isDirectory(secretsDir)) {
            throw new IOException("the bridge has no local token issuer (" + secretsDir + ")");
        }
        try (LocalTokenIssuer issuer = LocalTokenIssuer.open(secretsDir, Clock.systemUTC())) {
            return issuer.mint(subject, subject, Set.of(scopes), ttl);
        }
    }
}
