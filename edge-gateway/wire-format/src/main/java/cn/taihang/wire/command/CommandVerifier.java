package cn.taihang.wire.command;

import cn.taihang.wire.Command;
import cn.taihang.wire.SignedCommand;
import cn.taihang.wire.command.CommandRefusedException.Reason;
import cn.taihang.wire.sign.VerifyingKey;

/**
 * The stateless checks a gateway makes before it acts on a command: signed by a key of its anchor, addressed to it on
 * the right topic, within its validity window. (Replays need the gateway's memory of what it applied; the gateway
 * checks them between {@link #authenticate} and {@link #checkTime}.) Thread-safe.
 */
public final class CommandVerifier {

    private final String gatewayId;
    private final long skewMillis;

    /**
     * @param gatewayId this gateway's id
     * @param skewMillis how far in the future a command's issue time may be (the two clocks' disagreement)
     */
    public CommandVerifier(String gatewayId, long skewMillis) {
        if (skewMillis < 0) {
            throw new IllegalArgumentException("the clock skew is not negative");
        }
        this.gatewayId = gatewayId;
        this.skewMillis = skewMillis;
    }

    /**
     * Checks the signature.
     *
     * @param anchor the gateway's trusted command keys, or {@code null} if it has none
     * @throws CommandRefusedException NO_ANCHOR, UNSIGNED, UNKNOWN_KEY or BAD_SIGNATURE
     */
    public void authenticate(SignedCommand signed, CommandAnchor anchor) throws CommandRefusedException {
        Command c = signed.command();
        if (!signed.signed()) {
            throw new CommandRefusedException(Reason.UNSIGNED, "command '" + c.name() + "' #" + c.id() + " is unsigned (version " + c.version()
                    + " envelope): this gateway acts only on commands signed by the bridge's command key");
        }
        if (anchor == null) {
            throw new CommandRefusedException(Reason.NO_ANCHOR, "command '" + c.name() + "' #" + c.id() + " cannot be checked: this gateway holds no "
                    + "command trust anchor (" + CommandAnchor.FILE_NAME + " in its identity directory); enrol it with pki install --command-anchor");
        }
        VerifyingKey key = anchor.keyFor(signed.keyId(), c.id()).orElse(null);
        if (key == null) {
            throw new CommandRefusedException(Reason.UNKNOWN_KEY, "command '" + c.name() + "' #" + c.id() + " is signed with command key " + signed.keyId()
                    + ", which this gateway's anchor does not hold for it (current key " + anchor.current().keyId()
                    + "): forged, or the gateway missed a key rotation and must be re-anchored");
        }
        if (!key.verify(signed.signedBytes(), signed.signature())) {
            throw new CommandRefusedException(Reason.BAD_SIGNATURE, "the " + key.algorithm().label() + " signature of command '" + c.name() + "' #"
                    + c.id() + " does not match its content: altered or forged");
        }
    }

    /**
     * Checks that the command is for this gateway and arrived where it should.
     *
     * @param topicName the command name of the topic it arrived on
     * @param fleetTopic whether it arrived on a fleet topic
     * @throws CommandRefusedException WRONG_TARGET
     */
    public void checkAddress(Command command, String topicName, boolean fleetTopic) throws CommandRefusedException {
        if (!command.name().equals(topicName)) {
            throw wrongTarget(command, "is named '" + command.name() + "' but arrived on the topic of '" + topicName + "'");
        }
        if (fleetTopic && !command.fleetWide()) {
            throw wrongTarget(command, "is for gateway " + command.target() + " but arrived on a fleet topic");
        }
        if (!fleetTopic && (command.fleetWide() || !command.target().equals(gatewayId))) {
            throw wrongTarget(command, command.fleetWide() ? "is a fleet command but arrived on this gateway's own topic"
                    : "is for gateway " + command.target() + ", not this one (" + gatewayId + ")");
        }
    }

    /**
     * @throws CommandRefusedException EXPIRED or NOT_YET_VALID
     */
    public void checkTime(Command command, long nowMillis) throws CommandRefusedException {
        if (command.expiredAt(nowMillis)) {
            throw new CommandRefusedException(Reason.EXPIRED, "command '" + command.name() + "' #" + command.id() + " expired "
                    + (nowMillis - command.expiresAtMillis()) / 1000 + " s before it reached the gateway");
        }
        if (command.issuedAtMillis() > nowMillis + skewMillis) {
            throw new CommandRefusedException(Reason.NOT_YET_VALID, "command '" + command.name() + "' #" + command.id() + " is issued "
                    + (command.issuedAtMillis() - nowMillis) / 1000 + " s in the future, beyond the allowed clock skew of " + skewMillis / 1000
                    + " s: check this gateway's clock");
        }
    }

    private static CommandRefusedException wrongTarget(Command command, String what) {
        return new CommandRefusedException(Reason.WRONG_TARGET, "command '" + command.name() + "' #" + command.id() + " " + what);
    }
}
