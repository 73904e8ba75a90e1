package cn.taihang.cloudlink.internal;

import cn.taihang.gateway.api.LedgerEntry;
import cn.taihang.gateway.api.LedgerException;
import cn.taihang.gateway.api.LocalLedger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** {@link ReplayMarks} in the gateway's durable ledger, namespace {@value #NAMESPACE}: 8 bytes id ‖ 32 bytes digest. */
final class LedgerReplayMarks implements ReplayMarks {

    static final String NAMESPACE = "command-replay";
    private final LocalLedger ledger;

    LedgerReplayMarks(LocalLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<Mark> last(String key) {
        try {
            return ledger.get(NAMESPACE, key).map(LedgerEntry::value).filter(v -> v.length == Long.BYTES + 32)
                    .map(v -> new Mark(ByteBuffer.wrap(v).getLong(), Arrays.copyOfRange(v, Long.BYTES, v.length)));
        } catch (LedgerException e) {
            throw new IllegalStateException("the replay marks cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void record(String key, Mark mark) {
        try {
            ledger.put(NAMESPACE, key, ByteBuffer.allocate(Long.BYTES + mark.digest().length).putLong(mark.id()).put(mark.digest()).array(), null);
        } catch (LedgerException e) {
            throw new IllegalStateException("the replay mark of " + key + " cannot be stored: " + e.getMessage(), e);
        }
    }
}
