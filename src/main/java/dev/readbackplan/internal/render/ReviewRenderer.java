package dev.readbackplan.internal.render;

import dev.readbackplan.internal.review.CandidateReview;
import dev.readbackplan.internal.review.Explanations;
import dev.readbackplan.internal.review.ReviewRules;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.text.Display;
import dev.readbackplan.text.SafeText;
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
    public static SafeText text(List<CandidateReview> reviews, Catalog catalog, String planName, String planSha256,
            String snapshotName, String snapshotSha256) {
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
        text.newline().words("plan: ").add(SafeText.of(planName)).words(", SHA-256 " + planSha256).newline();
        text.words("snapshot: ").add(SafeText.of(snapshotName)).words(", SHA-256 " + snapshotSha256).newline();
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
}
