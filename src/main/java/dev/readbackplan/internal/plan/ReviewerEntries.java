package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.schema.EvidenceFields;
import dev.readbackplan.internal.schema.PlanFields;
import dev.readbackplan.internal.schema.PlanTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reviewers entered into a plan, candidate by candidate: the evidence fields ({@code *_ref},
 * owners and window), {@code status} and {@code reviewer_outcome}, for each candidate where any of them
 * differs from what the generator writes. Regeneration carries them over by candidate id, so that
 * regenerating after the snapshot changed loses none of their work. Immutable.
 *
 * <p>The plan is read strictly: a candidate that is not an object, has no usable id (missing, null,
 * not a string) or shares its id with another cannot be carried over by id. Such candidates are
 * {@linkplain #unusable() named} instead of being dropped or merged silently, and regeneration refuses
 * them unless told to discard evidence.
 */
public final class ReviewerEntries {
    private static final String ID = PlanFields.POST_INCIDENT_READBACK_CANDIDATE_ID;
    private static final String CANDIDATES = PlanFields.READBACK_CANDIDATES;

    /** The fields that say which version of a surface a candidate's evidence was read back for. */
    public static final List<String> SURFACE_FIELDS = List.of("repo_sha256", "repo_source_path", "config_kind", "control_tier",
            "write_capable_surface");

    /**
     * One candidate as read from the file.
     *
     * @param index its place in {@code readback_candidates}
     * @param id its candidate id, null when it has none usable (or is not an object)
     * @param isObject whether it is an object at all
     * @param members its carried members found
     * @param surface its {@link #SURFACE_FIELDS} found
     */
    public record Read(int index, String id, boolean isObject, Map<String, JsonNode> members, Map<String, JsonNode> surface) {}

    /** A candidate's entries: where it was in the file, its carried members and its surface fields. */
    private record Entry(int index, Map<String, JsonNode> members, Map<String, JsonNode> surface) {}

    /** Candidate id to its entries, in plan order. */
    private final Map<String, Entry> entries;
    /** Candidates that cannot be carried by id: their id, or their pointer when they have none. */
    private final List<String> unusable;
    /** Those of {@link #unusable} that hold entries (what discarding drops). */
    private final List<String> unusableWithEntries;

    private ReviewerEntries(Map<String, Entry> entries, List<String> unusable, List<String> unusableWithEntries) {
        this.entries = entries;
        this.unusable = List.copyOf(unusable);
        this.unusableWithEntries = List.copyOf(unusableWithEntries);
    }

    /** The members regeneration carries over: the evidence fields, then status and reviewer outcome. */
    public static List<String> carriedFields(EvidenceFields fields) {
        List<String> carried = new ArrayList<>(fields.all());
        carried.add("status");
        carried.add("reviewer_outcome");
        return List.copyOf(carried);
    }

    /**
     * The entries among candidates read from a file. Candidates whose members all equal the
     * generator's defaults have none; candidates without a usable or unique id are unusable.
     */
    public static ReviewerEntries of(List<Read> candidates, PlanTemplate template, List<String> carried) {
        Map<String, JsonNode> defaults = template.fixedCandidateMembers();
        Map<String, Integer> idCounts = new HashMap<>();
        for (Read read : candidates) {
            if (read.id() != null) {
                idCounts.merge(read.id(), 1, Integer::sum);
            }
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        Set<String> unusable = new LinkedHashSet<>();
        Set<String> unusableWithEntries = new LinkedHashSet<>();
        for (Read read : candidates) {
            boolean hasEntries = !read.isObject() || read.members().entrySet().stream()
                    .anyMatch(m -> carried.contains(m.getKey()) && !m.getValue().equals(defaults.get(m.getKey())));
            String label;
            if (read.id() == null) {
                label = "/" + CANDIDATES + "/" + read.index();
            } else if (idCounts.get(read.id()) > 1) {
                label = read.id();
            } else {
                if (hasEntries) {
                    entries.put(read.id(), new Entry(read.index(), read.members(), read.surface()));
                }
                continue;
            }
            unusable.add(label);
            if (hasEntries) {
                unusableWithEntries.add(label);
            }
        }
        return new ReviewerEntries(entries, new ArrayList<>(unusable), new ArrayList<>(unusableWithEntries));
    }

    public static ReviewerEntries none() {
        return new ReviewerEntries(Map.of(), List.of(), List.of());
    }

    /** Whether no candidate has entries to carry. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * The candidates that cannot be carried over by id, in plan order: a duplicated id once, or the
     * pointer of a candidate without a usable id.
     */
    public List<String> unusable() {
        return unusable;
    }

    /** Those of {@link #unusable()} that hold entries: what discarding the evidence drops. */
    public List<String> unusableWithEntries() {
        return unusableWithEntries;
    }

    /** The ids of candidates with entries that are not among {@code ids}, in plan order. */
    public List<String> missingFrom(Set<String> ids) {
        return entries.keySet().stream().filter(id -> !ids.contains(id)).toList();
    }

    /** Where the candidate with entries {@code id} was in the file read, or -1. */
    public int indexOf(String id) {
        Entry entry = entries.get(id);
        return entry == null ? -1 : entry.index();
    }

    /**
     * The candidates with entries whose surface changed: candidate id to the names of the {@link
     * #SURFACE_FIELDS} whose value in {@code plan} (a generated plan) differs from the one read, in
     * plan order. Names only: the values may be anything.
     */
    public Map<String, List<String>> changedSurfaces(ObjectNode plan) {
        Map<String, List<String>> changed = new LinkedHashMap<>();
        for (JsonNode candidate : plan.path(CANDIDATES)) {
            String id = candidate.path(ID).textValue();
            Entry entry = id == null ? null : entries.get(id);
            if (entry == null) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            for (String field : SURFACE_FIELDS) {
                if (!java.util.Objects.equals(entry.surface().get(field), candidate.get(field))) {
                    fields.add(field);
                }
            }
            if (!fields.isEmpty()) {
                changed.put(id, List.copyOf(fields));
            }
        }
        return changed;
    }

    /** Writes the entries into the candidates of a generated plan with the same ids; returns how many candidates got theirs. */
    public int applyTo(ObjectNode plan) {
        return applyTo(plan, Set.of(), Set.of(), List.of());
    }

    /**
     * Writes the entries into the candidates of a generated plan with the same ids, except those in
     * {@code dropped}; for those in {@code reset}, the members named in {@code resetMembers} keep the
     * generated value (the lane and claim start again). Returns how many candidates got entries.
     */
    public int applyTo(ObjectNode plan, Set<String> dropped, Set<String> reset, List<String> resetMembers) {
        int applied = 0;
        for (JsonNode candidate : plan.path(CANDIDATES)) {
            String id = candidate.path(ID).textValue();
            Entry entry = id == null || dropped.contains(id) ? null : entries.get(id);
            if (entry != null) {
                boolean resetting = reset.contains(id);
                entry.members().forEach((name, value) -> {
                    if (!resetting || !resetMembers.contains(name)) {
                        ((ObjectNode) candidate).set(name, value);
                    }
                });
                applied++;
            }
        }
        return applied;
    }
}
