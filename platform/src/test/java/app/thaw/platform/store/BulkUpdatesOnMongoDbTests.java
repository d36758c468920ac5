package app.thaw.platform.store;

import app.thaw.platform.testing.RealMongoDb;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link BulkUpdatesTests} on a real MongoDB: skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class BulkUpdatesOnMongoDbTests extends BulkUpdatesTests {

    @Override
    String storeConnectionString() {
        return RealMongoDb.connectionString();
    }
}
