package cn.taihang.cloudlink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.CommandException;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.Topics;
import cn.taihang.wire.records.RecordKinds;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Commands from the bridge reach their handler once, even when retained and redelivered; outcomes go back as records. */
@Tag("loopback")
class UplinkCommandTest extends LoopbackFixture {

    private final CommandCodec codec = new CommandCodec();

    @Test
    void aRetainedFleetCommandIsAppliedOnceAndItsResultStoredForTheBridge() throws Exception {
        List<IncomingCommand> seen = new CopyOnWriteArrayList<>();
        CommandDispatcher commands = new CommandDispatcher();
        commands.outbox(store.outbox());
        commands.register(c -> {
            seen.add(c);
            return "key ring now holds 2 keys";
        }, List.of("keyring"));
        bridge.publish(Topics.fleetCommand("keyring"), codec.encode(new Command(1, 77, "keyring", 1, 0, new byte[] {9})), true);

        Uplink uplink = uplink(settings(broker.url()), commands);
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen.size() == 1);
        assertThat(seen.get(0).fleetWide()).isTrue();
        assertThat(seen.get(0).body()).containsExactly(9);
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.recordsOfKind(RecordKinds.COMMAND_RESULT).size() == 1);
        assertThat(bridge.recordsOfKind(RecordKinds.COMMAND_RESULT).get(0)).contains("key ring now holds 2 keys", "booleanValue=true");

        uplink.close();
        Uplink again = uplink(settings(broker.url()), commands);
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.births.size() == 2);
        await().atMost(10, TimeUnit.SECONDS).until(() -> again.health().status().name().equals("UP"));
        bridge.publish(Topics.fleetCommand("keyring"), codec.encode(new Command(1, 78, "keyring", 1, 0, new byte[] {8})), true);
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen.stream().anyMatch(c -> c.id() == 78));
        assertThat(seen).as("the retained command redelivered on reconnect (before #78) is not applied twice")
                .extracting(IncomingCommand::id).containsExactly(77L, 78L);
    }

    @Test
    void aCommandThatArrivesBeforeItsHandlerIsAppliedWhenTheHandlerRegisters() throws Exception {
        List<IncomingCommand> seen = new CopyOnWriteArrayList<>();
        CommandDispatcher commands = new CommandDispatcher();
        commands.outbox(store.outbox());
        bridge.publish(Topics.fleetCommand("sensor-keys"), codec.encode(new Command(1, 3, "sensor-keys", 1, 0, new byte[] {4})), true);
        uplink(settings(broker.url()), commands);
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.recordsOfKind(RecordKinds.COMMAND_RESULT).size() == 1);
        commands.register(c -> {
            seen.add(c);
            return "3 sensors provisioned";
        }, List.of("sensor-keys"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> seen.size() == 1);
        assertThat(seen.get(0).id()).isEqualTo(3);
    }

    @Test
    void aRefusedCommandAndOneWithoutHandlerAreReportedNotFatal() throws Exception {
        List<String> outcomes = new CopyOnWriteArrayList<>();
        CommandDispatcher commands = new CommandDispatcher();
        commands.outbox(store.outbox());
        commands.register(c -> {
            throw new CommandException("deny list version 3 is older than version 5 held here");
        }, List.of("deny-list"));
        uplink(settings(broker.url()), commands);
        await().atMost(10, TimeUnit.SECONDS).until(() -> !bridge.births.isEmpty());
        bridge.publish(Topics.command(SITE, GATEWAY, "deny-list"), codec.encode(new Command(1, 5, "deny-list", 1, 0, new byte[0])), false);
        bridge.publish(Topics.command(SITE, GATEWAY, "no-such-thing"), codec.encode(new Command(1, 6, "no-such-thing", 1, 0, new byte[0])), false);
        bridge.publish(Topics.command(SITE, GATEWAY, "deny-list"), new byte[] {1, 2, 3}, false);
        await().atMost(10, TimeUnit.SECONDS).until(() -> bridge.recordsOfKind(RecordKinds.COMMAND_RESULT).size() == 2);
        outcomes.addAll(bridge.recordsOfKind(RecordKinds.COMMAND_RESULT));
        assertThat(outcomes).anySatisfy(o -> assertThat(o).contains("older than version 5"))
                .anySatisfy(o -> assertThat(o).contains("no handler for 'no-such-thing'"));
        assertThat(commands.malformed()).isEqualTo(1);
    }
}
