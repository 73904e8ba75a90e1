package cn.taihang.bridge.fleet;

import cn.taihang.identity.CertificateRefusedException;
import cn.taihang.identity.Identity;
import cn.taihang.identity.Kind;
import cn.taihang.identity.TlsContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Who each gateway is, as the city CA says: the bridge believes the site and id of the certificate chain a gateway's
 * birth carries (checked against the bridge's trust anchors and current CRL, like a TLS handshake), never the ones a
 * topic or payload claims. An external broker (mosquitto: {@code %u} patterns) binds the gateway id of a topic to the
 * certificate but cannot check its site segment, so every birth, death and batch is held against this. Kept in the
 * table {@code gateway_identities} across restarts, in memory for the ingest path; thread-safe.
 */
public final class VerifiedGateways {

    /** Why a message was not believed; the names are the security events' reasons. */
    public enum Refusal {
        /** No birth with a valid certificate chain has been seen from this gateway (the bridge asks it for a rebirth). */
        UNKNOWN_GATEWAY,
        /** The topic's site is not the site the gateway's certificate names. */
        SITE_MISMATCH,
        /** The gateway's certificate was revoked (or expired) since its birth. */
        REVOKED
    }

    /** A gateway as its certificate names it; {@code revoked} is why it no longer counts, or null. */
    private record Entry(Identity identity, List<X509Certificate> chain, CertificateRefusedException revoked) {}

    private static final String UPSERT = """
            INSERT INTO gateway_identities (gateway, site, serial, not_after_ms, chain, verified_ms) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (gateway) DO UPDATE SET site = excluded.site, serial = excluded.serial, not_after_ms = excluded.not_after_ms,
              chain = excluded.chain, verified_ms = excluded.verified_ms""";

    private final TlsContext verifier;
    private final Pool writer;
    private final Pool reader;
    private final Map<String, Entry> byGateway = new ConcurrentHashMap<>();

    /**
     * @param verifier a server context of the bridge's identity that accepts gateways (its trust anchors and CRL are used)
     * @param writer the database's writer connection
     * @param reader read-only connections
     */
    public VerifiedGateways(TlsContext verifier, Pool writer, Pool reader) {
        this.verifier = verifier;
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * Reads what earlier runs verified and checks each chain again now (a certificate revoked meanwhile counts as revoked).
     *
     * @return completes when loaded; fails if the table cannot be read
     */
    public Future<Void> load() {
        return reader.query("SELECT gateway, chain FROM gateway_identities").execute().map(rows -> {
            for (Row row : rows) {
                List<X509Certificate> chain;
                try {
                    chain = decodeChain(row.getString("chain"));
                } catch (CertificateException e) {
                    continue;
                }
                byGateway.put(row.getString("gateway"), check(chain));
            }
            return null;
        });
    }

    /**
     * Checks a birth's certificate chain.
     *
     * @param chainDer the chain, DER, the gateway's certificate first
     * @return the gateway identity it names
     * @throws CertificateRefusedException if it is not a current, unrevoked gateway certificate of the city CA
     */
    public Identity verify(List<byte[]> chainDer) throws CertificateRefusedException {
        if (chainDer.isEmpty()) {
            throw new CertificateRefusedException(CertificateRefusedException.Reason.NO_CERTIFICATE, "the birth carries no certificate: the "
                    + "gateway has no identity; enrol it (pki make-gateway-csr, pki enrol-gateway, pki install)", null);
        }
        List<X509Certificate> chain;
        try {
            chain = decodeDer(chainDer);
        } catch (CertificateException e) {
            throw new CertificateRefusedException(CertificateRefusedException.Reason.BAD_NAME,
                    "the birth's certificate chain cannot be read: " + e.getMessage(), e);
        }
        Identity identity = verifier.peerIdentity(chain);
        if (identity.kind() != Kind.GATEWAY) {
            throw new CertificateRefusedException(CertificateRefusedException.Reason.WRONG_KIND, "a birth carries the certificate of " + identity, null);
        }
        return identity;
    }

    /**
     * Remembers a verified gateway (from its birth) and keeps it in the database.
     *
     * @return completes when stored; a failure leaves the gateway known for this run
     */
    public Future<Void> remember(Identity identity, List<byte[]> chainDer) {
        List<X509Certificate> chain;
        try {
            chain = decodeDer(chainDer);
        } catch (CertificateException e) {
            return Future.failedFuture(e);
        }
        byGateway.put(identity.id(), new Entry(identity, chain, null));
        return writer.withTransaction(conn -> conn.preparedQuery(UPSERT).execute(Tuple.of(identity.id(), identity.site(), identity.serialHex(),
                identity.notAfter().toEpochMilli(), encodeChain(chainDer), System.currentTimeMillis()))).mapEmpty();
    }

    /**
     * @param gateway the gateway id a message came from (bound by the broker to its certificate)
     * @param site the site its topic names
     * @return why the message is not to be believed, or empty if its site is the gateway's enrolled site
     */
    public Optional<Refusal> check(String gateway, String site) {
        Entry entry = byGateway.get(gateway);
        if (entry == null) {
            return Optional.of(Refusal.UNKNOWN_GATEWAY);
        }
        if (entry.revoked() != null) {
            return Optional.of(Refusal.REVOKED);
        }
        return entry.identity().site().equals(site) ? Optional.empty() : Optional.of(Refusal.SITE_MISMATCH);
    }

    /** @return the site the gateway's certificate names, if it is known and not revoked */
    public Optional<String> enrolledSite(String gateway) {
        Entry entry = byGateway.get(gateway);
        return entry == null || entry.revoked() != null ? Optional.empty() : Optional.of(entry.identity().site());
    }

    /**
     * Checks every known gateway's chain again (after a new CRL, or as time passes).
     *
     * @param newlyRefused told of each gateway refused now that was believed before, with the refusal
     */
    public void recheck(BiConsumer<String, CertificateRefusedException> newlyRefused) {
        for (Map.Entry<String, Entry> e : byGateway.entrySet()) {
            Entry was = e.getValue();
            Entry now = check(was.chain());
            byGateway.replace(e.getKey(), was, now);
            if (was.revoked() == null && now.revoked() != null) {
                newlyRefused.accept(e.getKey(), now.revoked());
            }
        }
    }

    private Entry check(List<X509Certificate> chain) {
        try {
            return new Entry(verifier.peerIdentity(chain), chain, null);
        } catch (CertificateRefusedException e) {
            return new Entry(null, chain, e);
        }
    }

    private static List<X509Certificate> decodeDer(List<byte[]> der) throws CertificateException {
        if (der.isEmpty()) {
            throw new CertificateException("no certificate");
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        for (byte[] certificate : der) {
            chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(certificate)));
        }
        return chain;
    }

    /** @return the chain as a JSON array of base64 DER certificates */
    private static String encodeChain(List<byte[]> der) {
        JsonArray array = new JsonArray();
        der.forEach(c -> array.add(Base64.getEncoder().encodeToString(c)));
        return array.encode();
    }

    private static List<X509Certificate> decodeChain(String stored) throws CertificateException {
        List<byte[]> der = new ArrayList<>();
        try {
            new JsonArray(stored).forEach(c -> der.add(Base64.getDecoder().decode((String) c)));
        } catch (RuntimeException e) {
            throw new CertificateException("stored chain unreadable: " + e.getMessage(), e);
        }
        return decodeDer(der);
    }
}
