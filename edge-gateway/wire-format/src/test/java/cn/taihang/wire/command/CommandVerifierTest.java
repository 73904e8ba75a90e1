package cn.taihang.wire.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.SignedCommand;
import cn.taihang.wire.command.CommandRefusedException.Reason;
import cn.taihang.wire.sign.SigningKey;
import cn.taihang.wire.sign.VerifyingKey;
import java.security.SecureRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each way a command can be wrong has its own refusal. */
@Tag("unit")
class CommandVerifierTest {

    private static final long NOW = 1_750_000_000_000L;
    private final SecureRandom random = new SecureRandom();
    private final SigningKey bridge = SigningKey.generate(1, random);
    private final CommandAnchor anchor = CommandAnchor.of(VerifyingKey.of(1, bridge.publicKey()));
    private final CommandCodec codec = new CommandCodec();
    private final CommandVerifier verifier = new CommandVerifier("gw-1", 60_000);

    @Test
    void aGoodCommandPassesEveryCheck() throws Exception {
        SignedCommand signed = signed(Command.of(NOW * 1000, "sign-message", "gw-1", NOW, NOW + 60_000, new byte[] {1}), bridge);
        verifier.authenticate(signed, anchor);
        verifier.checkAddress(signed.command(), "sign-message", false);
        verifier.checkTime(signed.command(), NOW + 1000);
        SignedCommand fleet = signed(Command.of(NOW * 1000, "ticket-keyring", Command.FLEET, NOW, 0, new byte[] {1}), bridge);
        verifier.checkAddress(fleet.command(), "ticket-keyring", true);
    }

    @Test
    void unsignedWronglySignedAndUnknownKeysAreRefused() throws Exception {
        SignedCommand unsigned = codec.decode(codec.encodeVersion1(new Command(1, 9, "ticket-keyring", null, NOW, 0, false, new byte[1])));
        assertRefused(() -> verifier.authenticate(unsigned, anchor), Reason.UNSIGNED);
        SigningKey intruder = SigningKey.generate(1, random);
        assertRefused(() -> verifier.authenticate(signed(Command.of(9, "ticket-keyring", Command.FLEET, NOW, 0, new byte[1]), intruder), anchor),
                Reason.BAD_SIGNATURE);
        SigningKey stranger = SigningKey.generate(32770, random);
        assertRefused(() -> verifier.authenticate(signed(Command.of(9, "ticket-keyring", Command.FLEET, NOW, 0, new byte[1]), stranger), anchor),
                Reason.UNKNOWN_KEY);
        assertRefused(() -> verifier.authenticate(signed(Command.of(9, "x", Command.FLEET, NOW, 0, new byte[1]), bridge), null), Reason.NO_ANCHOR);
        byte[] bytes = codec.encode(Command.of(9, "ticket-keyring", Command.FLEET, NOW, 0, new byte[] {1, 2, 3}), bridge);
        bytes[bytes.length - 67] ^= 1;
        assertRefused(() -> verifier.authenticate(codec.decode(bytes), anchor), Reason.BAD_SIGNATURE);
    }

    @Test
    void anotherGatewaysCommandAndFleetCommandsOnTheWrongTopicAreRefused() {
        Command other = Command.of(9, "sensor-keys", "gw-2", NOW, 0, new byte[1]);
        assertRefused(() -> verifier.checkAddress(other, "sensor-keys", false), Reason.WRONG_TARGET);
        Command fleet = Command.of(9, "ticket-keyring", Command.FLEET, NOW, 0, new byte[1]);
        assertRefused(() -> verifier.checkAddress(fleet, "ticket-keyring", false), Reason.WRONG_TARGET);
        Command mine = Command.of(9, "ticket-keyring", "gw-1", NOW, 0, new byte[1]);
        assertRefused(() -> verifier.checkAddress(mine, "ticket-keyring", true), Reason.WRONG_TARGET);
        assertRefused(() -> verifier.checkAddress(mine, "ticket-deny-list", false), Reason.WRONG_TARGET);
    }

    @Test
    void expiredAndFutureCommandsAreRefusedBeyondTheSkew() throws Exception {
        assertRefused(() -> verifier.checkTime(Command.of(9, "x", "gw-1", NOW - 10_000, NOW - 1, new byte[0]), NOW), Reason.EXPIRED);
        assertRefused(() -> verifier.checkTime(Command.of(9, "x", "gw-1", NOW + 61_000, 0, new byte[0]), NOW), Reason.NOT_YET_VALID);
        verifier.checkTime(Command.of(9, "x", "gw-1", NOW + 59_000, 0, new byte[0]), NOW);
    }

    @Test
    void afterARotationThePreviousKeyVerifiesOnlyCommandsIssuedBeforeIt() throws Exception {
        SigningKey next = SigningKey.generate(32768, random);
        long rotation = NOW * 1000;
        CommandAnchor rotated = anchor.rotatedTo(VerifyingKey.of(next.keyId(), next.publicKey()), rotation);
        verifier.authenticate(signed(Command.of(rotation - 5, "sign-message", "gw-1", NOW, 0, new byte[0]), bridge), rotated);
        verifier.authenticate(signed(Command.of(rotation + 5, "sign-message", "gw-1", NOW, 0, new byte[0]), next), rotated);
        assertRefused(() -> verifier.authenticate(signed(Command.of(rotation + 5, "sign-message", "gw-1", NOW, 0, new byte[0]), bridge), rotated),
                Reason.UNKNOWN_KEY);
        assertThat(CommandAnchor.fromJson(rotated.toJson())).isEqualTo(rotated);
    }

    private SignedCommand signed(Command command, SigningKey key) throws Exception {
        return codec.decode(codec.encode(command, key));
    }

    private static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CommandRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
