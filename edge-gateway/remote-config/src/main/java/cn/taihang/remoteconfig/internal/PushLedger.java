package cn.taihang.remoteconfig.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last push this gateway ended and how, and the hash of the configuration it last reported, in
 * {@code <data>/remote-config/ledger.properties}: a retained push arriving again after a reconnect or a restart is answered
 * from here, never applied twice. Thread-safe.
 */
final class PushLedger {

    private static final Logger LOG = LoggerFactory.getLogger(PushLedger.class);

    private final AtomicFile file;
    private long version;
    private String state = "";
    private String hash = "";

    PushLedger(AtomicFile file) {
        this.file = file;
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file.path(), StandardCharsets.UTF_8)));
            version = Long.parseLong(p.getProperty("version", "0"));
            state = p.getProperty("state", "");
            hash = p.getProperty("hash", "");
        } catch (NoSuchFileException e) {
            // nothing pushed or reported yet
        } catch (IOException | NumberFormatException e) {
            LOG.warn("{} cannot be read ({}); pushes seen before are taken as new", file.path(), e.getMessage());
        }
    }

    synchronized long version() {
        return version;
    }

    synchronized String state() {
        return state;
    }

    /** @return the hash last reported, empty if none */
    synchronized String hash() {
        return hash;
    }

    synchronized void ended(long pushVersion, String outcome, String reportedHash) {
        version = Math.max(version, pushVersion);
        state = outcome;
        hash = reportedHash;
        save();
    }

    synchronized void reported(String reportedHash) {
        hash = reportedHash;
        save();
    }

    private void save() {
        Properties p = new Properties();
        p.setProperty("version", Long.toString(version));
        p.setProperty("state", state);
        p.setProperty("hash", hash);
        StringWriter out = new StringWriter();
        try {
            p.store(out, "the last configuration push and the hash last reported");
            file.write(out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}; push {} may be answered again after a restart", file.path(), e.getMessage(), version);
        }
    }
}
