package dev.readbackplan.internal.render;

import dev.readbackplan.document.Problem;
import dev.readbackplan.internal.review.CandidateReview;
import dev.readbackplan.internal.review.Explanations;
import dev.readbackplan.internal.review.ReviewRules;
import dev.readbackplan.internal.text.Display;
import dev.readbackplan.text.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The review as Markdown for a pull request comment, kept within a budget of characters: what
 * needs action first, then the candidates grouped by lane, the detail of a long group folded in
 * {@code <details>}, and a last line saying what was left out and how to get the full report.
 *
 * <p>The summary (provenance, what needs action, the unmet checks with the catalog's instructions
 * and the lanes with its meanings, each with its English explanation from {@link Explanations}) is
 * always written; the snapshot's warnings and the candidates'
 * detail fill the rest of the budget, in that order, lanes that need action first. Every text taken
 * from a document (file names, surface ids, evidence values, warnings) goes through {@link Display};
 * quarantined values are never shown. Lengths are counted in UTF-16 units, never fewer than the
 * characters a reader counts.
 */
public final class MarkdownReview {
    /** The default budget: under the 65,536 characters of a GitHub comment, with room for a line around it. */
    public static final int DEFAULT_BUDGET = 65_000;
    /** The smallest budget accepted: the summary of any plan fits in it. */
    public static final int MIN_BUDGET = 16_000;
    /** The command that writes the whole report, named by the last line when something was left out. */
    static final String FULL_REPORT = "monitoring-readback-plan review --format markdown --markdown-budget 0";
    /** A group of more candidates than this has its detail folded in a {@code <details>} element. */
    static final int LONG_GROUP = 3;
    /** Longest file name shown, in code points (the summary's size must not depend on it). */
    private static final int NAME_MAX = 160;
    /** Room kept for a lane's note on what it left out, and for the last line. */
    private static final int NOTE_ROOM = 160;
    private static final int LAST_LINE_ROOM = 400;

    /** What was reviewed: the plan and snapshot files with their SHA-256, and the plan's provenance. */
    public record Provenance(String planName, String planSha256, String snapshotName, String snapshotSha256, String reviewedAt,
            String planGeneratedAt, String planGitCommit) {}

    /**
     * One candidate to show: its review and its filled evidence values that are not quarantined, by
     * field in readback-field order.
     */
    public record Candidate(CandidateReview review, Map<String, String> evidence) {}

    private MarkdownReview() {}

    /**
     * The report.
     *
     * @param candidates the candidates in plan order
     * @param checkInstructions each reviewer check's instruction, by id, in catalog order
     * @param laneMeanings each outcome lane's meaning, by id, in catalog order
     * @param readyLanes the lanes that need no action from reviewers
     * @param budget the most characters the report may have; 0 for no limit
     * @throws IllegalArgumentException when the budget is below {@link #MIN_BUDGET} and not 0
     */
    public static SafeText render(List<Candidate> candidates, Map<String, String> checkInstructions, Map<String, String> laneMeanings,
            Set<String> readyLanes, Provenance provenance,
            List<Problem> snapshotWarnings, int budget) {
        checkBudget(budget);
        int limit = budget == 0 ? Integer.MAX_VALUE : budget;
        Map<String, List<Candidate>> groups = new LinkedHashMap<>();
        // Lanes that need action first, each in catalog order; lanes with no candidate are left out.
        for (boolean ready : new boolean[] {false, true}) {
            for (String lane : laneMeanings.keySet()) {
                if (readyLanes.contains(lane) == ready) {
                    groups.put(lane, new ArrayList<>());
                }
            }
        }
        candidates.forEach(c -> groups.computeIfAbsent(c.review().lane(), k -> new ArrayList<>()).add(c));
        groups.values().removeIf(List::isEmpty);

        SafeText.Builder md = new SafeText.Builder();
        header(md, provenance);
        summary(md, candidates, groups, checkInstructions, laneMeanings, readyLanes);

        // What the groups need whatever the budget: their headings, their notes and the last line.
        Map<String, SafeText> headings = new LinkedHashMap<>();
        groups.forEach((lane, members) -> headings.put(lane, groupHeading(lane, members.size())));
        int skeleton = LAST_LINE_ROOM;
        for (Map.Entry<String, List<Candidate>> group : groups.entrySet()) {
            skeleton += skeletonCost(headings.get(group.getKey()));
        }

        int warningsShown = 0;
        if (!snapshotWarnings.isEmpty()) {
            SafeText.Builder section = new SafeText.Builder();
            section.words("## Snapshot warnings").newline().newline();
            for (Problem warning : snapshotWarnings) {
                SafeText line = new SafeText.Builder().words("- ").add(name(provenance.snapshotName())).words(" ")
                        .add(SafeText.markdownCode(SafeText.pointer(warning.pointerSegments()))).words(": ")
                        .add(SafeText.markdownText(SafeText.of(warning.message()))).newline().build();
                if (md.length() + section.length() + line.toString().length() + 1 + NOTE_ROOM + skeleton > limit) {
                    break;
                }
                section.add(line);
                warningsShown++;
            }
            if (warningsShown < snapshotWarnings.size()) {
                section.words("- _" + (snapshotWarnings.size() - warningsShown) + " more left out_").newline();
            }
            md.add(section.newline().build());
        }

        int detailed = 0;
        List<String> partLanes = new ArrayList<>();
        boolean full = false;
        for (Map.Entry<String, List<Candidate>> group : groups.entrySet()) {
            String lane = group.getKey();
            List<Candidate> members = group.getValue();
            skeleton -= skeletonCost(headings.get(lane));
            md.add(headings.get(lane));
            boolean folded = members.size() > LONG_GROUP;
            List<SafeText> blocks = new ArrayList<>();
            int room = limit - md.length() - skeleton - NOTE_ROOM - (folded ? foldCost(members.size()) : 0);
            for (Candidate candidate : members) {
                if (full) {
                    break;
                }
                SafeText block = candidateBlock(candidate, folded);
                if (block.toString().length() > room) {
                    full = true;
                    break;
                }
                room -= block.toString().length();
                blocks.add(block);
            }
            detailed += blocks.size();
            int left = members.size() - blocks.size();
            if (!blocks.isEmpty() && folded) {
                md.newline().words("<details>").newline().words("<summary>The detail of " + count(members.size(), "candidate") + "</summary>")
                        .newline();
            }
            blocks.forEach(md::add);
            if (left > 0) {
                partLanes.add(lane);
                md.newline().words("_The detail of " + (blocks.isEmpty() ? "" : left + " of ") + count(members.size(), "candidate")
                        + " of this lane is left out: see the last line._").newline();
            }
            if (!blocks.isEmpty() && folded) {
                md.newline().words("</details>").newline();
            }
            // A blank line ends the group: an HTML block such as </details> runs on to the next blank line.
            md.newline();
        }
        md.add(lastLine(candidates.size(), detailed, partLanes, snapshotWarnings.size(), warningsShown, budget));
        return md.build();
    }

