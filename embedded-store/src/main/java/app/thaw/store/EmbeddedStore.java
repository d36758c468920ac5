package app.thaw.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-compatible server (mongo-java-server) whose data lives in one H2 MVStore file, so it
 * survives restarts. Clients reach it over the MongoDB wire protocol with an ordinary connection
 * string, exactly as they would reach a real MongoDB: no code path is special to it.
 *
 * <p>It is the local default, not the deployment target: it has no multi-document transactions
 * and no change streams (see ARCHITECTURE.md, "The embedded default").
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path dataFile;

    private EmbeddedStore(MongoServer server, InetSocketAddress address, Path dataFile) {
        this.server = server;
        this.address = address;
        this.dataFile = dataFile;
    }

    /**
     * Opens (or creates) the store in {@code dataFile} and listens on {@code host:port};
     * port 0 picks a free port.
     */
    public static EmbeddedStore start(Path dataFile, String host, int port) {
        try {
            Path parent = dataFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder for the embedded store " + dataFile, e);
        }
        MongoServer server = new MongoServer(new IdLookupH2Backend(dataFile.toString()));
        server.bind(host, port);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded store listening on {}:{}, data in {}", address.getHostString(), address.getPort(), dataFile);
        return new EmbeddedStore(server, address, dataFile);
    }

    public InetSocketAddress address() {
        return address;
    }

    public Path dataFile() {
        return dataFile;
    }

    /** The connection string a client uses to reach {@code database} on this store. */
    public String connectionString(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    /** Stops listening and closes the data file, flushing what is pending. */
    @Override
    public void close() {
        server.shutdownNow();
        log.info("Embedded store on port {} stopped", address.getPort());
    }
}
