package dev.vigil.core.service;

/**
 * How a member travels on awsQuery when the SDK model was generated from another protocol's names (SQS's
 * model is JSON, but older clients still send it as awsQuery): its query name, whether its list or map is
 * flattened, and the names of list items and map keys and values. Immutable.
 *
 * @param name       the member's awsQuery name ("Attribute" for the JSON member "Attributes")
 * @param flattened  list items / map entries repeat under the member's own name ({@code Attribute.1.Name})
 * @param memberName the item name of a non-flattened list ("member"), else null
 * @param keyName    the key name of a map entry ("Name"), else null
 * @param valueName  the value name of a map entry ("Value"), else null
 */
public record QueryName(String name, boolean flattened, String memberName, String keyName, String valueName) {

    /** A flattened list: {@code AttributeName.1}, {@code AttributeName.2}; in XML repeated {@code <QueueUrl>}. */
    public static QueryName flatList(String name) { return new QueryName(name, true, null, null, null); }

    /** A flattened map: {@code Attribute.1.Name}, {@code Attribute.1.Value}; in XML repeated entries. */
    public static QueryName flatMap(String name, String keyName, String valueName) {
        return new QueryName(name, true, null, keyName, valueName);
    }

    /** A scalar or structure member under another name. */
    public static QueryName renamed(String name) { return new QueryName(name, false, null, null, null); }

    /** Looks up the awsQuery name of a member of a shape; null when the SDK model's name holds. */
    @FunctionalInterface
    public interface Lookup {
        QueryName of(Class<?> shape, String member);

        static Lookup none() { return (shape, member) -> null; }
    }
}
