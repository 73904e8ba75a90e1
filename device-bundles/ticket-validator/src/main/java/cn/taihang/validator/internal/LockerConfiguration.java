package cn.taihang.validator.internal;

import cn.taihang.hardware.api.Pull;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One rental key locker (factory configuration {@code cn.taihang.validator.locker}): a QR scanner on a serial line and,
 * per slot, a lock output and a door contact input. The defaults here are the only defaults.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = LockerComponent.PID, name = "%locker.name",
        description = "%locker.description")
public @interface LockerConfiguration {

    @AttributeDefinition(name = "%locker.device.name", description = "%locker.device.description")
    String device();

    @AttributeDefinition(name = "%locker.description.name", required = false,
            description = "%locker.description.description")
    String description() default "";

    @AttributeDefinition(name = "%locker.places.name", min = "" + GateConfiguration.PLACE_MIN, max = "" + GateConfiguration.PLACE_MAX, description = "%locker.places.description")
    int[] places();

    @AttributeDefinition(name = "%locker.scannerPort.name", description = "%locker.scannerPort.description")
    String scannerPort();

    @AttributeDefinition(name = "%locker.scannerBaud.name", min = "" + GateConfiguration.SCANNER_BAUD_MIN, max = "" + GateConfiguration.SCANNER_BAUD_MAX, description = "%locker.scannerBaud.description")
    int scannerBaud() default 9600;

    @AttributeDefinition(name = "%locker.slotPins.name", min = "" + GateConfiguration.PIN_MIN, description = "%locker.slotPins.description")
    int[] slotPins();

    @AttributeDefinition(name = "%locker.doorPins.name", min = "" + GateConfiguration.PIN_MIN, description = "%locker.doorPins.description")
    int[] doorPins();

    @AttributeDefinition(name = "%locker.doorOpenHigh.name", description = "%locker.doorOpenHigh.description")
    boolean doorOpenHigh() default true;

    @AttributeDefinition(name = "%locker.doorPull.name", description = "%locker.doorPull.description")
    Pull doorPull() default Pull.UP;

    @AttributeDefinition(name = "%locker.slotCars.name", required = false, description = "%locker.slotCars.description")
    String[] slotCars() default {};

    /** The first stock revision. */
    int STOCK_REVISION_MIN = 0;

    @AttributeDefinition(name = "%locker.stockRevision.name", min = "" + STOCK_REVISION_MIN, description = "%locker.stockRevision.description")
    int stockRevision() default 0;

    /** Shortest unlock time, s. */
    int UNLOCK_SECONDS_MIN = 5;
    /** Longest unlock time, s. */
    int UNLOCK_SECONDS_MAX = 600;

    @AttributeDefinition(name = "%locker.unlockSeconds.name", min = "" + UNLOCK_SECONDS_MIN, max = "" + UNLOCK_SECONDS_MAX,
            description = "%locker.unlockSeconds.description")
    int unlockSeconds() default 30;

    /** Shortest time a door may stay open before the alarm, s. */
    int DOOR_ALARM_SECONDS_MIN = 10;
    /** Longest, s (a day). */
    int DOOR_ALARM_SECONDS_MAX = 86_400;

    @AttributeDefinition(name = "%locker.doorAlarmSeconds.name", min = "" + DOOR_ALARM_SECONDS_MIN, max = "" + DOOR_ALARM_SECONDS_MAX, description = "%locker.doorAlarmSeconds.description")
    int doorAlarmSeconds() default 120;

    /** No door settle time. */
    int DOOR_SETTLE_MILLIS_MIN = 0;
    /** Longest door settle time, ms. */
    int DOOR_SETTLE_MILLIS_MAX = 10_000;

    @AttributeDefinition(name = "%locker.doorSettleMillis.name", min = "" + DOOR_SETTLE_MILLIS_MIN, max = "" + DOOR_SETTLE_MILLIS_MAX,
            description = "%locker.doorSettleMillis.description")
    int doorSettleMillis() default 500;

    @AttributeDefinition(name = "%locker.clockSkewSeconds.name", min = "" + GateConfiguration.CLOCK_SKEW_SECONDS_MIN, max = "" + GateConfiguration.CLOCK_SKEW_SECONDS_MAX,
            description = "%locker.clockSkewSeconds.description")
    int clockSkewSeconds() default 300;

    @AttributeDefinition(name = "%locker.echoVerdict.name", description = "%locker.echoVerdict.description")
    boolean echoVerdict() default true;

    @AttributeDefinition(name = "%locker.publishRejections.name", description = "%locker.publishRejections.description")
    boolean publishRejections() default true;
}
