package cn.taihang.sign.internal;

/** A line-oriented connection to a panel controller; received lines go to the consumer given at creation. */
interface PanelLink extends AutoCloseable {

    /**
     * Sends one line (the terminator is added).
     *
     * @throws PanelException (temporary) if the line cannot be sent now
     */
    void send(String line) throws PanelException;

    /** @return e.g. {@code serial sign-1} or {@code tcp 10.0.0.7:4001} */
    String describe();

    @Override
    void close();
}
