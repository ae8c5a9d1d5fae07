package dev.vigil.core.spi;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Documents a service publishes at a fixed path of Vigil's endpoint, served to anyone with a GET and no
 * signature — SNS's signing certificate at the SigningCertURL of its messages. Not AWS operations, so they bypass
 * the gateway. Thread-safe.
 */
public final class PublicDocuments {
    /** A document's media type and content. */
    public record Document(String contentType, byte[] body) {}

    private final Map<String, Supplier<Document>> byPath = new ConcurrentHashMap<>();

    /** Publishes {@code path} (starting with "/"); the source is asked on every GET (the content may change). */
    public void register(String path, Supplier<Document> source) { byPath.put(path, source); }

    public boolean has(String path) { return byPath.containsKey(path); }

    public Optional<Document> get(String path) {
        Supplier<Document> s = byPath.get(path);
        return s == null ? Optional.empty() : Optional.ofNullable(s.get());
    }
}
