package cn.taihang.hardware.api;

/** Internal pull resistor of an input pin. */
public enum Pull {
    /** Floating input: the external circuit drives the level (loop detector cards do). */
    NONE,
    /** Pulled up to the supply rail. */
    UP,
    /** Pulled down to ground. */
    DOWN
}
