package cn.taihang.gateway.core.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** How the gateway knows its wall clock is synchronised (PID {@code cn.taihang.clock}). The defaults live here and only here. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = ClockConfig.PID, name = "%clock.name", description = "%clock.description")
@interface ClockConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.clock";
    /** Source: a file that exists while the clock is synchronised (systemd-timesyncd's flag file). */
    String SOURCE_SYNC_FILE = "sync-file";
    /** Source: always synchronised (a machine whose clock is kept right otherwise, e.g. a simulator host). */
    String SOURCE_ALWAYS = "always";
    /** Source: never synchronised (tests; a gateway known to have no time source). */
    String SOURCE_NEVER = "never";

    @AttributeDefinition(name = "%clock.source.name", description = "%clock.source.description", options = {
            @Option(value = SOURCE_SYNC_FILE, label = "%clock.source.syncFile"),
            @Option(value = SOURCE_ALWAYS, label = "%clock.source.always"),
            @Option(value = SOURCE_NEVER, label = "%clock.source.never")})
    String source() default SOURCE_SYNC_FILE;

    @AttributeDefinition(name = "%clock.syncFile.name", description = "%clock.syncFile.description")
    String syncFile() default "/run/systemd/timesync/synchronized";
}
