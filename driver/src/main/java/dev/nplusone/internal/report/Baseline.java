package dev.nplusone.internal.report;

import dev.nplusone.internal.Log;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accepted findings ({@code nplusone.baseline}): {@code {"version":1,"accepted":[{"id","kind","sql","callSite",
 * "reason","expires"}]}}. A finding is new when its id is not there, accepted when it is and not expired, and
 * expired when its entry's date has passed. An entry that matches no finding of a full run is stale.
 */
public final class Baseline {
    public static final Baseline EMPTY = new Baseline(List.of());

    /** How a finding stands against the baseline. */
    public enum Status {
        NEW, ACCEPTED, EXPIRED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One accepted finding; {@code expires} may be null (accepted until removed). */
    public record Entry(String id, String kind, String sql, String callSite, String reason, LocalDate expires) {
    }

    private static final Map<Path, Baseline> LOADED = new ConcurrentHashMap<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public Baseline(List<Entry> accepted) {
        for (Entry entry : accepted) {
            entries.put(entry.id(), entry);
        }
    }

    public Status status(String findingId, LocalDate today) {
        Entry entry = entries.get(findingId);
        if (entry == null) {
            return Status.NEW;
        }
        return entry.expires() != null && entry.expires().isBefore(today) ? Status.EXPIRED : Status.ACCEPTED;
    }

    public Entry entry(String findingId) {
        return entries.get(findingId);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Entries whose id is not among {@code seenIds}. */
    public List<Entry> stale(Set<String> seenIds) {
        List<Entry> stale = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (!seenIds.contains(entry.id())) {
                stale.add(entry);
            }
        }
        return stale;
    }

    /**
     * The baseline of {@code nplusone.baseline}, read once per file; a file that cannot be read gives one error line
     * and an empty baseline (every finding is new), never an exception.
     */
    public static Baseline configured(Path file) {
        if (file == null) {
            return EMPTY;
        }
        return LOADED.computeIfAbsent(file.toAbsolutePath(), path -> {
            try {
                return read(path);
            } catch (IOException | RuntimeException e) {
                Log.get().log(System.Logger.Level.ERROR, "nplusone: property nplusone.baseline: " + e.getMessage()
                        + "; every finding is reported as new");
                return EMPTY;
            }
        });
    }

    /** Reads a baseline file; a file that is not one gives an {@link IOException} saying where and why. */
    public static Baseline read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(new JsonReader(in));
        } catch (IOException e) {
            throw new IOException("baseline " + file + ": " + e.getMessage(), e);
        }
    }

    private static Baseline read(JsonReader json) throws IOException {
        List<Entry> accepted = new ArrayList<>();
        long version = -1;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "version" -> version = json.nextLong();
                case "accepted" -> {
                    json.beginArray();
                    while (json.hasNext()) {
                        accepted.add(entry(json));
                    }
                    json.endArray();
                }
                default -> json.skipValue();
            }
        }
        json.endObject();
        if (version != 1) {
            throw new IOException("version " + version + " is not supported (expected \"version\":1)");
        }
        return new Baseline(accepted);
    }

    private static Entry entry(JsonReader json) throws IOException {
        String id = null;
        String kind = null;
        String sql = null;
        String callSite = null;
        String reason = null;
        String expires = null;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "id" -> id = json.nextString();
                case "kind" -> kind = json.nextString();
                case "sql" -> sql = json.nextString();
                case "callSite" -> callSite = json.nextString();
                case "reason" -> reason = json.nextString();
                case "expires" -> expires = json.nextString();
                default -> json.skipValue();
            }
        }
        json.endObject();
        if (id == null || id.isBlank()) {
            throw new IOException("an accepted entry has no \"id\"");
        }
        try {
            return new Entry(id, kind, sql, callSite, reason, expires == null ? null : LocalDate.parse(expires));
        } catch (DateTimeParseException e) {
            throw new IOException("entry " + id + ": \"expires\" is not a date like 2027-03-31: " + expires, e);
        }
    }

    /** A baseline accepting {@code findings}, each with the reason "accepted {@code today}" (to be edited). */
    public static String write(Collection<ReportAggregate.FindingSummary> findings, LocalDate today) {
        StringBuilder text = new StringBuilder(256 + findings.size() * 256);
        JsonOut json = new JsonOut(text);
        text.append("{\"version\":1,\"accepted\":[");
        boolean first = true;
        for (ReportAggregate.FindingSummary summary : findings) {
            text.append(first ? "\n  " : ",\n  ");
            first = false;
            ReportedFinding finding = summary.finding();
            json.object().field("id", finding.id()).field("kind", finding.kind()).field("sql", finding.sql())
                    .field("callSite", finding.callSite()).field("reason", "accepted " + today)
                    .name("expires").value((String) null).end();
        }
        return text.append(first ? "]}\n" : "\n]}\n").toString();
    }
}