    /** Refuses a budget the summary may not fit in. */
    public static void checkBudget(int budget) {
        if (budget != 0 && budget < MIN_BUDGET) {
            throw new IllegalArgumentException("the Markdown budget must be 0 (no limit) or at least " + MIN_BUDGET + " characters, not "
                    + budget);
        }
    }

    private static void header(SafeText.Builder md, Provenance p) {
        md.words("# Monitoring post-incident readback review").newline().newline();
        md.words("- Plan: ").add(name(p.planName())).words(", SHA-256 ").add(code(p.planSha256())).newline();
        md.words("- Snapshot: ").add(name(p.snapshotName())).words(", SHA-256 ").add(code(p.snapshotSha256())).newline();
        md.words("- Plan generated at ").add(code(p.planGeneratedAt())).words(", git commit ").add(code(p.planGitCommit()))
                .words("; reviewed at ").add(code(p.reviewedAt())).newline();
        md.words("- Not an approval: no gate is opened, nothing live is contacted.").newline().newline();
    }

    private static void summary(SafeText.Builder md, List<Candidate> candidates, Map<String, List<Candidate>> groups,
            Map<String, String> checkInstructions, Map<String, String> laneMeanings, Set<String> readyLanes) {
        Explanations explanations = Explanations.get();
        md.words("## Needs action").newline().newline();
        if (candidates.isEmpty()) {
            md.words("The plan has no candidates: nothing to review, and nothing is ready.").newline().newline();
            return;
        }
        long ready = candidates.stream().filter(c -> readyLanes.contains(c.review().lane())).count();
        long action = candidates.size() - ready;
        md.words("**" + action + " of " + count(candidates.size(), "candidate") + (action == 1 ? " needs" : " need") + " action**; "
                + ready + (ready == 1 ? " is" : " are") + " ready for review or waiting for the runtime gate.").newline().newline();
        groups.forEach((lane, members) -> {
            if (!readyLanes.contains(lane)) {
                md.words("- `" + lane + "`: ").add(members.size()).newline();
            }
        });
        long quarantined = candidates.stream().mapToLong(c -> c.review().quarantinedFields().size()).sum();
        if (quarantined > 0) {
            long holding = candidates.stream().filter(c -> !c.review().quarantinedFields().isEmpty()).count();
            md.words("- Quarantined values (never shown): " + quarantined + " in " + count(holding, "candidate")).newline();
        }
        md.newline();

        Map<String, Long> failing = new LinkedHashMap<>();
        checkInstructions.keySet().forEach(check -> failing.put(check, 0L));
        candidates.forEach(c -> c.review().failedChecks().forEach(check -> failing.merge(check, 1L, Long::sum)));
        if (failing.values().stream().anyMatch(n -> n > 0)) {
            md.words("### Unmet checks").newline().newline().words("| check | candidates | instruction | explanation |").newline()
                    .words("|---|---:|---|---|").newline();
            checkInstructions.forEach((check, instruction) -> {
                long n = failing.get(check);
                if (n > 0) {
                    md.words("| `" + check + "` | ").add(n).words(" | " + cell(instruction) + " | " + cell(explanations.check(check)) + " |")
                            .newline();
                }
            });
            md.newline();
        }

        md.words("### Lanes").newline().newline().words("| lane | candidates | meaning | explanation |").newline()
                .words("|---|---:|---|---|").newline();
        laneMeanings.forEach((lane, meaning) -> {
            List<Candidate> members = groups.get(lane);
            if (members != null) {
                md.words("| `" + lane + "` | ").add(members.size()).words(" | " + cell(meaning) + " | " + cell(explanations.lane(lane)) + " |")
                        .newline();
            }
        });
        md.words("| **all** | ").add(candidates.size()).words(" | | |").newline().newline();
    }

