package dev.readbackplan.internal.review;

import dev.readbackplan.ReadbackCatalog;
import dev.readbackplan.internal.report.Display;
import dev.readbackplan.internal.report.SafeText;
import dev.readbackplan.internal.review.PlanReviewer.CandidateReview;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review for people as plain text, for terminals (the Markdown review is {@code MarkdownReview}).
 * Never a value of an evidence field. Every text taken from a document (surface ids, the snapshot's warnings) goes
 * through {@link Display}; the renderings are {@link SafeText}, so raw text cannot be printed here.
 */
public final class ReviewRenderer {
    private ReviewRenderer() {}

    /**
     * One line per candidate, {@code surface_id: lane (failed: check, ...)}, each failed check's
     * reason below it, then the plan and snapshot reviewed with their SHA-256, a tally of the lanes
     * that have candidates and of the checks that fail, each with its English explanation.
     */
    public static SafeText text(List<CandidateReview> reviews, ReadbackCatalog catalog, String planName, String planSha256,
            String snapshotName, String snapshotSha256) {
        SafeText.Builder text = new SafeText.Builder();
        for (CandidateReview review : reviews) {
            text.add(Display.safe(review.surfaceId())).words(": " + review.lane());
            if (!review.failedChecks().isEmpty()) {
                text.words(" (failed: " + String.join(", ", review.failedChecks()) + ")");
            }
            text.newline();
            for (ReviewRules.Reason reason : review.reasons()) {
                text.words("  " + reason.check() + ": " + reason.text()).newline();
            }
        }
        text.newline().words("plan: ").add(Display.safe(planName)).words(", SHA-256 " + planSha256).newline();
        text.words("snapshot: ").add(Display.safe(snapshotName)).words(", SHA-256 " + snapshotSha256).newline();
        text.add(reviews.size()).words(reviews.size() == 1 ? " candidate" : " candidates").words(" reviewed:").newline();
        Explanations explanations = Explanations.get();
        tally(reviews, catalog).forEach((lane, count) -> {
            if (count > 0) {
                text.words("  " + lane + ": ").add(count).words(" (" + explanations.lane(lane) + ")").newline();
            }
        });
        Map<String, Long> failing = new LinkedHashMap<>();
        catalog.reviewerChecks().forEach(check -> failing.put(check.id(), 0L));
        reviews.forEach(review -> review.failedChecks().forEach(check -> failing.merge(check, 1L, Long::sum)));
        if (failing.values().stream().anyMatch(count -> count > 0)) {
            text.words("unmet checks (candidates failing each):").newline();
            failing.forEach((check, count) -> {
                if (count > 0) {
                    text.words("  " + check + ": ").add(count).words(" (" + explanations.check(check) + ")").newline();
                }
            });
        }
        if (reviews.isEmpty()) {
            text.words("the plan has no candidates: nothing to review, and nothing is ready").newline();
        }
        return text.build();
    }

    private static Map<String, Long> tally(List<CandidateReview> reviews, ReadbackCatalog catalog) {
        Map<String, Long> counts = new LinkedHashMap<>();
        catalog.outcomeLanes().forEach(lane -> counts.put(lane.id(), 0L));
        reviews.forEach(review -> counts.merge(review.lane(), 1L, Long::sum));
        return counts;
    }
}
