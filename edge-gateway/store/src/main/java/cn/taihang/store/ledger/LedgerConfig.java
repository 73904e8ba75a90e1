package cn.taihang.store.ledger;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the local ledger (PID {@code cn.taihang.ledger}, optional). The defaults live here and only here. */
@ObjectClassDefinition(id = LedgerConfig.PID, name = "本地账本 / Local ledger",
        description = "Durable key-value store for device bundles (ticket redemptions, key ring, deny list), in its own SQLite file.")
public @interface LedgerConfig {

    /** Configuration PID. */
    String PID = "cn.taihang.ledger";

    @AttributeDefinition(name = "Database file",
            description = "SQLite file; a relative path is resolved against the framework property taihang.data.dir.")
    String file() default "ledger.db";

    @AttributeDefinition(name = "Expiry sweep (minutes)", min = "1", max = "1440",
            description = "How often entries past their expiry are deleted.")
    int sweepMinutes() default 60;
}
