package app.thaw.store;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded store as a process of its own, as {@code ./thaw up} does: the services then
 * connect to it by URI, and large GridFS uploads do not compete with a service for its heap.
 *
 * <p>Usage: {@code java -jar embedded-store-exec.jar [--data FILE] [--host HOST] [--port PORT]}.
 */
public final class EmbeddedStoreMain {

    private EmbeddedStoreMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path dataFile = Path.of(option(args, "--data", ".thaw/data/store.mv"));
        String host = option(args, "--host", "127.0.0.1");
        int port = Integer.parseInt(option(args, "--port", "27018"));

        EmbeddedStore store = EmbeddedStore.start(dataFile, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            store.close();
                            stopped.countDown();
                        },
                        "embedded-store-shutdown"));
        // The runner waits for this line before it starts the services.
        System.out.println("THAW_STORE_READY " + store.connectionString(""));
        stopped.await();
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
