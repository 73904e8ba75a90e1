package cn.taihang.validator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.gateway.api.CommandException;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.validator.domain.Issuer;
import cn.taihang.wire.ticket.DenyList;
import cn.taihang.wire.ticket.KeyRing;
import cn.taihang.wire.ticket.TrustCodec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TrustComponentTest {

    private final MemoryLedger ledger = new MemoryLedger();
    private final TrustCodec codec = new TrustCodec();
    private final Issuer issuer = new Issuer(3);

    private static IncomingCommand command(String name, long id, byte[] body) {
        return new IncomingCommand(id, name, 0, true, body);
    }

    @Test
    void theKeyRingAndDenyListAreUsedStoredAndLoadedAfterARestart() throws Exception {
        TrustComponent trust = new TrustComponent(ledger);
        assertThat(trust.current().verifier()).isNull();
        String outcome = trust.handle(command(TrustComponent.KEY_RING_COMMAND, 1, codec.encode(issuer.ring())));
        assertThat(outcome).contains("key ring version 1 in use: 3:active");
        trust.handle(command(TrustComponent.DENY_LIST_COMMAND, 2, codec.encode(new DenyList(4, List.of(new DenyList.Entry(99, Instant.now()))))));
        assertThat(trust.current().denied()).containsExactly(99L);

        TrustComponent restarted = new TrustComponent(ledger);
        assertThat(restarted.current().keyRing()).isEqualTo(issuer.ring());
        assertThat(restarted.current().denyList().version()).isEqualTo(4);
        assertThat(restarted.current().denied()).containsExactly(99L);
    }

    @Test
    void anOlderVersionIsIgnoredAndABadBodyRefusedKeepingWhatWasHeld() throws Exception {
        TrustComponent trust = new TrustComponent(ledger);
        KeyRing newer = new KeyRing(5, List.of(issuer.key(KeyRing.KeyState.ACTIVE)));
        trust.handle(command(TrustComponent.KEY_RING_COMMAND, 1, codec.encode(newer)));
        assertThat(trust.handle(command(TrustComponent.KEY_RING_COMMAND, 2, codec.encode(issuer.ring())))).contains("already held");
        assertThat(trust.current().keyRing().version()).isEqualTo(5);
        assertThatThrownBy(() -> trust.handle(command(TrustComponent.KEY_RING_COMMAND, 3, new byte[] {1, 2, 3})))
                .isInstanceOf(CommandException.class).hasMessageContaining("keeps what it had");
        assertThat(trust.current().keyRing().version()).isEqualTo(5);
        assertThat(ledger.writes).isEqualTo(1);
    }
}
