package cn.taihang.bridge.storage;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** What both adapters share: a pool for writes and one for queries, closed together. */
abstract class PooledStorage implements BridgeStorage {

    private final Pool writer;
    private final Pool reader;

    PooledStorage(Pool writer, Pool reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public Pool writer() {
        return writer;
    }

    @Override
    public Pool reader() {
        return reader;
    }

    @Override
    public Future<Void> close() {
        return Future.join(reader.close(), writer.close()).mapEmpty();
    }
}