    private static SafeText groupHeading(String lane, int size) {
        return new SafeText.Builder().words("## `" + lane + "`: " + count(size, "candidate")).newline().build();
    }

    /** A group's heading and the room for its note; its fold is counted only when it is written. */
    private static int skeletonCost(SafeText heading) {
        return heading.toString().length() + NOTE_ROOM;
    }

    private static int foldCost(int size) {
        return 64 + String.valueOf(size).length();
    }

    private static SafeText candidateBlock(Candidate candidate, boolean folded) {
        CandidateReview review = candidate.review();
        SafeText.Builder md = new SafeText.Builder();
        md.newline().words(folded ? "#### " : "### ").add(code(review.surfaceId())).newline().newline();
        md.words("- Claimed: " + (review.claimedLane() == null ? "none" : "`" + review.claimedLane() + "`")).newline();
        if (review.failedChecks().isEmpty()) {
            md.words("- Unmet checks: none").newline();
        } else {
            md.words("- Unmet checks:").newline();
            for (ReviewRules.Reason reason : review.reasons()) {
                // The reason is the review's own words (field names, check ids), never a document's text.
                md.words("  - `" + reason.check() + "`: " + reason.text()).newline();
            }
        }
        md.words("- Missing fields: " + codeList(review.missingFields())).newline();
        if (!candidate.evidence().isEmpty()) {
            md.words("- Evidence:").newline();
            candidate.evidence().forEach((field, value) -> md.words("  - `" + field + "`: ").add(code(value)).newline());
        }
        if (!review.quarantinedFields().isEmpty()) {
            md.words("- Quarantined (values not shown):").newline();
            for (int i = 0; i < review.quarantinedFields().size(); i++) {
                md.words("  - `" + review.quarantinedFields().get(i) + "`: " + review.quarantineReasons().get(i)).newline();
            }
        }
        return md.build();
    }

    private static SafeText lastLine(int candidates, int detailed, List<String> partLanes, int warnings, int warningsShown, int budget) {
        SafeText.Builder line = new SafeText.Builder();
        if (detailed == candidates && warningsShown == warnings) {
            return line.words("Nothing was left out: every candidate is shown in full.").newline().build();
        }
        List<String> parts = new ArrayList<>();
        if (detailed < candidates) {
            parts.add("the detail of " + (candidates - detailed) + " of " + count(candidates, "candidate") + " (in " + count(partLanes.size(), "lane")
                    + ")");
        }
        if (warningsShown < warnings) {
            parts.add((warnings - warningsShown) + " of " + count(warnings, "snapshot warning"));
        }
        return line.words("Left out to stay within " + String.format(Locale.ROOT, "%,d", budget) + " characters: " + String.join(" and ", parts)
                + ". The full report: `" + FULL_REPORT + " PLAN`, or `--format json`.").newline().build();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A file name, shortened so that the summary's size does not depend on it. */
    private static SafeText name(String raw) {
        SafeText safe = SafeText.of(raw);
        if (raw != null && safe.toString().length() > NAME_MAX) {
            // The whole name was judged not secret-shaped; its shortened form is judged again.
            safe = SafeText.of(Display.shorten(raw, NAME_MAX));
        }
        return SafeText.markdownCode(safe);
    }

    private static SafeText code(String raw) {
        return SafeText.markdownCode(SafeText.of(raw));
    }

    /** The catalog's or the explanations' own text in a table cell: one line, pipes escaped. */
    private static String cell(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").replace("|", "\\|");
    }

    /** Field names and pointers (the review's own, never a document's text) as code spans. */
    private static String codeList(List<String> items) {
        if (items.isEmpty()) {
            return "none";
        }
        StringBuilder list = new StringBuilder();
        for (String item : items) {
            list.append(list.length() == 0 ? "" : ", ").append('`').append(item).append('`');
        }
        return list.toString();
    }
}
