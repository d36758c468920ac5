package app.thaw.shapesamples.controller.orders.internal;

public class OrderStore {
    public String load(String id) {
        return id;
    }
}
