package cn.taihang.cloudlink.internal;

import cn.taihang.gateway.api.CommandException;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.identity.SealingKey;
import cn.taihang.wire.Command;
import cn.taihang.wire.SignedCommand;
import cn.taihang.wire.command.CommandAnchor;
import cn.taihang.wire.command.CommandKeyRotation;
import cn.taihang.wire.command.CommandRefusedException;
import cn.taihang.wire.command.CommandRefusedException.Reason;
import cn.taihang.wire.command.CommandVerifier;
import cn.taihang.wire.command.SealedBody;
import cn.taihang.wire.sign.VerifyingKey;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the gateway acts on a command: the command trust anchor pinned at enrolment (the identity directory's
 * {@value CommandAnchor#FILE_NAME}) must hold the key that signed it, it must be addressed to this gateway on the right
 * topic, newer than the last one accepted of its name ({@link ReplayMarks}), within its validity window, and a sealed
 * body must open with the gateway's sealing key. The very same bytes accepted before (a retained command redelivered)
 * are skipped quietly within a run and applied again after a restart, since they were verified when first accepted. The
 * anchor changes only through a verified {@value CommandKeyRotation#COMMAND} command, written atomically. Used on the
 * dispatcher's one thread.
 */
final class CommandGuard {

    private static final Logger LOG = LoggerFactory.getLogger(CommandGuard.class);

    private final String gatewayId;
    private final Path identityDir;
    private final CommandVerifier verifier;
    private final ReplayMarks marks;
    private final LongSupplier clock;
    private final SealingKey sealing;
    private final Map<String, Long> appliedThisRun = new ConcurrentHashMap<>();
    private volatile CommandAnchor anchor;

    /** A command that passed, with its body opened. */
    record Accepted(String key, Command command, byte[] body, ReplayMarks.Mark mark) {}

    /**
     * @param identityDir the gateway's identity directory (anchor and sealing key), or {@code null} for a gateway with
     *     none: it then refuses every command
     * @param skewMillis how far in the future a command's issue time may be
     */
    CommandGuard(String gatewayId, Path identityDir, long skewMillis, ReplayMarks marks, LongSupplier clock) {
        this.gatewayId = gatewayId;
        this.identityDir = identityDir;
        this.verifier = new CommandVerifier(gatewayId, skewMillis);
        this.marks = marks;
        this.clock = clock;
        this.anchor = identityDir == null ? null : readAnchor(identityDir);
        this.sealing = identityDir == null ? null : sealingKey(identityDir);
    }

    private static CommandAnchor readAnchor(Path identityDir) {
        try {
            Optional<CommandAnchor> read = CommandAnchor.read(identityDir);
            if (read.isEmpty()) {
                LOG.warn("no command trust anchor ({} in {}): every command from the bridge is refused until the gateway is enrolled "
                        + "(the bridge's GET /api/v1/command-keys, pinned there as that file)", CommandAnchor.FILE_NAME, identityDir);
            }
            return read.orElse(null);
        } catch (IOException e) {
            LOG.error("the command trust anchor cannot be used ({}); every command from the bridge is refused until it is restored", e.getMessage());
            return null;
        }
    }

    private static SealingKey sealingKey(Path identityDir) {
        try {
            return SealingKey.loadOrCreate(identityDir);
        } catch (IOException e) {
            LOG.error("no sealing key ({}): the bridge cannot send this gateway sealed commands (sensor keys) until {} can be made in {}",
                    e.getMessage(), SealingKey.FILE_NAME, identityDir);
            return null;
        }
    }

    /** @return the sealing public key for the birth, or {@code null} if the gateway has none */
    byte[] sealingPublicKey() {
        return sealing == null ? null : sealing.publicKey();
    }

    /** @return the anchor in use, or {@code null} */
    CommandAnchor anchor() {
        return anchor;
    }

    /**
     * @param payload the envelope as it arrived
     * @param topicName the command name of its topic
     * @param fleetTopic whether it arrived on a fleet topic
     * @return the command to apply, or empty if it is one already applied in this run (or an expired redelivery): skip it
     * @throws CommandRefusedException why the gateway must not act on it
     */
    Optional<Accepted> check(SignedCommand signed, byte[] payload, String topicName, boolean fleetTopic) throws CommandRefusedException {
        Command command = signed.command();
        String key = (fleetTopic ? "fleet/" : "") + topicName;
        ReplayMarks.Mark mark = new ReplayMarks.Mark(command.id(), sha256(payload));
        Optional<ReplayMarks.Mark> last = marks.last(key);
        long now = clock.getAsLong();
        if (last.isPresent() && last.get().id() == command.id() && Arrays.equals(last.get().digest(), mark.digest())) {
            if (Long.valueOf(command.id()).equals(appliedThisRun.get(key)) || command.expiredAt(now)) {
                return Optional.empty();
            }
            return Optional.of(new Accepted(key, command, open(command), mark));
        }
        verifier.authenticate(signed, anchor);
        verifier.checkAddress(command, topicName, fleetTopic);
        if (last.isPresent() && command.id() <= last.get().id()) {
            throw new CommandRefusedException(Reason.REPLAYED, "command '" + command.name() + "' #" + command.id() + " is not newer than #"
                    + last.get().id() + ", the last one this gateway accepted of that name: a replay");
        }
        try {
            verifier.checkTime(command, now);
        } catch (CommandRefusedException e) {
            if (e.reason() == Reason.EXPIRED) {
                marks.record(key, mark);
            }
            throw e;
        }
        return Optional.of(new Accepted(key, command, open(command), mark));
    }

    /** Records the command as applied (or refused by its handler): newer than anything of its name before it. */
    void applied(Accepted accepted) {
        marks.record(accepted.key(), accepted.mark());
        appliedThisRun.put(accepted.key(), accepted.command().id());
    }

    private byte[] open(Command command) throws CommandRefusedException {
        if (!command.sealed()) {
            return command.body();
        }
        if (sealing == null) {
            throw new CommandRefusedException(Reason.UNREADABLE_SEALED_BODY, "command '" + command.name() + "' #" + command.id()
                    + " is sealed, but this gateway has no sealing key");
        }
        return SealedBody.open(sealing.privateKey(), sealing.publicKey(), gatewayId, command.id(), command.name(), command.body());
    }

    /**
     * The built-in handler of {@value CommandKeyRotation#COMMAND}: the (already verified) rotation names the next command
     * key; the anchor file is replaced atomically, the current key kept for commands up to the rotation's id.
     */
    String rotate(IncomingCommand command) throws CommandException {
        if (!command.fleetWide()) {
            throw new CommandException("a command-key rotation is a fleet command; refused on this gateway's own topic");
        }
        VerifyingKey next;
        try {
            next = CommandKeyRotation.decode(command.body()).next();
        } catch (IllegalArgumentException e) {
            throw new CommandException("malformed command-key rotation: " + e.getMessage());
        }
        CommandAnchor held = anchor;
        if (held.current().equals(next)) {
            return "command key " + next.keyId() + " already in use";
        }
        CommandAnchor rotated = held.rotatedTo(next, command.id());
        try {
            rotated.write(identityDir);
        } catch (IOException e) {
            throw new CommandException("the new command trust anchor cannot be written (" + e.getMessage() + "); command key " + held.current().keyId()
                    + " stays in use", e);
        }
        anchor = rotated;
        LOG.info("command key rotated: key {} ({}) signs from now on; key {} is accepted only for commands up to #{}", next.keyId(),
                next.algorithm().label(), held.current().keyId(), command.id());
        return "command key " + next.keyId() + " (" + next.algorithm().label() + ") in use";
    }

    static byte[] sha256(byte[] payload) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(payload);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
