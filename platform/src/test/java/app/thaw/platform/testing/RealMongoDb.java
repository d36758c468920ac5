package app.thaw.platform.testing;

import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One real MongoDB (a Testcontainers container) for the tests of a JVM that run on it, started when
 * first asked for and removed with the JVM. Test classes that use it carry
 * {@code @Testcontainers(disabledWithoutDocker = true)}: without a Docker engine (as on the team's
 * build machines) they are skipped and say so, and the same tests run on the embedded store in
 * their parent class.
 */
public final class RealMongoDb {

    /** The deployment target's major version. */
    public static final DockerImageName IMAGE = DockerImageName.parse("mongo:8.0");

    private static MongoDBContainer container;

    private RealMongoDb() {}

    /** The connection string of the running MongoDB, without a database (each test picks its own). */
    public static synchronized String connectionString() {
        if (container == null) {
            MongoDBContainer started = new MongoDBContainer(IMAGE);
            started.start();
            container = started;
        }
        return container.getConnectionString();
    }
}
