package cn.taihang.identity.internal;

import cn.taihang.identity.CertificateRefusedException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where refusals go: logged at WARN the first time a certificate is refused for a reason (a device retrying every
 * few seconds with an expired certificate logs once, not every few seconds; later repeats at DEBUG), then handed to
 * the listener the holder's owner gave (to count, or raise an alarm).
 */
public final class RefusalSink {

    private static final Logger LOG = LoggerFactory.getLogger("cn.taihang.identity.tls");
    private static final int REMEMBERED = 1024;

    private final String context;
    private final Consumer<CertificateRefusedException> listener;
    private final Set<String> seen = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /**
     * @param context who refuses, e.g. {@code "TLS server bridge bridge-1"}
     * @param listener told of every refusal; may be null
     */
    public RefusalSink(String context, Consumer<CertificateRefusedException> listener) {
        this.context = context;
        this.listener = listener;
    }

    /** Logs (once per certificate and reason) and tells the listener; returns the refusal for throwing. */
    public CertificateRefusedException refused(CertificateRefusedException refusal, String certificateKey) {
        boolean first;
        synchronized (seen) {
            first = seen.add(refusal.reason() + " " + certificateKey);
        }
        if (first) {
            LOG.warn("{} refused a peer: {}", context, refusal.getMessage());
        } else {
            LOG.debug("{} refused a peer again: {}", context, refusal.getMessage());
        }
        if (listener != null) {
            try {
                listener.accept(refusal);
            } catch (RuntimeException e) {
                LOG.error("{}: the refusal listener failed: {}", context, e.toString(), e);
            }
        }
        return refusal;
    }
}
