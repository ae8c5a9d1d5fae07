package dev.vigil.events.schemas;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shape of a JSON value as schema discovery sees it: an object (members, and which members every observed value
 * had), an array (the shape of its items, null while only empty arrays were seen), a scalar
 * ({@code string} with an optional {@code date-time} format, {@code integer}, {@code number}, {@code boolean}) or
 * {@link #ANY} (only nulls seen). Members are kept sorted so equal shapes compare and render equal. Immutable.
 */
sealed interface Shape permits Shape.Obj, Shape.Arr, Shape.Scalar, Shape.Any {

    Any ANY = new Any();

    record Obj(Map<String, Shape> members, Set<String> required) implements Shape {
        public Obj {
            members = Collections.unmodifiableMap(new TreeMap<>(members));
            required = Collections.unmodifiableSet(new TreeSet<>(required));
        }
    }

    /** @param items null when no item was ever seen */
    record Arr(Shape items) implements Shape {}

    /** @param format "date-time" or null */
    record Scalar(String type, String format) implements Shape {
        static final Scalar STRING = new Scalar("string", null);
        static final Scalar DATE_TIME = new Scalar("string", "date-time");
        static final Scalar INTEGER = new Scalar("integer", null);
        static final Scalar NUMBER = new Scalar("number", null);
        static final Scalar BOOLEAN = new Scalar("boolean", null);
    }

    /** Only null was seen: no type yet. */
    final class Any implements Shape {
        private Any() {}

        @Override
        public String toString() { return "Any"; }
    }
}
