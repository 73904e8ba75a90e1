package cn.taihang.cloudlink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.identity.SealingKey;
import cn.taihang.testkit.gateway.FakeAlarms;
import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.Topics;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.command.CommandAnchor;
import cn.taihang.wire.command.CommandKeyRotation;
import cn.taihang.wire.testing.TestCommandKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The attacks on the command path, each against a real broker, a real uplink and the real ledger: every forged, misdirected,
 * replayed or stale command is refused — not handed to any handler — with a {@code command.result} refusal and an alarm.
 */
@Tag("loopback")
class CommandTrustLoopbackTest extends LoopbackFixture {

    private final TestCommandKeys intruder = new TestCommandKeys();
    private final List<IncomingCommand> applied = new CopyOnWriteArrayList<>();
    private final FakeAlarms alarms = new FakeAlarms();
    private CommandDispatcher commands;
    private Uplink uplink;

    @BeforeEach
    void connect() {
        commands = dispatcher();
        uplink = uplink(settings(broker.url()), commands);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !bridge.births.isEmpty());
    }

    private CommandDispatcher dispatcher() {
        CommandDispatcher d = commands();
        d.alarms(alarms);
        d.register(c -> {
            applied.add(c);
            return "applied " + c.name();
        }, List.of("ticket-keyring", "ticket-deny-list", "sensor-keys", "sign-message"));
        return d;
    }

    @Test
    void anUnsignedCommandIsRefused() throws Exception {
        byte[] v1 = new CommandCodec().encodeVersion1(new Command(1, 9_000_000, "ticket-keyring", null, System.currentTimeMillis(), 0, false, new byte[] {1}));
        bridge.publish(Topics.fleetCommand("ticket-keyring"), v1, true);
        assertRefused("ticket-keyring", "unsigned", "fleet/ticket-keyring");
        assertThat(applied).isEmpty();
    }

    @Test
    void aCommandWithTheWrongSignatureIsRefused() throws Exception {
        bridge.publish(Topics.fleetCommand("ticket-keyring"), intruder.fleet("ticket-keyring", new byte[] {1}), true);
        assertRefused("ticket-keyring", "bad-signature", "fleet/ticket-keyring");
        assertThat(applied).isEmpty();
    }

    @Test
    void aCommandForAnotherGatewayAndAFleetCommandOnThisGatewaysTopicAreRefused() throws Exception {
        bridge.publish(Topics.command(SITE, GATEWAY, "sensor-keys"), keys.command("sensor-keys", "gw-other", new byte[] {1}), false);
        assertRefused("sensor-keys", "wrong-target", "sensor-keys");
        bridge.publish(Topics.command(SITE, GATEWAY, "ticket-keyring"), keys.fleet("ticket-keyring", new byte[] {1}), false);
        assertRefused("ticket-keyring", "wrong-target", "ticket-keyring");
        bridge.publish(Topics.fleetCommand("sign-message"), keys.command("sign-message", GATEWAY, new byte[] {1}), false);
        assertRefused("sign-message", "wrong-target", "fleet/sign-message");
        assertThat(applied).isEmpty();
    }

    @Test
    void aReplayedFleetCommandIsRefusedAlsoAfterARestartWhileTheSameRetainedBytesAreAppliedAgain() throws Exception {
        byte[] older = keys.fleet("ticket-deny-list", "v1".getBytes(StandardCharsets.UTF_8));
        byte[] newer = keys.fleet("ticket-deny-list", "v2".getBytes(StandardCharsets.UTF_8));
        bridge.publish(Topics.fleetCommand("ticket-deny-list"), newer, true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> applied.size() == 1);
        bridge.publish(Topics.fleetCommand("ticket-deny-list"), older, false);
        assertRefused("ticket-deny-list", "replayed", "fleet/ticket-deny-list");

        uplink.close();
        commands.close();
        CommandDispatcher restarted = dispatcher();
        uplink(settings(broker.url()), restarted);
        await().atMost(10, TimeUnit.SECONDS).until(() -> applied.size() == 2);
        assertThat(new String(applied.get(1).body(), StandardCharsets.UTF_8)).as("the retained command, applied again after the restart").isEqualTo("v2");
        assertThat(restarted.refused()).as("a retained redelivery is no replay").isZero();
        bridge.publish(Topics.fleetCommand("ticket-deny-list"), older, false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> restarted.refused() == 1);
        bridge.publish(Topics.fleetCommand("ticket-deny-list"), keys.fleet("ticket-deny-list", "v3".getBytes(StandardCharsets.UTF_8)), false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> applied.size() == 3);
        assertThat(applied).extracting(c -> new String(c.body(), StandardCharsets.UTF_8)).containsExactly("v2", "v2", "v3");
    }

    @Test
    void anExpiredCommandAndAFutureOneAreRefusedWithAWarning() throws Exception {
        long now = System.currentTimeMillis();
        bridge.publish(Topics.command(SITE, GATEWAY, "sign-message"), keys.sign(Command.of(keys.nextId(), "sign-message", GATEWAY, now - 60_000,
                now - 1000, new byte[] {1})), false);
        assertRefused("sign-message", "expired", "sign-message");
        assertThat(alarms.active()).extracting(Alarm::severity).containsOnly(AlarmSeverity.WARNING);
        bridge.publish(Topics.command(SITE, GATEWAY, "sign-message"), keys.sign(Command.of(keys.nextId(), "sign-message", GATEWAY, now + 3_600_000, 0,
                new byte[] {1})), false);
        assertRefused("sign-message", "not-yet-valid", "sign-message");
        assertThat(applied).isEmpty();
    }

    @Test
    void aForgedKeyRingAndDenyListWithHugeVersionsLockNothing() throws Exception {
        bridge.publish(Topics.fleetCommand("ticket-keyring"), intruder.sign(Command.of(Long.MAX_VALUE - 1, "ticket-keyring", Command.FLEET,
                System.currentTimeMillis(), 0, "version 9000000".getBytes(StandardCharsets.UTF_8))), true);
        bridge.publish(Topics.fleetCommand("ticket-deny-list"), new CommandCodec().encodeVersion1(new Command(1, Long.MAX_VALUE - 1, "ticket-deny-list",
                null, System.currentTimeMillis(), 0, false, "version 2^63-2".getBytes(StandardCharsets.UTF_8))), true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> commands.refused() == 2);
        bridge.publish(Topics.fleetCommand("ticket-keyring"), keys.fleet("ticket-keyring", "version 3".getBytes(StandardCharsets.UTF_8)), true);
        bridge.publish(Topics.fleetCommand("ticket-deny-list"), keys.fleet("ticket-deny-list", "version 2".getBytes(StandardCharsets.UTF_8)), true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> applied.size() == 2);
        assertThat(applied).extracting(c -> new String(c.body(), StandardCharsets.UTF_8)).containsExactly("version 3", "version 2");
    }

    @Test
    void aForgedRotationIsRefusedAndAGenuineOneMovesTheAnchorAtomically() throws Exception {
        TestCommandKeys next = new TestCommandKeys(32768 + 5);
        bridge.publish(Topics.fleetCommand(CommandKeyRotation.COMMAND), intruder.rotation(intruder), true);
        assertRefused(CommandKeyRotation.COMMAND, "bad-signature", "fleet/" + CommandKeyRotation.COMMAND);
        assertThat(CommandAnchor.read(identityDir()).orElseThrow()).isEqualTo(keys.anchor());

        byte[] beforeRotation = keys.fleet("ticket-keyring", "signed before".getBytes(StandardCharsets.UTF_8));
        bridge.publish(Topics.fleetCommand(CommandKeyRotation.COMMAND), keys.rotation(next), true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> CommandAnchor.read(identityDir()).orElseThrow().current().equals(next.verifying()));
        try (var files = Files.list(identityDir())) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(CommandAnchor.FILE_NAME + ".tmp");
        }
        bridge.publish(Topics.fleetCommand("ticket-keyring"), beforeRotation, true);
        bridge.publish(Topics.fleetCommand("sign-message"), next.fleet("sign-message", "signed by the next key".getBytes(StandardCharsets.UTF_8)), false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> applied.size() == 2);
        bridge.publish(Topics.fleetCommand("ticket-deny-list"), keys.fleet("ticket-deny-list", new byte[] {1}), false);
        assertRefused("ticket-deny-list", "unknown-key", "fleet/ticket-deny-list");
        assertThat(applied).extracting(IncomingCommand::name).containsExactly("ticket-keyring", "sign-message");
    }

    @Test
    void aSealedCommandOpensForThisGatewayOnlyAndItsBirthCarriesTheSealingKey() throws Exception {
        SealingKey mine = SealingKey.loadOrCreate(identityDir());
        bridge.publish(Topics.command(SITE, GATEWAY, "sensor-keys"), keys.sealed("sensor-keys", GATEWAY, mine.publicKey(),
                "{\"version\":1}".getBytes(StandardCharsets.UTF_8)), true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> applied.size() == 1);
        assertThat(new String(applied.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("{\"version\":1}");
        SealingKey other = SealingKey.loadOrCreate(dir.resolve("other-identity"));
        bridge.publish(Topics.command(SITE, GATEWAY, "sensor-keys"), keys.sealed("sensor-keys", GATEWAY, other.publicKey(), new byte[] {1}), true);
        assertRefused("sensor-keys", "unreadable-sealed-body", "sensor-keys");
        assertThat(applied).hasSize(1);
        assertThat(commands.guard().sealingPublicKey()).isEqualTo(mine.publicKey());
    }

    @Test
    void aRebirthIsACommandLikeAnyOtherAndAForgedOneIsRefused() throws Exception {
        bridge.publish(Topics.command(SITE, GATEWAY, Inbound.REBIRTH), intruder.command(Inbound.REBIRTH, GATEWAY, new byte[0]), false);
        assertRefused(Inbound.REBIRTH, "bad-signature", Inbound.REBIRTH);
        assertThat(bridge.births).hasSize(1);
        bridge.publish(Topics.command(SITE, GATEWAY, Inbound.REBIRTH), keys.command(Inbound.REBIRTH, GATEWAY, new byte[0]), false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.births.size() == 2);
    }

    private List<String> results() throws Exception {
        return bridge.recordsOfKind(RecordKinds.COMMAND_RESULT);
    }

    private void assertRefused(String name, String reason, String key) throws Exception {
        await().atMost(10, TimeUnit.SECONDS).until(() -> results().stream().anyMatch(r -> r.contains("refused, " + reason)));
        await().atMost(10, TimeUnit.SECONDS).until(() -> alarms.active().stream().anyMatch(a -> a.id().equals("command-refused/" + reason + "/" + key)));
        Alarm alarm = alarms.active().stream().filter(a -> a.id().equals("command-refused/" + reason + "/" + key)).findFirst().orElseThrow();
        assertThat(alarm.details()).containsEntry("command", name);
    }
}
