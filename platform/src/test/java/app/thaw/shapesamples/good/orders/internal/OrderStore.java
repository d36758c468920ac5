package app.thaw.shapesamples.good.orders.internal;

import org.bson.Document;

/** The store: the only place that sees a document. */
public class OrderStore {
    public String load(String id) {
        return new Document("_id", id).getString("_id");
    }
}
