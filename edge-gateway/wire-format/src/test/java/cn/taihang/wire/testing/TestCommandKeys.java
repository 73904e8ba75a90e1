package cn.taihang.wire.testing;

import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.command.CommandAnchor;
import cn.taihang.wire.command.CommandKeyRotation;
import cn.taihang.wire.command.SealedBody;
import cn.taihang.wire.sign.SigningKey;
import cn.taihang.wire.sign.VerifyingKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test command key: a real command key (Ed25519 by default, SM2 for an id from 32768) that signs commands exactly as
 * the bridge does, and the anchor a gateway pins for it. Gateway-side tests that send commands take their envelopes
 * from here (the bridge's own tests use the running bridge's keys).
 *
 * <pre>{@code
 * TestCommandKeys keys = new TestCommandKeys();
 * keys.writeAnchor(identityDir);                                   // what enrolment does
 * broker.publish(Topics.fleetCommand("ticket-keyring"), keys.fleet("ticket-keyring", body), true);
 * }</pre>
 */
public final class TestCommandKeys {

    private final SigningKey key;
    private final CommandCodec codec = new CommandCodec();
    private final AtomicLong lastId = new AtomicLong();

    /** An Ed25519 command key with id 1. */
    public TestCommandKeys() {
        this(1);
    }

    /** @param keyId the key's id; from 32768 on an SM2 key */
    public TestCommandKeys(int keyId) {
        this.key = SigningKey.generate(keyId, new SecureRandom());
    }

    /** @return the signing key */
    public SigningKey key() {
        return key;
    }

    /** @return the anchor that trusts this key alone */
    public CommandAnchor anchor() {
        return CommandAnchor.of(verifying());
    }

    /** @return the public side of the key */
    public VerifyingKey verifying() {
        return VerifyingKey.of(key.keyId(), key.publicKey());
    }

    /** Writes the anchor into a gateway's identity directory. @return the directory */
    public Path writeAnchor(Path identityDir) {
        try {
            anchor().write(identityDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return identityDir;
    }

    /** @return the next command id, growing with time as the bridge's do */
    public long nextId() {
        return lastId.updateAndGet(previous -> Math.max(previous + 1, System.currentTimeMillis() * 1000));
    }

    /** @return a signed command to one gateway, issued now, never expiring */
    public byte[] command(String name, String gateway, byte[] body) {
        return sign(Command.of(nextId(), name, gateway, System.currentTimeMillis(), 0, body));
    }

    /** @return a signed fleet command, issued now, never expiring */
    public byte[] fleet(String name, byte[] body) {
        return sign(Command.of(nextId(), name, Command.FLEET, System.currentTimeMillis(), 0, body));
    }

    /** @return a signed command with its body sealed to the gateway's sealing public key */
    public byte[] sealed(String name, String gateway, byte[] sealingKey, byte[] body) {
        long id = nextId();
        return sign(new Command(Command.VERSION, id, name, gateway, System.currentTimeMillis(), 0, true, SealedBody.seal(sealingKey, gateway, id, name, body)));
    }

    /** @return the rotation to {@code next}, signed by this key */
    public byte[] rotation(TestCommandKeys next) {
        return fleet(CommandKeyRotation.COMMAND, new CommandKeyRotation(next.verifying()).encode());
    }

    /** @return this command signed with this key */
    public byte[] sign(Command command) {
        return codec.encode(command, key);
    }
}
