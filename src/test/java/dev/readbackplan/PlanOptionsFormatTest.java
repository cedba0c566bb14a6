package dev.readbackplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The written-out formatting of {@link PlanOptions#now()} against the formatter it replaces. */
class PlanOptionsFormatTest {
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    @Test
    void writesWhatTheFormatterWritesForSeededTimesAndOffsets() {
        Random random = new Random(20261203);
        List<ZoneOffset> offsets = List.of(ZoneOffset.ofHours(8), ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(-9, -30),
                ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHours(-12), ZoneOffset.ofHours(14), ZoneOffset.ofTotalSeconds(-30),
                ZoneOffset.ofTotalSeconds(3_661));
        for (int i = 0; i < 20_000; i++) {
            int year = switch (i % 5) {
                case 0 -> random.nextInt(10);
                case 1 -> 9_990 + random.nextInt(10);
                default -> 1_900 + random.nextInt(300);
            };
            LocalDateTime local = LocalDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                    random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000));
            OffsetDateTime time = OffsetDateTime.of(local, offsets.get(random.nextInt(offsets.size()))).truncatedTo(ChronoUnit.SECONDS);
            assertEquals(time.format(REFERENCE), PlanOptions.format(time), time::toString);
        }
    }

    @Test
    void yearsBeyondFourDigitsAreTheFormattersToo() {
        for (int year : new int[] {-1, 10_000, 123_456, -9_999}) {
            OffsetDateTime time = OffsetDateTime.of(year, 2, 3, 4, 5, 6, 0, ZoneOffset.ofHours(8));
            assertEquals(time.format(REFERENCE), PlanOptions.format(time));
        }
    }

    @Test
    void nowIsTheReferenceGeneratorsClock() {
        String now = PlanOptions.now();
        assertTrue(now.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00"), now);
        OffsetDateTime parsed = OffsetDateTime.parse(now);
        long apart = Math.abs(ChronoUnit.SECONDS.between(parsed, OffsetDateTime.now()));
        assertTrue(apart <= 5, now);
    }
}
