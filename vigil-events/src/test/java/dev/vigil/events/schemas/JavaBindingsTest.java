package dev.vigil.events.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java8 code bindings compile as Java 8 (javax.tools) and read real events through their Marshaller. */
class JavaBindingsTest {
    @TempDir
    Path dir;

    static final String EVENT = "{'version':'0','id':'e-1','detail-type':'Order Placed','source':'com.example.orders',"
            + "'account':'111122223333','time':'2026-11-30T12:00:00Z','region':'us-east-1','resources':[],"
            + "'detail':{'order-id':'o-1','class':'gold','total':12.5,'count':2,'paid':true,"
            + "'placedAt':'2026-11-30T11:59:00Z','customer':{'name':'Ann','address':{'city':'Oslo'}},"
            + "'lines':[{'sku':'a','qty':1}],'tags':['x'],'extra':{}}}";

    static JsonNode json(String s) {
        return SchemaInferenceTest.json(s);
    }

    @Test
    void aDiscoveredEventSchemaCompilesAndUnmarshalsItsEvent() throws Exception {
        Shape.Obj shape = (Shape.Obj) ShapeInference.infer(json(EVENT));
        JsonNode doc = OpenApiDocs.render(shape, "com.example.orders", "Order Placed");
        Map<String, String> files = JavaBindings.generate("discovered-schemas", "com.example.orders@OrderPlaced",
                SchemaContent.OPEN_API_3, doc);
        String pkg = "schema/com/example/orders/orderplaced/";
        assertThat(files).containsKeys(pkg + "AWSEvent.java", pkg + "OrderPlaced.java", pkg + "Customer.java",
                pkg + "Address.java", pkg + "LinesItem.java", pkg + "marshaller/Marshaller.java");

        // Round trip through a zip, as GetCodeBindingSource answers it.
        ClassLoader loader = JavaCompilation.compile(JavaCompilation.unzip(CodeBindingsProvider.zip(files)), dir);
        Class<?> detailClass = loader.loadClass("schema.com.example.orders.orderplaced.OrderPlaced");
        Class<?> marshaller = loader.loadClass("schema.com.example.orders.orderplaced.marshaller.Marshaller");
        Method unmarshalEvent = marshaller.getMethod("unmarshalEvent", java.io.InputStream.class, Class.class);
        Object event = unmarshalEvent.invoke(null, new ByteArrayInputStream(EVENT.replace('\'', '"')
                .getBytes(StandardCharsets.UTF_8)), detailClass);

        assertThat(call(event, "getDetailType")).isEqualTo("Order Placed");
        assertThat(((java.util.Date) call(event, "getTime")).toInstant()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        Object detail = call(event, "getDetail");
        assertThat(detail).isInstanceOf(detailClass);
        assertThat(call(detail, "getOrderId")).isEqualTo("o-1");
        assertThat(call(detail, "get_class")).isEqualTo("gold");
        assertThat(call(detail, "getTotal")).isEqualTo(new java.math.BigDecimal("12.5"));
        assertThat(call(detail, "getCount")).isEqualTo(2L);
        assertThat(call(detail, "getPaid")).isEqualTo(true);
        assertThat(call(call(call(detail, "getCustomer"), "getAddress"), "getCity")).isEqualTo("Oslo");
        assertThat(call(((List<?>) call(detail, "getLines")).get(0), "getSku")).isEqualTo("a");
        assertThat(call(detail, "getTags")).isEqualTo(List.of("x"));
    }

    @Test
    void aHandWrittenOpenApiSchemaCompiles() throws Exception {
        JsonNode doc = json("{'openapi':'3.0.0','info':{'title':'T','version':'1'},'paths':{},'components':{'schemas':{"
                + "'Order':{'type':'object','properties':{'id':{'type':'string'},'item':{'$ref':'#/components/schemas/Item'},"
                + "'meta':{'type':'object','properties':{'k':{'type':'string'}}},'any':{},"
                + "'kinds':{'type':'array','items':{'type':'integer'}}}},"
                + "'Item':{'type':'object','properties':{'public':{'type':'boolean'}}}}}}");
        Map<String, String> files = JavaBindings.generate("my-registry", "Orders", SchemaContent.OPEN_API_3, doc);
        assertThat(files).containsKeys("schema/myregistry/orders/Order.java", "schema/myregistry/orders/Item.java",
                "schema/myregistry/orders/OrderMeta.java", "schema/myregistry/orders/marshaller/Marshaller.java");
        ClassLoader loader = JavaCompilation.compile(files, dir);
        Class<?> order = loader.loadClass("schema.myregistry.orders.Order");
        Object o = loader.loadClass("schema.myregistry.orders.marshaller.Marshaller")
                .getMethod("unmarshal", java.io.InputStream.class, Class.class)
                .invoke(null, new ByteArrayInputStream("{\"id\":\"1\",\"item\":{\"public\":true},\"kinds\":[1,2]}"
                        .getBytes(StandardCharsets.UTF_8)), order);
        assertThat(call(call(o, "getItem"), "get_public")).isEqualTo(true);
        assertThat(call(o, "getKinds")).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void aJsonSchemaDraft4DocumentCompiles() throws Exception {
        JsonNode doc = json("{'$schema':'http://json-schema.org/draft-04/schema#','type':'object','properties':{"
                + "'user':{'$ref':'#/definitions/User'},'at':{'type':'string','format':'date-time'}},"
                + "'definitions':{'User':{'type':'object','properties':{'id':{'type':['string','null']}}}}}");
        Map<String, String> files = JavaBindings.generate("r", "UserSignedUp", SchemaContent.JSON_SCHEMA_DRAFT_4, doc);
        assertThat(files).containsKeys("schema/r/usersignedup/UserSignedUp.java", "schema/r/usersignedup/User.java");
        JavaCompilation.compile(files, dir);
    }

    @Test
    void theAwsEventsRegistrySchemasCompile() throws Exception {
        AwsEventSchemas aws = new AwsEventSchemas(Instant.EPOCH);
        var alarm = aws.get("aws.cloudwatch@CloudWatchAlarmStateChange");
        Map<String, String> files = JavaBindings.generate(AwsEventSchemas.REGISTRY, alarm.schema(), alarm.type(),
                json(alarm.content()));
        assertThat(files).containsKey("schema/aws/cloudwatch/cloudwatchalarmstatechange/CloudWatchAlarmStateChange.java");
        JavaCompilation.compile(files, dir.resolve("alarm"));
        var trail = aws.get("aws.iam@AWSAPICallViaCloudTrail");
        JavaCompilation.compile(JavaBindings.generate(AwsEventSchemas.REGISTRY, trail.schema(), trail.type(),
                json(trail.content())), dir.resolve("trail"));
    }

    static Object call(Object target, String getter) throws Exception {
        return target.getClass().getMethod(getter).invoke(target);
    }
}
