package app.thaw.monitor.screening.matching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One sanctioned party.
 *
 * @param listId   which configured list it is on (e.g. {@code ofac-sdn})
 * @param id       the list's id of it (OFAC {@code ent_num}, an OpenSanctions entity id)
 * @param name     its primary name as listed
 * @param type     INDIVIDUAL, ENTITY, VESSEL or AIRCRAFT
 * @param programs the sanctions programmes, as listed
 * @param aliases  its other names (a.k.a., f.k.a., n.k.a.)
 */
public record ListEntry(String listId, String id, String name, EntryType type, String programs, List<String> aliases) {

    public ListEntry {
        aliases = List.copyOf(aliases);
    }

    /** An entry of the OFAC SDN list. */
    public ListEntry(String id, String name, EntryType type, String programs, List<String> aliases) {
        this("ofac-sdn", id, name, type, programs, aliases);
    }

    /**
     * What is listed, hashed (first 16 hex digits of SHA-256 over list, id, names, type and
     * programmes): an analyst's decision about the entry holds while this stays the same.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(listId, id, name, type.name(), programs)) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            for (String alias : aliases) {
                digest.update(alias.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The surname's tokens where the list says which part is the surname (OFAC writes individuals as
     * "SURNAME, Given names"); empty when it does not say.
     */
    public List<String> surnameTokens() {
        int comma = name.indexOf(',');
        if (type != EntryType.INDIVIDUAL || comma <= 0) {
            return List.of();
        }
        return Names.tokens(name.substring(0, comma));
    }

    /** What kind of party a list entry is. */
    public enum EntryType {
        INDIVIDUAL,
        ENTITY,
        VESSEL,
        AIRCRAFT
    }
}
