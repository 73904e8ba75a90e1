package cn.taihang.wire.records;

import java.util.List;

/**
 * {@value RecordKinds#COMMAND_RESULT}: what a gateway made of one command from the bridge (applied, refused, or kept
 * until the bundle that takes it starts), HIGH. Device: {@code gateway}; record time: when it was handled.
 *
 * <p>Produced by the cloud link's command dispatcher. Consumed by the telemetry API and the simulator, which waits
 * for every gateway to confirm the ticket key ring ({@link #COMMAND}, {@link #OK}).
 */
public final class CommandResult {

    /** The command's id. */
    public static final Metric<Double> ID = Metric.number("id", null);
    /** The command's name, e.g. {@code ticket-keyring}. */
    public static final Metric<String> COMMAND = Metric.text("command");
    /** Whether it was applied. */
    public static final Metric<Boolean> OK = Metric.flag("ok");
    /** The handler's outcome or the refusal, {@code -} if none. */
    public static final Metric<String> MESSAGE = Metric.text("message");

    /** The kind. */
    public static final RecordKind KIND = RecordKind.of(RecordKinds.COMMAND_RESULT, RecordKind.HIGH, List.of(ID, COMMAND, OK, MESSAGE), List.of());

    private CommandResult() {
    }
}
