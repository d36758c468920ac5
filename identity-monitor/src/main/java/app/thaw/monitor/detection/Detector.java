package app.thaw.monitor.detection;

import java.util.Optional;

import app.thaw.monitor.baseline.Baseline;
import app.thaw.monitor.signals.Signal;

/** Compares one signal with its subject's baseline as it was before the signal. */
public interface Detector {

    String name();

    Optional<Detection> inspect(Baseline before, Signal signal, Thresholds thresholds);
}
