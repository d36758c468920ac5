package app.thaw.monitor.screening.matching;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads OFAC's legacy CSV form: {@code sdn.csv} (one party a line: ent_num, name, type, programs, …)
 * and {@code alt.csv} (aliases: ent_num, alt_num, alt_type, alt_name, remarks). OFAC writes
 * {@code -0-} for an empty field and ends the files with a DOS end-of-file character.
 */
public final class OfacCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    private OfacCsv() {}

    /** The SDN list's files. */
    public static List<ListEntry> read(Reader sdn, Reader alt) throws IOException {
        return read("ofac-sdn", sdn, alt);
    }

    /**
     * A list in this form: the SDN list, or the Consolidated (non-SDN) list, whose
     * {@code cons_prim.csv} and {@code cons_alt.csv} have the same columns.
     */
    public static List<ListEntry> read(String listId, Reader sdn, Reader alt) throws IOException {
        Map<String, List<String>> aliases = new HashMap<>();
        for (CSVRecord record : FORMAT.parse(alt)) {
            if (record.size() < 4 || isEndOfFile(record)) {
                continue;
            }
            String name = value(record.get(3));
            if (name != null) {
                aliases.computeIfAbsent(record.get(0), id -> new ArrayList<>()).add(name);
            }
        }
        Map<String, ListEntry> entries = new LinkedHashMap<>();
        for (CSVRecord record : FORMAT.parse(sdn)) {
            if (record.size() < 4 || isEndOfFile(record)) {
                continue;
            }
            String id = record.get(0);
            String name = value(record.get(1));
            if (name == null) {
                continue;
            }
            entries.put(
                    id,
                    new ListEntry(
                            listId,
                            id,
                            name,
                            type(value(record.get(2))),
                            String.valueOf(value(record.get(3))),
                            aliases.getOrDefault(id, List.of())));
        }
        return List.copyOf(entries.values());
    }

    private static boolean isEndOfFile(CSVRecord record) {
        return record.get(0).startsWith("\u001A");
    }

    private static String value(String raw) {
        String v = raw.strip();
        return v.isEmpty() || v.equals("-0-") ? null : v;
    }

    private static ListEntry.EntryType type(String raw) {
        if (raw == null) {
            return ListEntry.EntryType.ENTITY;
        }
        return switch (raw.toLowerCase(java.util.Locale.ROOT)) {
            case "individual" -> ListEntry.EntryType.INDIVIDUAL;
            case "vessel" -> ListEntry.EntryType.VESSEL;
            case "aircraft" -> ListEntry.EntryType.AIRCRAFT;
            default -> ListEntry.EntryType.ENTITY;
        };
    }
}
