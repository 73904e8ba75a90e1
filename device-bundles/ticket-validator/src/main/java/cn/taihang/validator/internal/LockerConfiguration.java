package cn.taihang.validator.internal;

import cn.taihang.hardware.api.Pull;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One rental key locker (factory configuration {@code cn.taihang.validator.locker}): a QR scanner on a serial line and,
 * per slot, a lock output and a door contact input. The defaults here are the only defaults.
 */
@ObjectClassDefinition(id = LockerComponent.PID, name = "租车钥匙柜 / Rental key locker",
        description = "A key locker of the one-way car rental: a rental pass (QR) opens one slot for a key pickup or return; works offline.")
public @interface LockerConfiguration {

    @AttributeDefinition(name = "Device id", description = "Unique id of the locker on this gateway, e.g. hsr-east-locker-1. Required.")
    String device();

    @AttributeDefinition(name = "Description", required = false,
            description = "Bilingual place, e.g. 晋城高铁东站租车钥匙柜 / Jincheng HSR East rental key locker")
    String description() default "";

    @AttributeDefinition(name = "Station codes", description = "Ticket place code of the rental station(s) this locker serves "
            + "(GET /api/v1/rental/stations on the bridge lists each station's ticketPlace), e.g. 4001. Required.")
    int[] places();

    @AttributeDefinition(name = "Scanner port", description = "Serial port of the QR scanner module, e.g. /dev/ttyACM0 (scanner-1 on the simulated board). Required.")
    String scannerPort();

    @AttributeDefinition(name = "Scanner baud", min = "1200", max = "921600", description = "Line speed of the scanner")
    int scannerBaud() default 9600;

    @AttributeDefinition(name = "Slot lock GPIOs", description = "GPIO (BCM number) of each slot's lock solenoid driver, slot 1 first; high = unlocked. Required.")
    int[] slotPins();

    @AttributeDefinition(name = "Slot door GPIOs", description = "GPIO of each slot's door contact, in the same order as the lock GPIOs. Required.")
    int[] doorPins();

    @AttributeDefinition(name = "Door open reads high", description = "true for a reed contact to ground that opens with the door "
            + "(with a pull-up the input reads high when the door is open, and a cut wire reads as an open door)")
    boolean doorOpenHigh() default true;

    @AttributeDefinition(name = "Door input pull", description = "Internal pull resistor of the door inputs: UP for a contact to ground "
            + "without an external resistor, NONE with one")
    Pull doorPull() default Pull.UP;

    @AttributeDefinition(name = "Stocked keys", required = false, description = "What each slot holds when the locker is stocked, slot 1 first: "
            + "a car id (car-017), ? for a key of an unknown car, - or empty for an empty slot. Taken when the locker first starts, "
            + "and again whenever the stock revision is raised.")
    String[] slotCars() default {};

    @AttributeDefinition(name = "Stock revision", min = "0", description = "Raise by one after restocking by hand so that the locker takes "
            + "the stocked keys list again; otherwise it keeps what its pickups and returns taught it")
    int stockRevision() default 0;

    @AttributeDefinition(name = "Unlock time (s)", min = "5", max = "600",
            description = "How long a slot stays unlocked for its door to be opened; if it is not, the slot locks again and the pass stays valid")
    int unlockSeconds() default 30;

    @AttributeDefinition(name = "Door alarm (s)", min = "10", max = "86400", description = "A door left open longer than this raises an alarm")
    int doorAlarmSeconds() default 120;

    @AttributeDefinition(name = "Door settle (ms)", min = "0", max = "10000",
            description = "A door must stay closed this long to count as closed (contact bounce, a door swinging back)")
    int doorSettleMillis() default 500;

    @AttributeDefinition(name = "Clock skew tolerance (s)", min = "0", max = "7200",
            description = "Pass windows are widened by this much on both sides, for a gateway clock that drifted while offline")
    int clockSkewSeconds() default 300;

    @AttributeDefinition(name = "Echo to scanner", description = "Write each verdict and the slot to open back to the scanner port, for its display")
    boolean echoVerdict() default true;

    @AttributeDefinition(name = "Publish refusals", description = "Publish each refused scan as a ticket.rejection record (normal priority)")
    boolean publishRejections() default true;
}
