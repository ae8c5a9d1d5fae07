package dev.vigil.events.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CreateSchema / UpdateSchema content checks per Type: accepted documents and the BadRequestException of the rest. */
class SchemaContentTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "OpenApi3|{'openapi':'3.0.0','info':{'title':'t','version':'1'},'paths':{}}",
            "OpenApi3|{'openapi':'3.0.3','info':{'title':'t','version':'1'},'paths':{},'components':{'schemas':{'A':{'type':'object'}}}}",
            "JSONSchemaDraft4|{'$schema':'http://json-schema.org/draft-04/schema#','type':'object','properties':{}}",
            "JSONSchemaDraft4|{'type':['string','null']}",
            "JSONSchemaDraft4|{}",
    })
    void accepted(String type, String content) {
        assertThat(SchemaContent.validate(type, content.replace('\'', '"')).isObject()).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "OpenApi3|{not json|not valid JSON",
            "OpenApi3|[1,2]|must be a JSON object",
            "OpenApi3|{'swagger':'2.0','info':{'title':'t','version':'1'},'paths':{}}|'openapi' field must be a 3.x version",
            "OpenApi3|{'openapi':'3.0.0','paths':{}}|'info' object is required",
            "OpenApi3|{'openapi':'3.0.0','info':{'version':'1'},'paths':{}}|'info.title' is required",
            "OpenApi3|{'openapi':'3.0.0','info':{'title':'t','version':'1'}}|'paths' object is required",
            "OpenApi3|{'openapi':'3.0.0','info':{'title':'t','version':'1'},'paths':{},'components':{'schemas':[]}}|'components.schemas' must be an object",
            "OpenApi3|{'openapi':'3.0.0','info':{'title':'t','version':'1'},'paths':{},'components':{'schemas':{'A':{'type':'thing'}}}}|not a valid type",
            "JSONSchemaDraft4|{'$schema':'http://json-schema.org/draft-07/schema#'}|draft-04",
            "JSONSchemaDraft4|{'type':'record'}|not a valid type",
            "JSONSchemaDraft4|{'properties':[]}|'properties' must be an object",
            "Avro|{}|Invalid schema type",
    })
    void rejected(String type, String content, String message) {
        assertThatThrownBy(() -> SchemaContent.validate(type, content.replace('\'', '"')))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("BadRequestException");
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(message.replace('\'', '"').replace("\"", "'"));
                });
    }
}
