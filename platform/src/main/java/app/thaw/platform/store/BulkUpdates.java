package app.thaw.platform.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Single-document updates of one collection, issued concurrently by many callers, written together:
 * while one bulk write is on its way to the store, the updates asked for meanwhile gather, and go
 * as the next bulk write (up to {@code maxBatch} in one). An update asked for when nothing is being
 * written goes at once, alone, so nothing waits for a batch to fill. It is the group commit of a
 * database log: under load, one round trip carries many updates; at rest, each costs what it did.
 *
 * <p>Each caller hears when its own update was written. A bulk write tells how many of its updates
 * matched a document, not which: when all or none did, each caller hears yes or no; when some did,
 * each hears {@link Matched#UNKNOWN} and, if it needs to know, reads back (an update that sets a
 * token of its own can be checked by it). Updates are independent (unordered): one failing does not
 * stop the others, and only its caller hears the error.
 */
public final class BulkUpdates {

    /** Whether an update's condition matched a document. */
    public enum Matched {
        YES,
        NO,
        UNKNOWN
    }

    private record Pending(Query query, UpdateDefinition update, MonoSink<Matched> caller) {}

    private final ReactiveMongoTemplate mongo;
    private final String collection;
    private final int maxBatch;
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
    private boolean writing;

    public BulkUpdates(ReactiveMongoTemplate mongo, String collection, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.mongo = mongo;
        this.collection = collection;
        this.maxBatch = maxBatch;
    }

    /** Updates the first document matching {@code query}; completes once it is written, with whether it matched one. */
    public Mono<Matched> updateOne(Query query, UpdateDefinition update) {
        return Mono.create(caller -> {
            boolean start;
            synchronized (this) {
                waiting.add(new Pending(query, update, caller));
                start = !writing;
                writing = true;
            }
            if (start) {
                writeNext();
            }
        });
    }

    /** Writes what has gathered, then (when that write is answered) what gathered meanwhile, until nothing waits. */
    private void writeNext() {
        List<Pending> batch = new ArrayList<>();
        synchronized (this) {
            while (batch.size() < maxBatch && !waiting.isEmpty()) {
                batch.add(waiting.poll());
            }
            if (batch.isEmpty()) {
                writing = false;
                return;
            }
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, collection);
        batch.forEach(pending -> bulk.updateOne(pending.query(), pending.update()));
        bulk.execute()
                .subscribe(
                        result -> {
                            answer(batch, result, Set.of(), null);
                            writeNext();
                        },
                        failure -> {
                            MongoBulkWriteException partly = bulkWriteFailure(failure);
                            if (partly != null) {
                                Set<Integer> failed = new HashSet<>();
                                partly.getWriteErrors().stream()
                                        .map(BulkWriteError::getIndex)
                                        .forEach(failed::add);
                                answer(batch, partly.getWriteResult(), failed, failure);
                            } else {
                                // Nothing is known of what was written: every caller hears the failure, as from a
                                // single write.
                                batch.forEach(pending -> pending.caller().error(failure));
                            }
                            writeNext();
                        });
    }

    /** The driver's account of a bulk write some of whose updates the store refused (Spring wraps it in its own exceptions). */
    private static @Nullable MongoBulkWriteException bulkWriteFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoBulkWriteException bulk) {
                return bulk;
            }
        }
        return null;
    }

    private static void answer(
            List<Pending> batch, BulkWriteResult result, Set<Integer> failed, @Nullable Throwable failure) {
        int written = batch.size() - failed.size();
        int matched = result.getMatchedCount();
        Matched each = matched == written ? Matched.YES : matched == 0 ? Matched.NO : Matched.UNKNOWN;
        for (int index = 0; index < batch.size(); index++) {
            MonoSink<Matched> caller = batch.get(index).caller();
            if (failed.contains(index)) {
                caller.error(failure);
            } else {
                caller.success(each);
            }
        }
    }
}
