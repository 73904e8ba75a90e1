/**
 * Who is who on the city network: identities, their keys, certificates and TLS.
 *
 * <h2>Naming convention</h2>
 * Every certificate the city CA issues to a holder names it twice, in agreement:
 * <ul>
 *   <li>subject {@code CN=<id>} — the gateway id, bridge instance id or broker id, so that mosquitto's
 *       {@code use_identity_as_username true} makes the id the MQTT user name (and ACL {@code %u} patterns work);</li>
 *   <li>one subject alternative name URI carrying the kind (and a gateway's site):
 *       {@code urn:taihang:gateway:<site>:<gatewayId>}, {@code urn:taihang:bridge:<instanceId>},
 *       {@code urn:taihang:broker:<brokerId>}.</li>
 * </ul>
 * Ids and sites follow the wire format's rules ({@link cn.taihang.wire.Topics}: 1–64 of {@code [a-z0-9-]}, sites
 * not {@code bridge} or {@code fleet}), so a certified name always fits a topic. {@link cn.taihang.identity.Identity#of}
 * refuses a certificate that breaks the convention ({@link cn.taihang.identity.CertificateRefusedException.Reason#BAD_NAME}).
 * Gateways carry extended key usage clientAuth; bridge instances clientAuth and serverAuth (with SAN DNS/IP
 * entries for their server role); brokers serverAuth.
 *
 * <h2>Files of a holder</h2>
 * {@link cn.taihang.identity.IdentityFiles}: {@code key.pem} (owner-only, made on the holder, never overwritten),
 * {@code csr.pem}, {@code cert.pem} (certificate then issuing CA), {@code ca.pem} (the city root), {@code crl.pem}.
 *
 * <h2>Enrolment</h2>
 * On the holder: {@link cn.taihang.identity.IdentityFiles#createRequest}; at the CA: sign it (module
 * {@code bridge-ca}); back on the holder: {@link cn.taihang.identity.IdentityFiles#install}. Renewal with a new key:
 * {@link cn.taihang.identity.IdentityFiles#createRekeyRequest}, then install.
 *
 * <h2>TLS</h2>
 * {@link cn.taihang.identity.TlsContext#client} and {@link cn.taihang.identity.TlsContext#server} make the JDK
 * {@code SSLContext}, key and trust managers (and their factories for Vert.x and Netty); after a handshake,
 * {@link cn.taihang.identity.TlsContext#peerIdentity} says who the peer is.
 */
@Export
@Version("1.0.0")
package cn.taihang.identity;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
