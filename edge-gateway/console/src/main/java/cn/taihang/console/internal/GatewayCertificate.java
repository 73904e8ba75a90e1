package cn.taihang.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's own TLS certificate: an EC P-256 key and a self-signed certificate made on first start
 * (BouncyCastle PKIX), kept in a PKCS#12 file in the data directory with a random password beside it.
 * It covers localhost, the gateway id and the addresses of this machine at the time it was made,
 * plus the configured host names; when those change a new one is made.
 */
final class GatewayCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCertificate.class);
    static final String ALIAS = "console";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final Path keystore;
    private final Path passwordFile;
    private final Path hostsFile;

    GatewayCertificate(Path dir) {
        this.keystore = dir.resolve("console.p12");
        this.passwordFile = dir.resolve("console.p12.password");
        this.hostsFile = dir.resolve("console.p12.hosts");
    }

    /** @return the keystore file */
    Path keystore() {
        return keystore;
    }

    /**
     * Makes the key and certificate unless a usable one exists for these names.
     *
     * @param gatewayId the certificate's subject
     * @param configuredHosts extra DNS names or IP addresses
     * @return the keystore password
     */
    String ensure(String gatewayId, List<String> configuredHosts) throws IOException, GeneralSecurityException {
        String wanted = String.join(",", new TreeSet<>(configuredHosts)) + ";" + gatewayId;
        if (Files.isRegularFile(keystore) && Files.isRegularFile(passwordFile) && Files.isRegularFile(hostsFile)
                && Files.readString(hostsFile, StandardCharsets.UTF_8).strip().equals(wanted)) {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        }
        long start = System.nanoTime();
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = selfSigned(pair, gatewayId, names(gatewayId, configuredHosts), random);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new X509Certificate[] {certificate});
        Files.createDirectories(keystore.getParent());
        writePrivately(passwordFile, password.getBytes(StandardCharsets.UTF_8));
        Path temp = keystore.resolveSibling(keystore.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            store.store(out, password.toCharArray());
        }
        Files.move(temp, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(hostsFile, wanted, StandardCharsets.UTF_8);
        LOG.info("console certificate made in {} ms for {}: SHA-256 {}", (System.nanoTime() - start) / 1_000_000,
                names(gatewayId, configuredHosts), fingerprint(certificate));
        return password;
    }

    /** @return the certificate in the keystore */
    X509Certificate load(String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        return (X509Certificate) store.getCertificate(ALIAS);
    }

    /** @return the SHA-256 fingerprint as colon-separated hex, as browsers show it */
    static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    private static Set<String> names(String gatewayId, List<String> configuredHosts) {
        Set<String> names = new TreeSet<>(List.of("localhost", "127.0.0.1", "::1", gatewayId, gatewayId + ".local"));
        configuredHosts.stream().map(String::strip).filter(h -> !h.isEmpty()).forEach(names::add);
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLinkLocalAddress()) {
                        names.add(address.getHostAddress().replaceAll("%.*$", ""));
                    }
                }
            }
        } catch (SocketException e) {
            LOG.debug("cannot list network interfaces for the certificate: {}", e.getMessage());
        }
        return names;
    }

    private static X509Certificate selfSigned(KeyPair pair, String gatewayId, Set<String> names, SecureRandom random)
            throws GeneralSecurityException, IOException {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, gatewayId)
                .addRDN(BCStyle.O, "Taihang Edge maintenance console").build();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : names) {
            boolean ip = name.matches("[0-9.]+") || name.contains(":");
            alternatives.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the console certificate: " + e.getMessage(), e);
        }
    }

    private static void writePrivately(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, content);
    }
}
