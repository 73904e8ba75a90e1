package cn.taihang.cloudlink.internal;

import cn.taihang.gateway.api.CommandException;
import cn.taihang.gateway.api.CommandHandler;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.WireFormatException;
import cn.taihang.wire.records.CommandResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the bridge's commands to the {@link CommandHandler} registered for their name, one at a time on
 * its own thread (never on the MQTT client's), skips a command id already applied (retained commands
 * come again on every reconnect) and reports each outcome to the bridge as a {@link CommandResult} record.
 * A command that arrives before its handler is registered (a retained one right after connecting, while
 * the bundle that takes it is still starting) is kept, the latest per name, and applied when the handler
 * registers.
 */
final class CommandDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

    private final CommandCodec codec = new CommandCodec();
    private final Map<String, CommandHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Long> lastApplied = new ConcurrentHashMap<>();
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("taihang-commands"));
    private final AtomicLong malformed = new AtomicLong();
    private volatile Outbox outbox;

    void outbox(Outbox outbox) {
        this.outbox = outbox;
    }

    void register(CommandHandler handler, List<String> names) {
        names.forEach(name -> {
            CommandHandler previous = handlers.put(name, handler);
            if (previous != null && previous != handler) {
                LOG.warn("two handlers for command '{}'; the later one ({}) takes it", name, handler.getClass().getName());
            }
            worker.execute(() -> {
                for (String key : List.of(name, "fleet/" + name)) {
                    Waiting pending = waiting.remove(key);
                    if (pending != null) {
                        apply(pending.command(), pending.fleetWide());
                    }
                }
            });
        });
    }

    void unregister(CommandHandler handler) {
        handlers.values().removeIf(h -> h == handler);
    }

    /** Called on the uplink's thread with a command topic's payload. */
    void onCommand(String name, byte[] payload, boolean fleetWide) {
        Command command;
        try {
            command = codec.decode(payload);
        } catch (WireFormatException e) {
            if (malformed.incrementAndGet() == 1) {
                LOG.warn("Ignoring a malformed '{}' command ({}); further malformed commands are only counted", name, e.getMessage());
            }
            return;
        }
        if (!command.name().equals(name)) {
            LOG.warn("Ignoring command '{}' published on the topic of '{}'", command.name(), name);
            return;
        }
        worker.execute(() -> apply(command, fleetWide));
    }

    private void apply(Command command, boolean fleetWide) {
        String key = (fleetWide ? "fleet/" : "") + command.name();
        if (Long.valueOf(command.id()).equals(lastApplied.get(key))) {
            return;
        }
        if (command.expiredAt(System.currentTimeMillis())) {
            report(command, false, "expired before it reached the gateway");
            lastApplied.put(key, command.id());
            return;
        }
        CommandHandler handler = handlers.get(command.name());
        if (handler == null) {
            waiting.put(key, new Waiting(command, fleetWide));
            report(command, false, "no handler for '" + command.name() + "' on this gateway yet; kept, and applied when the bundle that takes it"
                    + " starts (is it installed and configured?)");
            return;
        }
        try {
            String outcome = handler.handle(new IncomingCommand(command.id(), command.name(), command.issuedAtMillis(), fleetWide, command.body()));
            lastApplied.put(key, command.id());
            LOG.info("command '{}' #{} applied: {}", command.name(), command.id(), outcome);
            report(command, true, outcome == null ? "" : outcome);
        } catch (CommandException e) {
            lastApplied.put(key, command.id());
            LOG.warn("command '{}' #{} refused: {}", command.name(), command.id(), e.getMessage());
            report(command, false, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("command '{}' #{} failed in its handler", command.name(), command.id(), e);
            report(command, false, "the handler failed: " + e);
        }
    }

    private void report(Command command, boolean ok, String message) {
        Outbox target = outbox;
        if (target == null) {
            return;
        }
        List<Measurement> values = List.of(Measurement.of(CommandResult.ID, command.id()), Measurement.of(CommandResult.COMMAND, command.name()),
                Measurement.of(CommandResult.OK, ok), Measurement.of(CommandResult.MESSAGE, message.isEmpty() ? "-" : message));
        target.publish(new OutboundRecord("gateway", CommandResult.KIND, Instant.now(), values)).whenComplete((seq, failure) -> {
            if (failure != null) {
                LOG.warn("the result of command '{}' #{} could not be stored: {}", command.name(), command.id(), failure.getMessage());
            }
        });
    }

    private record Waiting(Command command, boolean fleetWide) {}

    /** @return how many malformed commands were ignored */
    long malformed() {
        return malformed.get();
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
