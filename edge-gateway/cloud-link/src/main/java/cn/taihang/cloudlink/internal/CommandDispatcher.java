package cn.taihang.cloudlink.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.AlarmSeverity;
import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.CommandException;
import cn.taihang.gateway.api.CommandHandler;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.wire.Command;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.SignedCommand;
import cn.taihang.wire.WireFormatException;
import cn.taihang.wire.command.CommandKeyRotation;
import cn.taihang.wire.command.CommandRefusedException;
import cn.taihang.wire.command.CommandRefusedException.Reason;
import cn.taihang.wire.records.CommandResult;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the bridge's commands to the {@link CommandHandler} registered for their name, one at a time on its own thread
 * (never on the MQTT client's), after its {@link CommandGuard} has checked them: a command that is unsigned, wrongly
 * signed, for another gateway or topic, a replay, expired or not yet valid is refused with one log line (per reason and
 * name), a {@link CommandResult} refusal and a gateway alarm (a warning for a genuine command that expired on its way or is
 * not valid yet, or while the gateway is not enrolled; critical for everything else); the very same
 * bytes refused again are dropped quietly. The same command redelivered (retained commands come again on every reconnect)
 * is skipped. A command that arrives before its handler is registered (a retained one right after connecting, while the
 * bundle that takes it is still starting) is kept, the latest per name, and applied when the handler registers. Built in:
 * {@value CommandKeyRotation#COMMAND} (the command key rotation).
 */
final class CommandDispatcher implements AutoCloseable {

    /** Kind of the alarms of refused commands. */
    static final String ALARM_KIND = "command-refused";
    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final int REMEMBERED_REFUSALS = 1024;
    private static final int MAX_RESULT_CHARS = 240;

    private final CommandGuard guard;
    private final CommandCodec codec = new CommandCodec();
    private final Map<String, CommandHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, CommandGuard.Accepted> waiting = new ConcurrentHashMap<>();
    private final Set<String> refusedPayloads = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_REFUSALS;
        }
    });
    private final Set<String> loggedRefusals = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(DaemonThreads.named("taihang-commands"));
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile Outbox outbox;
    private volatile Alarms alarms;

    /** @param guard what decides whether a command is acted on */
    CommandDispatcher(CommandGuard guard) {
        this.guard = guard;
        handlers.put(CommandKeyRotation.COMMAND, guard::rotate);
    }

    void outbox(Outbox outbox) {
        this.outbox = outbox;
    }

    void alarms(Alarms alarms) {
        this.alarms = alarms;
    }

    /** @return the guard (for the birth's sealing key) */
    CommandGuard guard() {
        return guard;
    }

    void register(CommandHandler handler, List<String> names) {
        names.forEach(name -> {
            if (name.equals(CommandKeyRotation.COMMAND)) {
                LOG.warn("a bundle registered a handler for '{}', which the cloud link keeps for itself; ignored", name);
                return;
            }
            CommandHandler previous = handlers.put(name, handler);
            if (previous != null && previous != handler) {
                LOG.warn("two handlers for command '{}'; the later one ({}) takes it", name, handler.getClass().getName());
            }
            worker.execute(() -> {
                for (String key : List.of(name, "fleet/" + name)) {
                    CommandGuard.Accepted pending = waiting.remove(key);
                    if (pending != null) {
                        apply(pending);
                    }
                }
            });
        });
    }

    void unregister(CommandHandler handler) {
        handlers.entrySet().removeIf(e -> e.getValue() == handler && !e.getKey().equals(CommandKeyRotation.COMMAND));
    }

    /** Called on the uplink's thread with a command topic's payload. */
    void onCommand(String name, byte[] payload, boolean fleetWide) {
        SignedCommand signed;
        try {
            signed = codec.decode(payload);
        } catch (WireFormatException e) {
            if (malformed.incrementAndGet() == 1) {
                LOG.warn("Ignoring a malformed '{}' command ({}); further malformed commands are only counted", name, e.getMessage());
            }
            return;
        }
        worker.execute(() -> examine(signed, payload, name, fleetWide));
    }

    private void examine(SignedCommand signed, byte[] payload, String name, boolean fleetWide) {
        String digest = HexFormat.of().formatHex(CommandGuard.sha256(payload));
        if (refusedPayloads.contains(digest)) {
            return;
        }
        try {
            guard.check(signed, payload, name, fleetWide).ifPresent(this::apply);
        } catch (CommandRefusedException e) {
            refusedPayloads.add(digest);
            refuse(signed.command(), (fleetWide ? "fleet/" : "") + name, e);
        } catch (IllegalStateException e) {
            LOG.error("command '{}' #{} not applied: {}", name, signed.command().id(), e.getMessage());
        }
    }

    private void apply(CommandGuard.Accepted accepted) {
        Command command = accepted.command();
        CommandHandler handler = handlers.get(command.name());
        if (handler == null) {
            waiting.put(accepted.key(), accepted);
            report(command, false, "no handler for '" + command.name() + "' on this gateway yet; kept, and applied when the bundle that takes it"
                    + " starts (is it installed and configured?)");
            return;
        }
        try {
            String outcome = handler.handle(new IncomingCommand(command.id(), command.name(), command.issuedAtMillis(), command.fleetWide(), accepted.body()));
            guard.applied(accepted);
            LOG.info("command '{}' #{} applied: {}", command.name(), command.id(), outcome);
            report(command, true, outcome == null ? "" : outcome);
        } catch (CommandException e) {
            guard.applied(accepted);
            LOG.warn("command '{}' #{} refused: {}", command.name(), command.id(), e.getMessage());
            report(command, false, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("command '{}' #{} failed in its handler", command.name(), command.id(), e);
            report(command, false, "the handler failed: " + e);
        }
    }

    private void refuse(Command command, String key, CommandRefusedException e) {
        refused.incrementAndGet();
        String reason = e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (loggedRefusals.add(reason + "|" + key)) {
            LOG.warn("REFUSED command '{}' #{} ({}): {}; further refusals of '{}' for this reason are counted, not logged", command.name(), command.id(),
                    e.reason(), e.getMessage(), key);
        }
        report(command, false, "refused, " + reason + ": " + e.getMessage());
        Alarms target = alarms;
        if (target != null) {
            boolean routine = e.reason() == Reason.EXPIRED || e.reason() == Reason.NOT_YET_VALID || e.reason() == Reason.NO_ANCHOR;
            target.raise(new Alarm(ALARM_KIND + "/" + reason + "/" + key, ALARM_KIND, routine ? AlarmSeverity.WARNING : AlarmSeverity.CRITICAL,
                    "cloud-link", "拒绝执行命令 / Command refused: " + e.getMessage(), Instant.now(),
                    Map.of("command", command.name(), "id", command.id(), "reason", e.reason().name())));
        }
    }

    private void report(Command command, boolean ok, String message) {
        Outbox target = outbox;
        if (target == null) {
            return;
        }
        String text = message.isEmpty() ? "-" : message.length() > MAX_RESULT_CHARS ? message.substring(0, MAX_RESULT_CHARS - 1) + "…" : message;
        List<Measurement> values = List.of(Measurement.of(CommandResult.ID, command.id()), Measurement.of(CommandResult.COMMAND, command.name()),
                Measurement.of(CommandResult.OK, ok), Measurement.of(CommandResult.MESSAGE, text));
        target.publish(new OutboundRecord("gateway", CommandResult.KIND, Instant.now(), values)).whenComplete((seq, failure) -> {
            if (failure != null) {
                LOG.warn("the result of command '{}' #{} could not be stored: {}", command.name(), command.id(), failure.getMessage());
            }
        });
    }

    /** @return how many malformed commands were ignored */
    long malformed() {
        return malformed.get();
    }

    /** @return how many commands were refused */
    long refused() {
        return refused.get();
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
