package app.thaw.shapesamples.layer.domain;

/** Breaks the shape: a package named for a layer. */
public record Order(String id) {}
