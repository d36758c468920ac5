package app.thaw.monitor.screening.matching;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads OpenSanctions' {@code targets.simple.csv} export (FollowTheMoney entities flattened: one
 * target a line with a header naming the columns {@code id, schema, name, aliases, …, sanctions,
 * …, dataset}), the form in which the EU, UN, UK and many other lists are published. Columns are
 * found by their header name, so added columns do not matter; multi-valued cells are separated by
 * {@code ;}. FollowTheMoney's schema says the kind of party: {@code Person} an individual,
 * {@code Vessel}, {@code Airplane}, and every other schema (Organization, Company, LegalEntity…) an
 * entity.
 */
public final class OpenSanctionsCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    private OpenSanctionsCsv() {}

    public static List<ListEntry> read(String listId, Reader csv) throws IOException {
        List<ListEntry> entries = new ArrayList<>();
        var parser = FORMAT.parse(csv);
        for (String column : List.of("id", "schema", "name")) {
            if (!parser.getHeaderMap().containsKey(column)) {
                throw new IOException("Not an OpenSanctions targets.simple.csv file: no '" + column + "' column");
            }
        }
        boolean hasAliases = parser.getHeaderMap().containsKey("aliases");
        String programsColumn = parser.getHeaderMap().containsKey("dataset")
                ? "dataset"
                : parser.getHeaderMap().containsKey("sanctions") ? "sanctions" : null;
        for (CSVRecord record : parser) {
            if (!record.isConsistent()) {
                continue;
            }
            String id = record.get("id");
            String name = record.get("name");
            if (id.isBlank() || name.isBlank()) {
                continue;
            }
            List<String> aliases = hasAliases
                    ? split(record.get("aliases")).stream()
                            .filter(a -> !a.equals(name))
                            .distinct()
                            .toList()
                    : List.of();
            String programs = programsColumn == null ? "" : String.join("] [", split(record.get(programsColumn)));
            entries.add(new ListEntry(listId, id, name, type(record.get("schema")), programs, aliases));
        }
        return entries;
    }

    private static List<String> split(String cell) {
        return Arrays.stream(cell.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static ListEntry.EntryType type(String schema) {
        return switch (schema.toLowerCase(Locale.ROOT)) {
            case "person" -> ListEntry.EntryType.INDIVIDUAL;
            case "vessel" -> ListEntry.EntryType.VESSEL;
            case "airplane" -> ListEntry.EntryType.AIRCRAFT;
            default -> ListEntry.EntryType.ENTITY;
        };
    }
}
