package dev.vigil.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Route matching: literals, labels, greedy labels, literal query parameters and ambiguous templates. */
class RestJsonRoutesTest {
    static final RestRoutes ROUTES = RestRoutes.of(List.of(
            route("ListThings", "GET", "/"),
            route("GetConfig", "GET", "/configs/{Name}"),
            route("GetLatestConfig", "GET", "/configs/latest"),
            route("PutConfig", "PUT", "/configs/{Name}"),
            route("PutFullConfig", "PUT", "/configs/{Name}?mode=full"),
            route("PutFlaggedConfig", "PUT", "/configs/{Name}?flag"),
            route("GetObject", "GET", "/buckets/{Bucket}/objects/{Key+}"),
            route("GetObjectAcl", "GET", "/buckets/{Bucket}/objects/{Key+}/acl"),
            route("GetSchema", "GET", "/v1/registries/name/{RegistryName}/schemas/name/{SchemaName}"),
            route("GetSchemaVersion", "GET", "/v1/registries/name/{RegistryName}/schemas/name/{SchemaName}/version/{V}"),
            route("ByLabel", "GET", "/a/{x}/{y}"),
            route("ByLiteral", "GET", "/a/{x}/b"),
            route("FirstLiteral", "GET", "/p/{x}"),
            route("FirstLabel", "GET", "/{x}/q")));

    static RestRoutes.Route route(String op, String method, String template) {
        return new RestRoutes.Route(op, method, UriTemplate.parse(template));
    }

    static RestRoutes.Match match(String method, String path, String query) {
        return ROUTES.match(method, path, query);
    }

    static RestRoutes.Match m(String op, Map<String, String> labels) { return new RestRoutes.Match(op, labels); }

    @Test
    void labelsArePercentDecoded() {
        assertThat(match("GET", "/v1/registries/name/my%20reg/schemas/name/a%2Fb%C3%A4+c", null))
                .isEqualTo(m("GetSchema", Map.of("RegistryName", "my reg", "SchemaName", "a/bä+c")));
        assertThat(match("GET", "/v1/registries/name/r/schemas/name/s/version/3", null))
                .isEqualTo(m("GetSchemaVersion", Map.of("RegistryName", "r", "SchemaName", "s", "V", "3")));
    }

    @Test
    void literalSegmentBeatsLabel() {
        assertThat(match("GET", "/configs/latest", null)).isEqualTo(m("GetLatestConfig", Map.of()));
        assertThat(match("GET", "/configs/other", null)).isEqualTo(m("GetConfig", Map.of("Name", "other")));
        assertThat(match("GET", "/a/1/b", null)).isEqualTo(m("ByLiteral", Map.of("x", "1")));
        assertThat(match("GET", "/a/1/c", null)).isEqualTo(m("ByLabel", Map.of("x", "1", "y", "c")));
        // The earlier segment decides: /p/{x} is literal first, /{x}/q is a label first.
        assertThat(match("GET", "/p/q", null)).isEqualTo(m("FirstLiteral", Map.of("x", "q")));
    }

    @Test
    void greedyLabelsKeepSlashes() {
        assertThat(match("GET", "/buckets/b/objects/dir/sub%20dir/file.txt", null))
                .isEqualTo(m("GetObject", Map.of("Bucket", "b", "Key", "dir/sub dir/file.txt")));
        assertThat(match("GET", "/buckets/b/objects/dir/file.txt/acl", null))
                .isEqualTo(m("GetObjectAcl", Map.of("Bucket", "b", "Key", "dir/file.txt")));
        assertThat(match("GET", "/buckets/b/objects/file", null))
                .isEqualTo(m("GetObject", Map.of("Bucket", "b", "Key", "file")));
        assertThat(match("GET", "/buckets/b/objects/", null)).isNull();
        assertThat(match("GET", "/buckets/b/objects", null)).isNull();
    }

    @Test
    void literalQueryParametersAreRequired() {
        assertThat(match("PUT", "/configs/c", "mode=full&x=1")).isEqualTo(m("PutFullConfig", Map.of("Name", "c")));
        assertThat(match("PUT", "/configs/c", "mode=partial")).isEqualTo(m("PutConfig", Map.of("Name", "c")));
        assertThat(match("PUT", "/configs/c", "flag")).isEqualTo(m("PutFlaggedConfig", Map.of("Name", "c")));
        assertThat(match("PUT", "/configs/c", "flag=on")).isEqualTo(m("PutFlaggedConfig", Map.of("Name", "c")));
        assertThat(match("PUT", "/configs/c", null)).isEqualTo(m("PutConfig", Map.of("Name", "c")));
    }

    @Test
    void methodPathAndEmptySegmentsMustFit() {
        assertThat(match("DELETE", "/configs/c", null)).isNull();
        assertThat(match("get", "/configs/c", null)).isEqualTo(m("GetConfig", Map.of("Name", "c")));
        assertThat(match("GET", "/configs/c/", null)).isEqualTo(m("GetConfig", Map.of("Name", "c")));
        assertThat(match("GET", "/configs/c/extra", null)).isNull();
        assertThat(match("GET", "/configs//", null)).isNull();
        assertThat(match("GET", "/", null)).isEqualTo(m("ListThings", Map.of()));
        assertThat(match("GET", "", null)).isEqualTo(m("ListThings", Map.of()));
        assertThat(match("GET", "/nowhere", null)).isNull();
    }

    @Test
    void templateParsing() {
        UriTemplate t = UriTemplate.parse("/v1/{A}/x/{B+}?type=y&flag");
        assertThat(t.segments()).extracting(UriTemplate.Segment::kind).containsExactly(
                UriTemplate.Kind.LITERAL, UriTemplate.Kind.LABEL, UriTemplate.Kind.LITERAL, UriTemplate.Kind.GREEDY);
        assertThat(t.queryLiterals()).containsEntry("type", "y").containsEntry("flag", null);
        assertThatThrownBy(() -> UriTemplate.parse("/{A+}/{B+}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerListsSplitOnCommasOutsideQuotes() {
        assertThat(HttpValues.splitList("a, \"b,c\" ,d", false)).containsExactly("a", "b,c", "d");
        assertThat(HttpValues.splitList("\"q\\\"x\"", false)).containsExactly("q\"x");
        assertThat(HttpValues.splitList("Mon, 06 May 2024 07:08:09 GMT, Tue, 07 May 2024 07:08:09 GMT", true))
                .containsExactly("Mon, 06 May 2024 07:08:09 GMT", "Tue, 07 May 2024 07:08:09 GMT");
        assertThat(HttpValues.joinList(List.of("a", "b,c", "q\"x"), false)).isEqualTo("a, \"b,c\", \"q\\\"x\"");
    }

    @Test
    void bindingIsReadFromTheSdkMarshaller() {
        HttpBinding b = HttpBinding.of(software.amazon.awssdk.services.ram.model.DeleteResourceShareRequest.class);
        assertThat(b).isEqualTo(new HttpBinding("DELETE", "/deleteresourceshare", false, false));
        assertThat(HttpBinding.of(software.amazon.awssdk.services.ram.model.DeleteResourceShareRequest.class)).isSameAs(b);
        assertThat(HttpBinding.marshallerName(software.amazon.awssdk.services.ram.model.CreateResourceShareRequest.class))
                .isEqualTo("software.amazon.awssdk.services.ram.transform.CreateResourceShareRequestMarshaller");
        assertThatThrownBy(() -> HttpBinding.of(String.class)).isInstanceOf(IllegalArgumentException.class);
    }
}
