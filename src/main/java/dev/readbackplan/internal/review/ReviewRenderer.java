package dev.readbackplan.internal.review;

import dev.readbackplan.ReadbackCatalog;
import dev.readbackplan.internal.review.PlanReviewer.CandidateReview;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The review for people: plain text for terminals, Markdown for pull requests. Never a value of an evidence field. */
public final class ReviewRenderer {
    private ReviewRenderer() {}

    /** One line per candidate, {@code surface_id: lane (failed: check, ...)}, then a tally per lane. */
    public static String text(List<CandidateReview> reviews, ReadbackCatalog catalog) {
        StringBuilder text = new StringBuilder();
        for (CandidateReview review : reviews) {
            text.append(oneLine(review.surfaceId())).append(": ").append(review.lane());
            if (!review.failedChecks().isEmpty()) {
                text.append(" (failed: ").append(String.join(", ", review.failedChecks())).append(')');
            }
            text.append('\n');
        }
        text.append('\n').append(reviews.size()).append(reviews.size() == 1 ? " candidate" : " candidates").append(" reviewed:\n");
        tally(reviews, catalog).forEach((lane, count) -> text.append("  ").append(lane).append(": ").append(count).append('\n'));
        return text.toString();
    }

    /**
     * A report for a pull request: the provenance, the lane tally as a table, then each candidate with
     * its lane, its unmet checks with their instructions, its missing fields and its quarantined fields.
     */
    public static String markdown(List<CandidateReview> reviews, ReadbackCatalog catalog, String reviewedAt,
            String planGeneratedAt, String planGitCommit, String planSha256) {
        Map<String, String> instructions = new LinkedHashMap<>();
        catalog.reviewerChecks().forEach(check -> instructions.put(check.id(), check.instruction()));
        Map<String, String> meanings = new LinkedHashMap<>();
        catalog.outcomeLanes().forEach(lane -> meanings.put(lane.id(), lane.meaning()));
        StringBuilder md = new StringBuilder();
        md.append("# Monitoring post-incident readback review\n\n");
        md.append("- Reviewed at: `").append(reviewedAt).append("`\n");
        md.append("- Plan generated at: `").append(planGeneratedAt).append("`, git commit `").append(planGitCommit).append("`\n");
        md.append("- Plan SHA-256: `").append(planSha256).append("`\n");
        md.append("- Not an approval: no gate is opened, nothing live is contacted.\n\n");
        md.append("## Lanes\n\n| lane | meaning | candidates |\n|---|---|---:|\n");
        tally(reviews, catalog).forEach((lane, count) -> md.append("| `").append(lane).append("` | ")
                .append(cell(meanings.get(lane))).append(" | ").append(count).append(" |\n"));
        md.append("| **all** | | ").append(reviews.size()).append(" |\n");
        md.append("\n## Candidates\n");
        for (CandidateReview review : reviews) {
            md.append("\n### ").append(code(review.surfaceId())).append("\n\n");
            md.append("- Lane: `").append(review.lane()).append("`\n");
            md.append("- Claimed: ").append(review.claimedLane() == null ? "none" : "`" + review.claimedLane() + "`").append('\n');
            if (review.failedChecks().isEmpty()) {
                md.append("- Unmet checks: none\n");
            } else {
                md.append("- Unmet checks:\n");
                for (String check : review.failedChecks()) {
                    md.append("  - `").append(check).append("`: ").append(oneLine(instructions.get(check))).append('\n');
                }
            }
            md.append("- Missing fields: ").append(codeList(review.missingFields())).append('\n');
            if (!review.quarantinedFields().isEmpty()) {
                md.append("- Quarantined (values not shown): ").append(codeList(review.quarantinedFields())).append('\n');
            }
        }
        return md.toString();
    }

    private static Map<String, Long> tally(List<CandidateReview> reviews, ReadbackCatalog catalog) {
        Map<String, Long> counts = new LinkedHashMap<>();
        catalog.outcomeLanes().forEach(lane -> counts.put(lane.id(), 0L));
        reviews.forEach(review -> counts.merge(review.lane(), 1L, Long::sum));
        return counts;
    }

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

    /** An inline code span that holds any text: a fence longer than any run of backticks inside. */
    private static String code(String text) {
        String line = oneLine(text);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            run = line.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + pad + line + pad + fence;
    }

    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\u2028\\u2029]+", " ");
    }
}
