package cn.taihang.sign.domain;

import cn.taihang.sign.rendering.MessageRenderer;
import cn.taihang.sign.rendering.MultiSyntaxException;
import cn.taihang.sign.rendering.RenderedMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One sign's message control, after NTCIP 1203: an activation replaces the message shown only at a priority at
 * least the shown message's run-time priority (else it is refused with {@link ActivationException.Reason#PRIORITY});
 * when a message's duration ends the end-duration message shows; when the central system has been silent for the
 * comms-loss timeout, central content gives way to the comms-loss message; the power-recovery message shows at
 * start and the reset message after a reset; the day plan activates its messages on time.
 *
 * <p>Local safety warnings (fog, ice, wind alarms) sit on top at their own run-time priority: they show within the
 * same call that raises them, refuse lower activations while up, and when the last one clears the sign goes back
 * to the message underneath if its duration has not ended (else the end-duration message). An activation at or
 * above the safety priority replaces the warnings' display until it ends.
 *
 * <p>Plain Java with an injected time: every method takes {@code now}. Not thread-safe: confine to one thread.
 */
public final class MessageController {

    private final ControllerSettings settings;
    private final MessageRenderer renderer;
    private final RenderedMessage endDuration;
    private final RenderedMessage commsLoss;
    private final RenderedMessage reset;
    private final RenderedMessage safetyFallback;
    private final Map<String, SafetyWarning> warnings = new LinkedHashMap<>();
    private Showing current;
    private Showing warningShowing;
    private boolean warningsOnTop;
    private Instant lastComms;
    private boolean commsLost;
    private Instant lastTick;
    private Showing displayed;
    private long version;

    /**
     * Starts the controller showing the power-recovery message.
     *
     * @throws IllegalArgumentException naming a system message that is not valid MULTI for this panel
     */
    public MessageController(ControllerSettings settings, MessageRenderer renderer, Instant now) {
        this.settings = settings;
        this.renderer = renderer;
        this.endDuration = system("end-duration message", settings.endDurationMulti());
        this.commsLoss = system("comms-loss message", settings.commsLossMulti());
        this.reset = system("reset message", settings.resetMulti());
        this.safetyFallback = system("safety fallback message", settings.safetyFallbackMulti());
        this.current = new Showing(system("power-recovery message", settings.powerRecoveryMulti()), MessageOrigin.POWER_RECOVERY,
                "power-recovery", 0, now, null);
        this.lastComms = now;
        refresh();
    }

    private RenderedMessage system(String what, String multi) {
        try {
            return renderer.render(multi);
        } catch (MultiSyntaxException e) {
            throw new IllegalArgumentException("the " + what + " cannot be shown on this panel: " + e.getMessage(), e);
        }
    }

    /** @return what the sign should show now */
    public Showing displayed() {
        return displayed;
    }

    /** @return a number that grows whenever {@link #displayed()} changes */
    public long version() {
        return version;
    }

    /** @return the active safety warnings, oldest first */
    public List<SafetyWarning> warnings() {
        return List.copyOf(warnings.values());
    }

    /** @return whether the comms-loss timeout has passed since the central system was last heard */
    public boolean commsLost() {
        return commsLost;
    }

