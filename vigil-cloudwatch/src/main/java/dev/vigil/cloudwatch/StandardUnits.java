package dev.vigil.cloudwatch;

import java.util.List;
import java.util.Set;

/** The StandardUnit enumeration, in the order AWS lists it in its error messages. Stateless. */
final class StandardUnits {
    static final List<String> ALL = List.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");
    static final String NONE = "None";
    private static final Set<String> SET = Set.copyOf(ALL);

    private StandardUnits() {}

    static boolean isValid(String unit) {
        return SET.contains(unit);
    }

    /** "The parameter X must be a value in the set [ Seconds, ..., None ]." (AWS's wording). */
    static String notInSet(String parameter) {
        return "The parameter " + parameter + " must be a value in the set [ " + String.join(", ", ALL) + " ].";
    }
}
