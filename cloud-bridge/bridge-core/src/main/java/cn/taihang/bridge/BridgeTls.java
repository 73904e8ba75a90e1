package cn.taihang.bridge;

import cn.taihang.identity.CertificateRefusedException;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.identity.Kind;
import cn.taihang.identity.TlsContext;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.function.Consumer;

/**
 * The bridge instance's TLS contexts, made from its identity (one key and certificate, kind bridge): the server end
 * (the embedded broker; it also checks the certificate chains gateways carry in their births) and the client end (the
 * bridge's MQTT connection, to its embedded broker or an external one).
 *
 * @param server accepts gateways and bridges as clients; client certificates required
 * @param client accepts a bridge (the embedded broker) or a broker identity as the server
 */
record BridgeTls(TlsContext server, TlsContext client) {

    /**
     * @param identityDir the bridge instance's identity directory; null is refused with what to do
     * @param refusals told of every certificate the server end refuses
     * @throws IllegalStateException if there is no identity directory, naming the enrolment steps
     * @throws IOException if the identity files cannot be read (or the bridge is not enrolled: the message says how)
     * @throws GeneralSecurityException if they do not fit together or are not a bridge's
     */
    static BridgeTls load(Path identityDir, Consumer<CertificateRefusedException> refusals) throws IOException, GeneralSecurityException {
        if (identityDir == null) {
            throw new IllegalStateException("the bridge has no identity: MQTT is TLS with client certificates only. Give it one with "
                    + "--identity DIR, made with `pki make-bridge-csr --dir DIR --id <instance>`, `pki enrol-bridge` at the CA and "
                    + "`pki install` (cloud-bridge/bridge-ca/README.md)");
        }
        IdentityFiles files = IdentityFiles.in(identityDir);
        TlsContext server = TlsContext.server(files).accept(Kind.GATEWAY, Kind.BRIDGE).onRefusal(refusals).build();
        if (server.identity().kind() != Kind.BRIDGE) {
            throw new GeneralSecurityException(identityDir + " holds the identity of " + server.identity() + ", not a bridge instance's");
        }
        TlsContext client = TlsContext.client(files).accept(Kind.BRIDGE, Kind.BROKER).build();
        return new BridgeTls(server, client);
    }
}
