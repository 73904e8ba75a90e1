package cn.taihang.bridge.testing;

/**
 * The base of a test suite that runs on every storage engine: a test class declares its tests in an inner
 * {@code abstract class Contract extends EngineSuite} and one {@code @Nested} subclass per engine, e.g.
 * {@code @Nested class OnPostgresql extends Contract { OnPostgresql() { super(TestStorage.POSTGRESQL); } }}.
 */
public abstract class EngineSuite {

    /** The engine this run of the suite uses. */
    protected final TestStorage storage;

    protected EngineSuite(TestStorage storage) {
        this.storage = storage;
    }
}
