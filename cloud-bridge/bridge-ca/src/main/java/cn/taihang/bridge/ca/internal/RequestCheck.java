package cn.taihang.bridge.ca.internal;

import cn.taihang.bridge.ca.CaException;
import cn.taihang.identity.CertificateRequest;
import cn.taihang.identity.IdentityName;
import cn.taihang.identity.KeyFiles;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.util.IPAddress;

/**
 * What the CA checks before it signs: the request is signed by the key it carries (proof of possession), the key is
 * EC P-256, and the names it asks for agree with the name the CA was told to certify. The CA never takes a name
 * from the request: it certifies the name of the enrolment, and refuses a request that asks for another.
 */
public final class RequestCheck {

    /** Always in a server certificate: the holder itself, for local clients and tests. */
    public static final List<String> LOCAL_SERVER_NAMES = List.of("localhost", "127.0.0.1", "::1");

    private static final Pattern DNS_NAME = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private RequestCheck() {
    }

    /**
     * @param request the holder's request
     * @param name the name the CA certifies
     * @return the key to certify
     * @throws CaException saying what disagrees and what to do
     */
    public static PublicKey check(CertificateRequest request, IdentityName name) throws CaException {
        if (!request.isSignatureValid()) {
            throw new CaException("the request's signature does not verify: it was altered, or not made with the key it carries;"
                    + " make a new request on the holder");
        }
        PublicKey key;
        try {
            key = request.publicKey();
        } catch (GeneralSecurityException e) {
            throw new CaException("the request's public key cannot be read: " + e.getMessage() + "; make a new request on the holder", e);
        }
        if (!(key instanceof ECPublicKey ec) || !ec.getParams().getOrder().equals(ECNamedCurveTable.getByName(KeyFiles.CURVE).getN())) {
            throw new CaException("the request carries a " + key.getAlgorithm() + " key; the city CA certifies EC P-256 keys only"
                    + " (make the key with `pki make-gateway-csr`, or `openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256`)");
        }
        List<String> commonNames = request.commonNames();
        if (!commonNames.equals(List.of(name.id()))) {
            throw new CaException("the request's subject '" + request.subject() + "' does not name " + name + " (its CN must be exactly '"
                    + name.id() + "'): it is another holder's request, or was made with another id; make a new request on the"
                    + " holder with --id " + name.id());
        }
        for (String uri : request.requestedUris()) {
            if (uri.startsWith(IdentityName.URI_PREFIX) && !uri.equals(name.uri())) {
                throw new CaException("the request asks for the identity " + uri + " but this enrolment certifies " + name.uri()
                        + "; check --id/--site, or make a new request on the holder");
            }
        }
        return key;
    }

    /**
     * @param given DNS names and IP addresses for a server certificate
     * @return them normalised, after the local names, without duplicates
     * @throws CaException if one is neither
     */
    public static List<String> serverNames(List<String> given) throws CaException {
        Set<String> names = new LinkedHashSet<>(LOCAL_SERVER_NAMES);
        for (String raw : given) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (!IPAddress.isValid(name) && !DNS_NAME.matcher(name).matches()) {
                throw new CaException("'" + raw + "' is neither a DNS name nor an IP address; give the names clients dial the server by");
            }
            names.add(name);
        }
        return new ArrayList<>(names);
    }
}
