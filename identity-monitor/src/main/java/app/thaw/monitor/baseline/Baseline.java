package app.thaw.monitor.baseline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.thaw.monitor.signals.GeoPoint;
import app.thaw.monitor.signals.Signal;
import app.thaw.monitor.signals.SignalType;
import org.jspecify.annotations.Nullable;

/**
 * What is usual for one subject, learnt from its signals: the devices it uses, the places it is
 * seen at, the hours it is active, the institutions it deals with, and its recent activity (what the
 * windowed detectors count). Bounded in every dimension so one busy subject stays one small document.
 */
public final class Baseline {

    static final int MAX_DEVICES = 50;
    static final int MAX_INSTITUTIONS = 100;
    static final int MAX_PLACES = 20;
    static final int MAX_RECENT = 500;

    private final Map<String, Instant> devices;
    private final Set<String> institutions;
    private final List<Place> places;
    private final long[] hourCounts;
    private long signalCount;
    private @Nullable Located lastLocated;
    private final List<Recent> recent;
    private long version;

    public Baseline(
            Map<String, Instant> devices,
            Set<String> institutions,
            List<Place> places,
            long[] hourCounts,
            long signalCount,
            @Nullable Located lastLocated,
            List<Recent> recent,
            long version) {
        if (hourCounts.length != 24) {
            throw new IllegalArgumentException("hourCounts must have 24 hours");
        }
        this.devices = new LinkedHashMap<>(devices);
        this.institutions = new LinkedHashSet<>(institutions);
        this.places = new ArrayList<>(places);
        this.hourCounts = hourCounts.clone();
        this.signalCount = signalCount;
        this.lastLocated = lastLocated;
        this.recent = new ArrayList<>(recent);
        this.version = version;
    }

    public static Baseline empty() {
        return new Baseline(Map.of(), Set.of(), List.of(), new long[24], 0, null, List.of(), 0);
    }

    /** Learns from a signal: call after the detectors have compared it with the baseline as it was. */
    public void observe(Signal signal, ZoneId zone, Duration keepRecent) {
        if (signal.device() != null) {
            devices.remove(signal.device());
            devices.put(signal.device(), signal.occurredAt());
            if (devices.size() > MAX_DEVICES) {
                String oldest = devices.entrySet().stream()
                        .min(Map.Entry.comparingByValue())
                        .orElseThrow()
                        .getKey();
                devices.remove(oldest);
            }
        }
        if (signal.institution() != null && institutions.size() < MAX_INSTITUTIONS) {
            institutions.add(signal.institution());
        }
        if (signal.location() != null) {
            learnPlace(signal.location());
            if (lastLocated == null || !signal.occurredAt().isBefore(lastLocated.at())) {
                lastLocated = new Located(signal.id(), signal.location(), signal.occurredAt());
            }
        }
        hourCounts[signal.occurredAt().atZone(zone).getHour()]++;
        signalCount++;
        recent.add(new Recent(signal.id(), signal.type(), signal.occurredAt()));
        recent.sort(Comparator.comparing(Recent::at));
        Instant latest = recent.getLast().at();
        recent.removeIf(r -> r.at().isBefore(latest.minus(keepRecent)));
        while (recent.size() > MAX_RECENT) {
            recent.removeFirst();
        }
    }

    /** Whether this signal was already learnt (a redelivery): its id is still among the recent ones. */
    public boolean hasSeen(String signalId) {
        return recent.stream().anyMatch(r -> r.signalId().equals(signalId));
    }

    public boolean knowsDevice(String device) {
        return devices.containsKey(device);
    }

    public boolean knowsInstitution(String institution) {
        return institutions.contains(institution);
    }

    /** The share of this subject's signals seen in {@code hour} (0–23), or 0 with none. */
    public double hourShare(int hour) {
        return signalCount == 0 ? 0 : (double) hourCounts[hour] / signalCount;
    }

    /** Recent signals of {@code type} at or after {@code since}, oldest first. */
    public List<Recent> recentOf(SignalType type, Instant since) {
        return recent.stream()
                .filter(r -> r.type() == type && !r.at().isBefore(since))
                .toList();
    }

    private void learnPlace(GeoPoint point) {
        for (int i = 0; i < places.size(); i++) {
            Place place = places.get(i);
            if (place.center().distanceKm(point) <= Place.RADIUS_KM) {
                places.set(i, new Place(place.center(), place.count() + 1));
                return;
            }
        }
        places.add(new Place(point, 1));
        if (places.size() > MAX_PLACES) {
            places.sort(Comparator.comparingLong(Place::count).reversed());
            places.removeLast();
        }
    }

    public Map<String, Instant> devices() {
        return Map.copyOf(devices);
    }

    public Set<String> institutions() {
        return Set.copyOf(institutions);
    }

    public List<Place> places() {
        return List.copyOf(places);
    }

    public long[] hourCounts() {
        return hourCounts.clone();
    }

    public long signalCount() {
        return signalCount;
    }

    public @Nullable Located lastLocated() {
        return lastLocated;
    }

    public List<Recent> recent() {
        return List.copyOf(recent);
    }

    public long version() {
        return version;
    }

    /** A place the subject is seen at, and how often (signals within {@link #RADIUS_KM}). */
    public record Place(GeoPoint center, long count) {
        public static final double RADIUS_KM = 25;
    }

    /** The latest signal that carried a location. */
    public record Located(String signalId, GeoPoint point, Instant at) {}

    /** A signal in the recent window. */
    public record Recent(String signalId, SignalType type, Instant at) {}
}
