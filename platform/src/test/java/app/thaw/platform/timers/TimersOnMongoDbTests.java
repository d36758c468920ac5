package app.thaw.platform.timers;

import app.thaw.platform.testing.RealMongoDb;
import org.testcontainers.junit.jupiter.Testcontainers;

/** {@link TimersTests} on a real MongoDB: skipped where there is no Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class TimersOnMongoDbTests extends TimersTests {

    @Override
    String storeConnectionString() {
        return RealMongoDb.connectionString();
    }
}
