package cn.taihang.simulator;

import cn.taihang.bridge.RunningBridge;
import cn.taihang.bridge.module.Scopes;
import cn.taihang.simulator.run.BridgeAccess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * The demo's operator token: a bearer token of the bridge's local issuer with the operations console's scopes
 * ({@link Scopes#OPERATOR}: read everything, sign operator, dispatcher, ticket office, rental desk, fleet admin — not the
 * safety override, not the ticket keys), written owner-only to {@value #FILE} in the run directory.
 */
final class OperatorToken {

    static final String FILE = "operator.token";
    private static final Duration TTL = Duration.ofDays(7);

    private OperatorToken() {
    }

    /** @return the file written */
    static Path write(RunningBridge bridge, Path file) throws IOException {
        String token = BridgeAccess.token(bridge.tokenIssuerDir(), "operator", TTL, Scopes.OPERATOR.toArray(String[]::new));
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, token + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    static void printUsage(PrintStream out, RunningBridge bridge, Path runDir, Path token) {
        Path ca = BridgeAccess.pkiDir(runDir).resolve("ca.pem");
        out.printf("API access 接口访问: HTTPS with the city CA %s; operator token (%s, valid %d days) in %s%n", ca,
                String.join(" ", Scopes.OPERATOR), TTL.toDays(), token);
        out.printf("  curl --cacert %s -H \"Authorization: Bearer $(cat %s)\" %s/api/v1/gateways%n", ca, token, bridge.httpUrl());
        out.printf("  other tokens: ./taihang token --scope telemetry:read --subject me --ttl 8h  (the demo's issuer, %s)%n%n", bridge.tokenIssuerDir());
    }
}
