package cn.taihang.store.ledger;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the local ledger (PID {@code cn.taihang.ledger}, optional). The defaults live here and only here. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = LedgerConfig.PID, name = "%ledger.name",
        description = "%ledger.description")
public @interface LedgerConfig {

    /** Configuration PID. */
    String PID = "cn.taihang.ledger";

    @AttributeDefinition(name = "%ledger.file.name",
            description = "%ledger.file.description")
    String file() default "ledger.db";

    /** Shortest expiry sweep interval, minutes. */
    int SWEEP_MINUTES_MIN = 1;
    /** Longest expiry sweep interval, minutes (a day). */
    int SWEEP_MINUTES_MAX = 1440;

    @AttributeDefinition(name = "%ledger.sweepMinutes.name", min = "" + SWEEP_MINUTES_MIN, max = "" + SWEEP_MINUTES_MAX,
            description = "%ledger.sweepMinutes.description")
    int sweepMinutes() default 60;
}
