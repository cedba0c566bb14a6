package example;

import dev.readbackplan.PlanOptions;
import dev.readbackplan.ReadbackCatalog;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.document.GenerationResult;
import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.ValidationReport;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How another tool embeds the library: validate a snapshot, generate its plan, read the catalogs.
 * The build compiles this file and a test runs it, so it cannot rot.
 */
public final class EmbeddingExample {
    private EmbeddingExample() {}

    /** Writes the plan of {@code snapshot} to {@code plan}; returns the number of readback candidates. */
    public static long writePlan(Path snapshot, Path plan) throws IOException {
        ReadbackPlanner planner = ReadbackPlanner.create(); // immutable and thread-safe: share it

        ValidationReport report = planner.validate(snapshot);
        if (!report.isValid()) {
            throw new IllegalArgumentException(report.toText()); // FILE:LINE:COLUMN: error: /pointer: message
        }

        PlanOptions options = PlanOptions.defaults().withGitCommit("abc1234");
        try {
            // Validated, then written atomically: on any failure the old plan file is untouched. Over a plan
            // reviewers filled in, their entries are kept (OverwriteRefusedException rather than losing any).
            GenerationResult result = planner.generate(snapshot, options, plan);
            return result.readbackCandidateCount();
        } catch (InvalidDocumentException e) {
            throw new IllegalArgumentException(e.report().toText(), e);
        }
    }

    /** The catalogs are typed, immutable data read from the plan schema. */
    public static String firstReviewerCheck() {
        ReadbackCatalog catalog = ReadbackPlanner.catalog();
        ReadbackCatalog.Check check = catalog.reviewerChecks().get(0);
        return check.id() + ": " + check.instruction();
    }

    public static void main(String[] args) throws IOException {
        System.out.println(writePlan(Path.of(args[0]), Path.of(args[1])) + " readback candidates");
    }
}
