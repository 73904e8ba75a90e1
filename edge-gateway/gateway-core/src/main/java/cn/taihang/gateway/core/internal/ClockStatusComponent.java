package cn.taihang.gateway.core.internal;

import cn.taihang.gateway.api.ClockStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The clock's status from the configured source: on a Pi, systemd-timesyncd's flag file
 * ({@code /run/systemd/timesync/synchronized}, created at the first synchronisation of this boot, as {@code timedatectl}'s
 * {@code NTPSynchronized=yes}); or fixed. Without configuration it reads the flag file.
 */
@Component(configurationPid = ClockConfig.PID, immediate = true)
@Designate(ocd = ClockConfig.class)
public class ClockStatusComponent implements ClockStatus {

    private final String source;
    private final Path syncFile;

    /** @throws IllegalArgumentException (activation fails) on an unknown source or a blank file */
    @Activate
    public ClockStatusComponent(ClockConfig config) {
        this.source = config.source();
        if (!source.equals(ClockConfig.SOURCE_SYNC_FILE) && !source.equals(ClockConfig.SOURCE_ALWAYS)
                && !source.equals(ClockConfig.SOURCE_NEVER)) {
            throw new IllegalArgumentException(ClockConfig.PID + "/source must be " + ClockConfig.SOURCE_SYNC_FILE + ", "
                    + ClockConfig.SOURCE_ALWAYS + " or " + ClockConfig.SOURCE_NEVER + ", was '" + source + "'");
        }
        if (config.syncFile() == null || config.syncFile().isBlank()) {
            throw new IllegalArgumentException(ClockConfig.PID + "/syncFile must name the file that exists while the clock is "
                    + "synchronised, e.g. /run/systemd/timesync/synchronized");
        }
        this.syncFile = Path.of(config.syncFile());
    }

    @Override
    public boolean synchronised() {
        return switch (source) {
            case ClockConfig.SOURCE_ALWAYS -> true;
            case ClockConfig.SOURCE_NEVER -> false;
            default -> Files.exists(syncFile);
        };
    }
}
