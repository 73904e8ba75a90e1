package cn.taihang.simulator.tickets;

import cn.taihang.wire.ticket.Entitlement;
import cn.taihang.wire.ticket.EntitlementKind;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.SignedTicket;
import cn.taihang.wire.ticket.Ticket;
import cn.taihang.wire.ticket.TicketCodec;
import cn.taihang.wire.ticket.TicketException;
import cn.taihang.wire.ticket.TicketSigner;
import cn.taihang.wire.ticket.TicketVerifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 verifications per second of one thread's user CPU time (as {@code openssl speed} counts by default, so
 * the figures compare on a busy machine too), for a real three-entitlement ticket: BouncyCastle's raw
 * verify (what a gate does, the public key decoded once), the whole ticket check (Base45 + CBOR + verify), the
 * JDK's own Ed25519, and {@code openssl speed -seconds N ed25519} run as a child process for the same machine's
 * native figure.
 */
final class VerifySpeed {

    /** Figures in verifications per second; {@code openssl} is NaN when it could not be run. */
    record Figures(double bouncyCastle, double wholeTicket, double jdk, double openssl, String opensslVersion) {}

    private VerifySpeed() {
    }

    static Figures measure(int seconds) throws IOException, InterruptedException, TicketException, GeneralSecurityException {
        TicketSigner signer = new TicketSigner(1, TicketSigner.newPrivateKey(new SecureRandom()));
        Instant day = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        String text = signer.sign(new Ticket(1, 7_346_128_911L, new byte[8], day, List.of(
                Entitlement.of(EntitlementKind.BUS_RIDE, 1001, day, day.plus(Duration.ofDays(1)), 2),
                Entitlement.of(EntitlementKind.SCENIC_ENTRY, 2001, day, day.plus(Duration.ofDays(1)), 1),
                Entitlement.of(EntitlementKind.LODGING_STAY, 3001, day, day.plus(Duration.ofDays(2)), 1))));
        TicketVerifier verifier = new TicketVerifier(new KeyRing(1, List.of(new KeyRing.Key(1, signer.publicKey(), KeyRing.KeyState.ACTIVE))));
        SignedTicket signed = new TicketCodec().decode(text);
        byte[] body = signed.body();
        byte[] sig = signed.signature();
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyFullExport(signer.publicKey(), 0);

        double bc = rate(seconds, () -> Ed25519.verify(sig, 0, point, body, 0, body.length));
        double whole = rate(seconds, () -> {
            try {
                return verifier.verify(text) != null;
            } catch (TicketException e) {
                return false;
            }
        });
        Signature jdk = Signature.getInstance("Ed25519");
        PublicKey jdkKey = jdkPublicKey(signer.publicKey());
        double jdkRate = rate(Math.max(1, seconds / 2), () -> {
            try {
                jdk.initVerify(jdkKey);
                jdk.update(body);
                return jdk.verify(sig);
            } catch (GeneralSecurityException e) {
                return false;
            }
        });
        double[] openssl = openssl(seconds);
        return new Figures(bc, whole, jdkRate, openssl[0], opensslVersion());
    }

    private interface Op {
        boolean run();
    }

    private static double rate(int seconds, Op op) {
        long warm = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2000);
        while (System.nanoTime() < warm) {
            check(op.run());
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadUserTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long count = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 64; i++) {
                check(op.run());
            }
            count += 64;
        }
        long cpu = threads.getCurrentThreadUserTime() - cpuStart;
        return count / ((cpu > 0 ? cpu : System.nanoTime() - start) / 1e9);
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("a genuine signature failed to verify");
        }
    }

    /** @return {verify/s} from {@code openssl speed}, NaN if openssl is missing */
    private static double[] openssl(int seconds) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("openssl", "speed", "-seconds", Integer.toString(seconds), "ed25519").redirectErrorStream(true).start();
            Pattern row = Pattern.compile("\\(Ed25519\\)\\s+\\S+s\\s+\\S+s\\s+([0-9.]+)\\s+([0-9.]+)");
            double verify = Double.NaN;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Matcher m = row.matcher(line);
                    if (m.find()) {
                        verify = Double.parseDouble(m.group(2));
                    }
                }
            }
            p.waitFor(seconds * 4L + 30, TimeUnit.SECONDS);
            return new double[] {verify};
        } catch (IOException e) {
            return new double[] {Double.NaN};
        }
    }

    private static String opensslVersion() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return v;
        } catch (IOException | InterruptedException e) {
            return "openssl not found (apt-get install openssl)";
        }
    }

    private static PublicKey jdkPublicKey(byte[] raw) throws GeneralSecurityException {
        byte[] le = raw.clone();
        boolean odd = (le[31] & 0x80) != 0;
        le[31] &= 0x7f;
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = le[31 - i];
        }
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519,
                new EdECPoint(odd, new java.math.BigInteger(1, be))));
    }
}
