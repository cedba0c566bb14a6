package dev.readbackplan;

import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.document.DocumentKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hand-made documents for each schema. Those under valid/ must have no problem at all; each one under
 * invalid/ has its expected report (golden) beside it, {@code NAME.expected.txt}, in the text format
 * with the file named by its base name.
 */
class FixtureTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    /** Set -Dfixtures.update=true to rewrite the expected reports after a deliberate change; then review the diff. */
    private static final boolean UPDATE = Boolean.getBoolean("fixtures.update");

    private final ReadbackPlanner planner = ReadbackPlanner.create();

    static List<Path> documents(DocumentKind kind, String validity) throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve(kind.name().toLowerCase(Locale.ROOT)).resolve(validity))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private ValidationReport validate(Path file, DocumentKind kind) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return planner.validate(in, file.getFileName().toString(), kind);
        }
    }

    @TestFactory
    Stream<DynamicTest> validDocumentsHaveNoProblem() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            for (Path file : documents(kind, "valid")) {
                tests.add(dynamicTest(kind + " " + file.getFileName(), () -> {
                    ValidationReport report = validate(file, kind);
                    assertEquals("", report.toText());
                    assertTrue(report.isValid(true));
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> invalidDocumentsGiveTheirExpectedReport() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            for (Path file : documents(kind, "invalid")) {
                tests.add(dynamicTest(kind + " " + file.getFileName(), () -> {
                    ValidationReport report = validate(file, kind);
                    Path expectedFile = expectedReport(file);
                    if (UPDATE) {
                        Files.writeString(expectedFile, report.toText(), StandardCharsets.UTF_8);
                    }
                    assertFalse(report.isValid(true), "an invalid fixture must fail at least strict validation");
                    assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), report.toText());
                    report.problems().forEach(p -> assertTrue(p.line() > 0 && p.column() > 0, "unlocated: " + p));
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyInvalidFixtureHasAnExpectedReportAndNoReportIsOrphaned() throws IOException {
        List<String> unmatched = new ArrayList<>();
        for (DocumentKind kind : DocumentKind.values()) {
            Path folder = FIXTURES.resolve(kind.name().toLowerCase(Locale.ROOT)).resolve("invalid");
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".expected.txt")) {
                        if (!Files.exists(folder.resolve(name.replace(".expected.txt", ".json")))) {
                            unmatched.add(file + " has no document");
                        }
                    } else if (!name.endsWith(".json")) {
                        unmatched.add(file + " is neither a document nor an expected report");
                    } else if (!UPDATE && !Files.exists(expectedReport(file))) {
                        unmatched.add(file + " has no expected report");
                    }
                }
            }
        }
        assertEquals(List.of(), unmatched);
    }

    private static Path expectedReport(Path document) {
        String name = document.getFileName().toString();
        return document.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expected.txt");
    }
}
