package cn.taihang.slots;

/** Where an update stands, as the state file records it. */
public enum Phase {
    /** Nothing in progress: the committed slot runs. */
    IDLE,
    /** The inactive slot is being written; its content is incomplete and must never boot. */
    STAGING,
    /** The inactive slot holds a complete, verified release, waiting for the switch. */
    STAGED,
    /** The gateway switched to the staged slot and has not committed it: booted once, on the next boot it is rolled back. */
    TRYING
}
