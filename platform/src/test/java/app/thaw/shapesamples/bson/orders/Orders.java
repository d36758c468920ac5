package app.thaw.shapesamples.bson.orders;

import org.bson.Document;

/** Breaks the shape: a document above the store. */
public class Orders {
    public Document find(String id) {
        return new Document("_id", id);
    }
}
