package dev.readbackplan.internal.review;

import dev.readbackplan.document.Problem;
import dev.readbackplan.internal.review.PlanReviewer.CandidateReview;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.text.Display;
import dev.readbackplan.text.SafeText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review for people: plain text for terminals, Markdown for pull requests. Never a value of an
 * evidence field. Every text taken from a document (surface ids, the snapshot's warnings) goes
 * through {@link Display}; the renderings are {@link SafeText}, so raw text cannot be printed here.
 */
public final class ReviewRenderer {
    private ReviewRenderer() {}

    /**
     * One line per candidate, {@code surface_id: lane (failed: check, ...)}, each failed check's
     * reason below it, then a tally per lane.
     */
    public static SafeText text(List<CandidateReview> reviews, Catalog catalog) {
        SafeText.Builder text = new SafeText.Builder();
        for (CandidateReview review : reviews) {
            text.add(SafeText.of(review.surfaceId())).words(": " + review.lane());
            if (!review.failedChecks().isEmpty()) {
                text.words(" (failed: " + String.join(", ", review.failedChecks()) + ")");
            }
            text.newline();
            for (ReviewRules.Reason reason : review.reasons()) {
                text.words("  " + reason.check() + ": " + reason.text()).newline();
            }
        }
        text.newline().add(reviews.size()).words(reviews.size() == 1 ? " candidate" : " candidates").words(" reviewed:").newline();
        tally(reviews, catalog).forEach((lane, count) -> text.words("  " + lane + ": ").add(count).newline());
        if (reviews.isEmpty()) {
            text.words("the plan has no candidates: nothing to review, and nothing is ready").newline();
        }
        return text.build();
    }

    /**
     * A report for a pull request: the provenance, the snapshot's warnings, the lane tally as a
     * table, then each candidate with its lane, its unmet checks with their instructions and reasons,
     * its missing fields and its quarantined fields with what is wrong with them.
     */
    public static SafeText markdown(List<CandidateReview> reviews, Catalog catalog, String reviewedAt,
            String planGeneratedAt, String planGitCommit, String planSha256, String snapshotName, List<Problem> snapshotWarnings) {
        Map<String, String> instructions = new LinkedHashMap<>();
        catalog.reviewerChecks().forEach(check -> instructions.put(check.id(), check.instruction()));
        Map<String, String> meanings = new LinkedHashMap<>();
        catalog.outcomeLanes().forEach(lane -> meanings.put(lane.id(), lane.meaning()));
        SafeText.Builder md = new SafeText.Builder();
        md.words("# Monitoring post-incident readback review").newline().newline();
        md.words("- Reviewed at: ").add(code(reviewedAt)).newline();
        md.words("- Plan generated at: ").add(code(planGeneratedAt)).words(", git commit ").add(code(planGitCommit)).newline();
        md.words("- Plan SHA-256: ").add(code(planSha256)).newline();
        md.words("- Not an approval: no gate is opened, nothing live is contacted.").newline().newline();
        if (!snapshotWarnings.isEmpty()) {
            md.words("## Snapshot warnings").newline().newline();
            for (Problem warning : snapshotWarnings) {
                md.words("- ").add(code(snapshotName)).words(" ").add(SafeText.markdownCode(SafeText.pointer(warning.pointerSegments())))
                        .words(": ").add(SafeText.markdownText(SafeText.of(warning.message()))).newline();
            }
            md.newline();
        }
        if (reviews.isEmpty()) {
            md.words("The plan has no candidates: nothing to review, and nothing is ready.").newline().newline();
        }
        md.words("## Lanes").newline().newline().words("| lane | meaning | candidates |").newline().words("|---|---|---:|").newline();
        tally(reviews, catalog).forEach((lane, count) -> md.words("| `" + lane + "` | " + oneLine(meanings.get(lane)).replace("|", "\\|"))
                .words(" | ").add(count).words(" |").newline());
        md.words("| **all** | | ").add(reviews.size()).words(" |").newline();
        md.newline().words("## Candidates").newline();
        for (CandidateReview review : reviews) {
            md.newline().words("### ").add(code(review.surfaceId())).newline().newline();
            md.words("- Lane: `" + review.lane() + "`").newline();
            md.words("- Claimed: " + (review.claimedLane() == null ? "none" : "`" + review.claimedLane() + "`")).newline();
            if (review.failedChecks().isEmpty()) {
                md.words("- Unmet checks: none").newline();
            } else {
                md.words("- Unmet checks:").newline();
                for (ReviewRules.Reason reason : review.reasons()) {
                    md.words("  - `" + reason.check() + "`: " + oneLine(instructions.get(reason.check()))).newline();
                    // The reason is the review's own words (field names, check ids), never a document's text.
                    md.words("    - Why: " + reason.text()).newline();
                }
            }
            md.words("- Missing fields: " + codeList(review.missingFields())).newline();
            if (!review.quarantinedFields().isEmpty()) {
                md.words("- Quarantined (values not shown):").newline();
                for (int i = 0; i < review.quarantinedFields().size(); i++) {
                    md.words("  - `" + review.quarantinedFields().get(i) + "`: " + review.quarantineReasons().get(i)).newline();
                }
            }
        }
        return md.build();
    }

    /**
     * What every format says of a plan that is out of date for its snapshot (so not reviewed): the
     * plan, the first difference and what to do, as plain text, or as Markdown under one heading.
     */
    public static SafeText outOfDate(String planName, List<String> pointerSegments, String difference, boolean markdown) {
        SafeText.Builder out = new SafeText.Builder();
        if (markdown) {
            out.words("# Monitoring post-incident readback review: plan out of date").newline().newline()
                    .add(code(planName)).words(" is out of date for its snapshot at ")
                    .add(SafeText.markdownCode(SafeText.pointer(pointerSegments))).words(": ")
                    .add(SafeText.markdownText(SafeText.of(difference)))
                    .words(". It was not reviewed: regenerate the plan from its snapshot, then review it again.").newline();
        } else {
            out.add(SafeText.of(planName)).words(": out of date for its snapshot at ").add(SafeText.pointer(pointerSegments))
                    .words(": ").add(SafeText.of(difference)).newline()
                    .words("not reviewed: regenerate the plan from its snapshot, then review it again").newline();
        }
        return out.build();
    }

    private static SafeText code(String raw) {
        return SafeText.markdownCode(SafeText.of(raw));
    }

    private static Map<String, Long> tally(List<CandidateReview> reviews, Catalog catalog) {
        Map<String, Long> counts = new LinkedHashMap<>();
        catalog.outcomeLanes().forEach(lane -> counts.put(lane.id(), 0L));
        reviews.forEach(review -> counts.merge(review.lane(), 1L, Long::sum));
        return counts;
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

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }
}
