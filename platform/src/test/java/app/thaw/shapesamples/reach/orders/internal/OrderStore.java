package app.thaw.shapesamples.reach.orders.internal;

public class OrderStore {
    public String load(String id) {
        return id;
    }
}