    /**
     * Activates a message.
     *
     * @return what shows now (the new message, unless it repeated the one shown: then only its expiry moves)
     * @throws ActivationException if it expired, is not valid MULTI, does not fit, or its priority is too low
     */
    public Showing activate(Activation activation, Instant now) throws ActivationException {
        if (activation.origin() == MessageOrigin.CENTRAL) {
            commsUp(now);
        }
        endIfExpired(now);
        Instant expiresAt = activation.expiresAt();
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            throw new ActivationException(ActivationException.Reason.EXPIRED, "its " + activation.durationMinutes()
                    + " min duration from " + activation.issuedAt() + " had ended when it arrived; send it again");
        }
        RenderedMessage message;
        try {
            message = renderer.render(activation.multi());
        } catch (MultiSyntaxException e) {
            throw new ActivationException(e);
        }
        int shownPriority = warningsOnTop ? settings.safetyPriority() : current.priority();
        if (activation.priority() < shownPriority) {
            throw new ActivationException(ActivationException.Reason.PRIORITY, "priority " + activation.priority() + " is below "
                    + shownPriority + " of the " + displayed.origin().name().toLowerCase() + " message shown; raise it or wait");
        }
        boolean repeat = !warningsOnTop && current.origin() == activation.origin() && current.priority() == activation.priority()
                && current.source().equals(activation.source()) && current.multi().equals(activation.multi());
        Instant activatedAt = repeat ? current.activatedAt() : now;
        current = new Showing(repeat ? current.message() : message, activation.origin(), activation.source(), activation.priority(),
                activatedAt, expiresAt);
        warningsOnTop = false;
        refresh();
        return displayed;
    }

    /** Shows the reset message (NTCIP controller reset); safety warnings stay up. */
    public void reset(Instant now) {
        replaceCurrent(new Showing(reset, MessageOrigin.RESET, "reset", 0, now, null));
    }

    /** The central system was heard from now (the uplink is up). */
    public void commsUp(Instant now) {
        lastComms = now;
        commsLost = false;
    }

    /**
     * Raises or updates a safety warning: it shows at once unless a message above the safety priority is up.
     */
    public void raise(SafetyWarning warning, Instant now) {
        boolean isNew = !warnings.containsKey(warning.id());
        warnings.put(warning.id(), warning);
        warningShowing = null;
        if (isNew && settings.safetyPriority() >= current.priority()) {
            warningsOnTop = true;
        }
        if (warningsOnTop) {
            warningShowing = composeWarnings(now);
        }
        refresh();
    }

    /** Clears a safety warning; unknown ids are ignored. */
    public void clear(String warningId, Instant now) {
        if (warnings.remove(warningId) == null) {
            return;
        }
        if (warnings.isEmpty()) {
            warningsOnTop = false;
            warningShowing = null;
        } else if (warningsOnTop) {
            warningShowing = composeWarnings(warningShowing == null ? now : warningShowing.activatedAt());
        }
        refresh();
    }

    /**
     * Advances time: ends expired messages, applies the comms-loss timeout, fires day-plan events.
     *
     * @return the day-plan activations refused (e.g. for priority), for the caller to report
     */
    public List<ActivationException> tick(Instant now) {
        endIfExpired(now);
        Duration timeout = settings.commsLossTimeout();
        if (!timeout.isZero() && !commsLost && Duration.between(lastComms, now).compareTo(timeout) >= 0) {
            commsLost = true;
            if (current.origin() == MessageOrigin.CENTRAL) {
                replaceCurrent(new Showing(commsLoss, MessageOrigin.COMMS_LOSS, "comms-loss", 0, now, null));
            }
        }
        List<Activation> due = new ArrayList<>();
        if (lastTick == null) {
            Activation inForce = settings.dayPlan().inForce(now);
            if (inForce != null) {
                due.add(inForce);
            }
        } else {
            due.addAll(settings.dayPlan().due(lastTick, now));
        }
        lastTick = now;
        List<ActivationException> refused = new ArrayList<>();
        for (Activation a : due) {
            try {
                activate(a, now);
            } catch (ActivationException e) {
                if (e.reason() != ActivationException.Reason.EXPIRED) {
                    refused.add(e);
                }
            }
        }
        return refused;
    }

    private void endIfExpired(Instant now) {
        if (current.expiresAt() != null && !now.isBefore(current.expiresAt())) {
            replaceCurrent(new Showing(endDuration, MessageOrigin.END_DURATION, "end-duration", 0, now, null));
        }
    }

    private void replaceCurrent(Showing next) {
        current = next;
        if (!warnings.isEmpty() && settings.safetyPriority() >= current.priority() && !warningsOnTop) {
            warningsOnTop = true;
            warningShowing = composeWarnings(next.activatedAt());
        }
        refresh();
    }

    private Showing composeWarnings(Instant since) {
        String source = "alarm " + String.join(",", warnings.keySet());
        if (source.length() > 64) {
            source = source.substring(0, 61) + "...";
        }
        String all = warnings.values().stream().map(SafetyWarning::multi).collect(Collectors.joining("[np]"));
        RenderedMessage message;
        try {
            message = renderer.render(all);
        } catch (MultiSyntaxException tooMany) {
            SafetyWarning latest = List.copyOf(warnings.values()).get(warnings.size() - 1);
            try {
                message = renderer.render(latest.multi());
            } catch (MultiSyntaxException e) {
                message = safetyFallback;
            }
        }
        return new Showing(message, MessageOrigin.SAFETY, source, settings.safetyPriority(), since, null);
    }

    private void refresh() {
        if (warningsOnTop && warningShowing == null) {
            warningShowing = composeWarnings(current.activatedAt());
        }
        Showing next = warningsOnTop ? warningShowing : current;
        if (!next.equals(displayed)) {
            displayed = next;
            version++;
        }
    }
}
