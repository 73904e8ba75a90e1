package cn.taihang.counter.domain;

/** One of the two inductive loops of a lane, named in the direction of travel. */
public enum Loop {
    /** The upstream loop, met first by a vehicle driving in the lane's direction. Every lane has it. */
    A("loop-a"),
    /** The downstream loop of a dual-loop lane. */
    B("loop-b");

    private final String channel;

    Loop(String channel) {
        this.channel = channel;
    }

    /** @return the channel name used in status reports, {@code loop-a} or {@code loop-b} */
    public String channel() {
        return channel;
    }
}
