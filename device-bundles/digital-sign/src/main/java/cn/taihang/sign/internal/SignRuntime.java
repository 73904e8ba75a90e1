package cn.taihang.sign.internal;

import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.worker.DeviceWorker;
import cn.taihang.sign.api.SignView;
import cn.taihang.sign.domain.Activation;
import cn.taihang.sign.domain.ActivationException;
import cn.taihang.sign.rendering.Bitmap;
import cn.taihang.sign.rendering.FontSet;
import cn.taihang.sign.domain.MessageController;
import cn.taihang.sign.rendering.MessageRenderer;
import cn.taihang.sign.rendering.MultiSyntaxException;
import cn.taihang.sign.rendering.PngEncoder;
import cn.taihang.sign.rendering.RenderedMessage;
import cn.taihang.sign.domain.SafetyWarning;
import cn.taihang.sign.domain.Showing;
import cn.taihang.sign.panel.Payloads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sign at work: the message controller, the panel driver and the status records, all on the sign's
 * {@link DeviceWorker} (so the domain needs no locks); other threads hand work in and read {@link #view()}.
 */
final class SignRuntime implements AutoCloseable {

    static final Duration TICK = Duration.ofMillis(250);
    static final Duration LINK_RETRY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(SignRuntime.class);

    private final SignSettings settings;
    private final MessageController controller;
    private final PanelDriver driver;
    private final Outbox outbox;
    private final Clock clock;
    private final BooleanSupplier uplinkUp;
    private final DeviceWorker worker;
    private final PngEncoder png = new PngEncoder();
    private RenderedMessage uploaded;
    private long expectedCrc = -1;
    private boolean linkUp;
    private String lastProblem = "";
    private Payloads.Status panelStatus;
    private Instant nextPanelAttempt = Instant.MIN;
    private Instant nextPoll = Instant.MIN;
    private Instant nextPeriodic;
    private long viewVersion = -1;
    private long publishedVersion = -1;
    private byte[] viewPng = new byte[0];
    private final java.util.concurrent.atomic.AtomicLong publishFailures = new java.util.concurrent.atomic.AtomicLong();
    private volatile SignView view;

    SignRuntime(SignSettings settings, FontSet fonts, PanelDriver.LinkOpener opener, Outbox outbox, Clock clock, BooleanSupplier uplinkUp)
            throws PanelException {
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
        this.uplinkUp = uplinkUp;
        MessageRenderer renderer = new MessageRenderer(settings.panel(), fonts);
        checkWarnings(renderer);
        this.controller = new MessageController(settings.controller(), renderer, clock.instant());
        this.nextPeriodic = clock.instant().plus(settings.statusInterval());
        this.driver = new PanelDriver(opener, settings.panel(), settings.link().ackTimeout(), settings.link().retries());
        refreshView();
        this.worker = new DeviceWorker("sign-" + settings.id(), "sign " + settings.id());
        worker.scheduleWithFixedDelay(this::tick, Duration.ZERO, TICK);
    }

    private void checkWarnings(MessageRenderer renderer) {
        settings.warnings().configuredMessages().forEach((kind, multi) -> {
            try {
                renderer.render(multi);
            } catch (MultiSyntaxException e) {
                throw new IllegalArgumentException("the safety message for '" + kind + "' cannot be shown on this panel: " + e.getMessage());
            }
        });
    }

    SignView view() {
        return view;
    }

    /** @return the sign's clock's time */
    Instant now() {
        return clock.instant();
    }

    String lastProblem() {
        return lastProblem;
    }

    long[] driverCounts() {
        return driver.counts();
    }

    SignView activate(Activation activation) throws ActivationException {
        try {
            SignView result = call(() -> {
                controller.activate(activation, clock.instant());
                refreshView();
                return view;
            });
            worker.execute(this::syncPanel);
            return result;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ActivationException refused) {
                throw refused;
            }
            throw new ActivationException(ActivationException.Reason.OTHER, "the sign failed: " + e.getCause());
        }
    }

    void reset() {
        submit(() -> controller.reset(clock.instant()));
    }

    void raise(SafetyWarning warning) {
        submit(() -> controller.raise(warning, clock.instant()));
    }

    void clear(String warningId) {
        submit(() -> controller.clear(warningId, clock.instant()));
    }

    /** Hands a change to the sign's thread (dropped once the sign is closed). */
    private void submit(Runnable change) {
        worker.execute(() -> {
            change.run();
            refreshView();
            syncPanel();
        });
    }

    private <T> T call(Callable<T> task) throws ExecutionException, ActivationException {
        Future<T> future = null;
        try {
            future = worker.submit(task);
            return future.get(5, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            throw new ActivationException(ActivationException.Reason.OTHER, "the sign is stopping; try again when it is back");
        } catch (TimeoutException e) {
            if (!future.cancel(false)) {
                throw new ActivationException(ActivationException.Reason.OTHER,
                        "the sign was slow to answer but has started on it; look at the sign's picture before trying again");
            }
            throw new ActivationException(ActivationException.Reason.OTHER, "the sign is busy with its panel; try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActivationException(ActivationException.Reason.OTHER, "interrupted");
        }
    }

    private void tick() {
        Instant now = clock.instant();
        if (uplinkUp.getAsBoolean()) {
            controller.commsUp(now);
        }
        for (ActivationException refused : controller.tick(now)) {
            LOG.info("sign {}: day-plan message refused: {}", settings.id(), refused.getMessage());
        }
        refreshView();
        syncPanel();
        if (linkUp && controller.version() != publishedVersion && controller.displayed().message().equals(uploaded)) {
            publish(true, false);
        }
        if (!now.isBefore(nextPoll)) {
            poll(now);
        }
        if (!now.isBefore(nextPeriodic)) {
            nextPeriodic = now.plus(settings.statusInterval());
            publish(false, true);
        }
    }

    private void syncPanel() {
        Instant now = clock.instant();
        RenderedMessage target = controller.displayed().message();
        if (target.equals(uploaded) || now.isBefore(nextPanelAttempt)) {
            return;
        }
        try {
            if (!linkUp) {
                driver.hello();
            }
            long crc = driver.show(target);
            panelStatus = driver.status();
            expectedCrc = crc;
            linkUp = true;
            nextPoll = now.plus(settings.statusPoll());
            if (panelStatus.shownCrc() == crc) {
                uploaded = target;
                lastProblem = "";
            } else {
                lastProblem = "the panel reports other content than was sent";
                nextPanelAttempt = now.plus(LINK_RETRY);
            }
            refreshView();
            publish(true, true);
        } catch (PanelException e) {
            linkDown(e, now);
        }
    }

    private void poll(Instant now) {
        nextPoll = now.plus(settings.statusPoll());
        try {
            if (!linkUp) {
                driver.hello();
            }
            Payloads.Status status = driver.status();
            boolean rebooted = panelStatus != null && status.bootCount() != panelStatus.bootCount();
            if (rebooted || status.shownCrc() != expectedCrc) {
                LOG.info("sign {}: the panel {}; sending the message again", settings.id(), rebooted ? "restarted" : "shows other content");
                uploaded = null;
                nextPanelAttempt = Instant.MIN;
            }
            int level = settings.brightness().level(now, OptionalDouble.of(status.ambientLux()));
            if (level != status.brightness()) {
                driver.brightness(level);
                status = new Payloads.Status(status.shownCrc(), status.page(), level, status.temperatureTenths(), status.ambientLux(),
                        status.pixelFaults(), status.bootCount());
            }
            boolean wasUp = linkUp;
            panelStatus = status;
            linkUp = true;
            refreshView();
            if (!wasUp) {
                LOG.info("sign {}: panel answers again on {}", settings.id(), driver.describe());
            }
        } catch (PanelException e) {
            linkDown(e, now);
        }
    }

    private void linkDown(PanelException e, Instant now) {
        boolean wasUp = linkUp || lastProblem.isEmpty();
        linkUp = false;
        uploaded = null;
        lastProblem = e.getMessage();
        nextPanelAttempt = now.plus(LINK_RETRY);
        nextPoll = now.plus(LINK_RETRY);
        if (wasUp) {
            LOG.warn("sign {}: {}", settings.id(), e.getMessage());
            refreshView();
            publish(true, false);
        }
    }

    private String state() {
        if (!linkUp) {
            return "PANEL_DOWN";
        }
        return controller.displayed().message().equals(uploaded) ? "SHOWN" : "UNCONFIRMED";
    }

    /**
     * @param change content or link changed (high priority), else the periodic report
     * @param image whether to carry the PNG (only ever for SHOWN; a repeat that only moved the expiry does not need it)
     */
    private void publish(boolean change, boolean image) {
        publishedVersion = controller.version();
        SignView current = view;
        String state = state();
        SignView sent = image && "SHOWN".equals(state) ? current : withoutImage(current);
        OutboundRecord record = StatusRecords.build(sent, settings.role(), settings.panel().defaultFont() == FontSet.LARGE, state, change, clock.instant());
        outbox.publish(record).whenComplete((seq, failure) -> {
            if (failure != null && publishFailures.getAndIncrement() == 0) {
                LOG.warn("sign {}: status record refused by the store ({}); further failures are only counted", settings.id(), failure.getMessage());
            }
        });
    }

    private static SignView withoutImage(SignView v) {
        return new SignView(v.id(), v.description(), v.width(), v.height(), v.scheme(), v.multi(), v.origin(), v.source(), v.priority(),
                v.activatedAt(), v.expiresAt(), v.confirmed(), v.link(), v.brightness(), v.temperatureCelsius(), v.ambientLux(),
                v.pixelFaults(), v.warnings(), new byte[0], v.pages());
    }

    private void refreshView() {
        Showing showing = controller.displayed();
        if (controller.version() != viewVersion) {
            viewVersion = controller.version();
            viewPng = png.encode(Bitmap.stack(showing.message().images()));
        }
        Payloads.Status s = panelStatus;
        List<String> warnings = controller.warnings().stream().map(SafetyWarning::id).toList();
        view = new SignView(settings.id(), settings.description(), settings.panel().width(), settings.panel().height(), settings.panel().scheme(),
                showing.multi(), showing.origin(), showing.source(), showing.priority(), showing.activatedAt(), showing.expiresAt(),
                showing.message().equals(uploaded) && linkUp, linkUp, s == null ? -1 : s.brightness(),
                s == null ? Double.NaN : s.temperatureTenths() / 10.0, s == null ? -1 : s.ambientLux(), s == null ? -1 : s.pixelFaults(),
                warnings, viewPng, showing.message().pages().size());
    }

    @Override
    public void close() {
        worker.close();
        driver.close();
    }
}
