package dev.vigil.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Points in time order (the store's) and in any order bucket alike. */
class BucketsTest {

    @Test
    void timeOrderedPointsBucketAsShuffledOnesDo() {
        Random random = new Random(7);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long ts = 30_000L + 20_000L * (i / 3);
            double v = random.nextInt(100);
            String unit = i % 17 == 0 ? "Bytes" : "Count";
            points.add(i % 11 == 0 ? new Point(ts, 1, unit, 3, v * 3, v - 1, v + 1, null)
                    : new Point(ts, 60, unit, 1, v, v, v, null));
        }
        List<Point> shuffled = new ArrayList<>(points);
        Collections.shuffle(shuffled, random);
        for (int period : new int[] {60, 300}) {
            List<Buckets.Bucket> ordered = Buckets.of(points, 60_000, 3_000_000, period, false);
            assertThat(ordered).isNotEmpty().isEqualTo(Buckets.of(shuffled, 60_000, 3_000_000, period, false));
            assertThat(ordered).extracting(Buckets.Bucket::timestamp).isSorted().doesNotHaveDuplicates()
                    .allSatisfy(ts -> assertThat(ts).isGreaterThanOrEqualTo(60_000L).isLessThan(3_000_000L));
        }
    }
}
