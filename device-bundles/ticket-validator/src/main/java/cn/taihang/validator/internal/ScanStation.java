package cn.taihang.validator.internal;

import cn.taihang.gateway.api.LocalLedger;
import cn.taihang.gateway.api.Outbox;
import cn.taihang.gateway.api.ScanEntry;
import cn.taihang.gateway.api.config.Ranges;
import cn.taihang.gateway.api.worker.DeviceWorker;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.LineListener;
import cn.taihang.hardware.api.SerialLine;
import cn.taihang.hardware.api.SerialPorts;
import cn.taihang.hardware.api.SerialSpec;
import cn.taihang.validator.domain.Decision;
import cn.taihang.validator.domain.GateRules;
import cn.taihang.validator.domain.TicketJudge;
import cn.taihang.validator.domain.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scanner side that ticket gates and key lockers share: lines from the QR scanner go, in order, to the device's
 * {@link Desk} on its {@link DeviceWorker} (more than {@value #QUEUE} scans waiting: the new one is refused BUSY; a line
 * too long for the port is refused TOO_LARGE); it judges tickets offline, answers every verdict on the scanner port,
 * publishes refusals and counts every scan. A crew's test scan is judged the same way without opening anything.
 */
final class ScanStation implements LineListener, AutoCloseable {

    /** Scans waiting for the device beyond which a new one is refused BUSY. */
    static final int QUEUE = 64;
    private static final Logger LOG = LoggerFactory.getLogger(ScanStation.class);
    private static final int MAX_LINE = 1024;

    /** What a device does with a scan; called on its worker. */
    interface Desk {
        /** Decides on one scanned line: judges it ({@link #judge}), then acts and answers ({@link #accepted}, {@link #refuse}). */
        void scan(String text, Instant at);

        /** Shows a refusal on the device itself (lights, buzzer); nothing by default. */
        default void showRefusal() {
        }
    }

    /**
     * @param label the device's kind in port owner names, e.g. {@code gate}
     * @param rules what the device honours (its device id is {@code rules.gate()})
     * @param echoVerdict whether verdicts are written back to the scanner port
     * @param publishRejections whether refusals are published
     */
    record Setup(String label, GateRules rules, boolean echoVerdict, boolean publishRejections) {}

    private final Setup setup;
    private final String device;
    private final TicketJudge judge;
    private final TrustSource trust;
    private final ScanLedger uses;
    private final ScanRecords records;
    private final ScanStats stats = new ScanStats();
    private final Clock clock;
    private final DeviceWorker worker;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile Desk desk;
    private volatile SerialLine scanner;
    private volatile String echoProblem = "";

    ScanStation(Setup setup, LocalLedger ledger, Outbox outbox, TrustSource trust, Clock clock, DeviceWorker worker) {
        this.setup = setup;
        this.device = setup.rules().gate();
        this.judge = new TicketJudge(setup.rules());
        this.trust = trust;
        this.uses = new ScanLedger(ledger, setup.rules().skew());
        this.records = new ScanRecords(outbox, device, setup.rules().kind());
        this.clock = clock;
        this.worker = worker;
    }

    /** @throws IllegalArgumentException unless {@code port} names a port and {@code baud} is a scanner speed (as the MetaType says) */
    static void requireScanner(String port, int baud) {
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("scannerPort must name a port");
        }
        Ranges.require("scannerBaud", baud, GateConfiguration.SCANNER_BAUD_MIN, GateConfiguration.SCANNER_BAUD_MAX);
    }

    /**
     * Opens the scanner port; from now on its lines go to {@code desk}.
     *
     * @throws HardwareException if the port cannot be opened (so may a RuntimeException of the driver)
     */
    void open(SerialPorts serial, String port, int baud, Desk scans) throws HardwareException {
        this.desk = scans;
        scanner = serial.open(new SerialSpec(port, baud, MAX_LINE, setup.label() + " " + device + " scanner"), this);
    }

    @Override
    public void onLine(String line, long timestampMicros) {
        Instant at = Instant.ofEpochSecond(timestampMicros / 1_000_000, (timestampMicros % 1_000_000) * 1000);
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        queue(() -> desk.scan(text, at));
    }

    @Override
    public void onOverflow(int length) {
        queue(() -> refuse(Decision.refused(Verdict.TOO_LARGE, "a line of " + length + " characters from the scanner"), clock.instant()));
    }

    private void queue(Runnable scan) {
        if (waiting.incrementAndGet() > QUEUE) {
            waiting.decrementAndGet();
            stats.count(device, Verdict.BUSY, "", clock.instant());
            return;
        }
        if (!worker.execute(() -> {
            waiting.decrementAndGet();
            scan.run();
        })) {
            waiting.decrementAndGet();
        }
    }

    /** @return the verdict on a scanned text, now, with the current trust and this gateway's ledger */
    Decision judge(String text) {
        return judge.judge(text, clock.instant(), trust.current(), uses);
    }

    /** @return the verdict on what a crew pasted into the test-scan box (line ends around it removed); nothing is opened or used */
    Decision testScan(String pasted) {
        return judge(CheckDetails.scannedLine(pasted));
    }

    /** Answers a refusal: shown on the device, published (if so configured), counted, echoed. */
    void refuse(Decision decision, Instant at) {
        desk.showRefusal();
        if (setup.publishRejections()) {
            records.rejection(decision, at);
        }
        stats.count(device, decision.verdict(), decision.ticketId(), at);
        LOG.debug("{} {}: {} {} {}", setup.label(), device, decision.verdict(), decision.ticketId(), decision.detail());
        echo("REJECTED " + decision.verdict().name() + " " + decision.verdict().message());
    }

    /** Counts an accepted scan and echoes {@code answer}. */
    void accepted(Decision decision, Instant at, String answer) {
        stats.count(device, decision.verdict(), decision.ticketId(), at);
        echo(answer);
    }

    /** Writes a line to the scanner's display, if verdicts are echoed; a failure is kept for the status. */
    void echo(String line) {
        if (!setup.echoVerdict() || scanner == null) {
            return;
        }
        try {
            scanner.writeLine(line);
            echoProblem = "";
        } catch (HardwareException | RuntimeException e) {
            echoProblem = e.getMessage();
            LOG.debug("{} {}: cannot write to the scanner: {}", setup.label(), device, e.getMessage());
        }
    }

    /** @return the ledger of uses shared by the gateway's gates and lockers */
    ScanLedger uses() {
        return uses;
    }

    /** @return the publisher of this device's records */
    ScanRecords records() {
        return records;
    }

    /** @return the counters */
    ScanStats stats() {
        return stats;
    }

    /** @return the newest scans first, at most {@code max} */
    List<ScanEntry> recent(int max) {
        return stats.recent(max);
    }

    /** @return why the last echo failed, or {@code ""} */
    String echoProblem() {
        return echoProblem;
    }

    /** Closes the scanner port: no more lines arrive. */
    @Override
    public void close() {
        if (scanner != null) {
            scanner.close();
        }
    }
}
