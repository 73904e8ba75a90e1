package cn.taihang.gateway.core.internal;

import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the OSGi log (where Declarative Services, ConfigAdmin and MetaType report) to the gateway's SLF4J log, one
 * line per distinct problem ({@link FrameworkLogFilter}); without it DS prints every failure to standard output with
 * its stack trace, once per retry. Only warnings and errors are forwarded.
 */
@Component(immediate = true)
public final class FrameworkLogComponent implements LogListener {

    private static final Logger LOG = LoggerFactory.getLogger("osgi");

    private final LogReaderService reader;
    private final FrameworkLogFilter filter = new FrameworkLogFilter();

    /** @param reader the framework's log */
    @Activate
    public FrameworkLogComponent(@Reference LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (level != LogLevel.ERROR && level != LogLevel.WARN) {
            return;
        }
        Optional<FrameworkLogFilter.Line> line = filter.line(entry.getMessage(), entry.getException());
        line.ifPresent(l -> {
            String bundle = entry.getBundle() == null ? "framework" : entry.getBundle().getSymbolicName();
            if (level == LogLevel.ERROR) {
                LOG.error("[{}] {}", bundle, l.text(), l.stackTrace());
            } else {
                LOG.warn("[{}] {}", bundle, l.text(), l.stackTrace());
            }
        });
    }
}
