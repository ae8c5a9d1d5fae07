package dev.vigil.events.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Events in, OpenAPI 3 documents out: the discoverers' inference and union, table-driven. */
class SchemaInferenceTest {

    static JsonNode json(String s) {
        try {
            return OpenApiDocs.JSON.readTree(s.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    static String event(String detail) {
        return "{'version':'0','id':'6a7e8feb-b491-4cf7-a9f1-bf3703467718','detail-type':'Order Placed',"
                + "'source':'com.example.orders','account':'111122223333','time':'2026-11-30T12:00:00Z',"
                + "'region':'us-east-1','resources':['arn:aws:ec2:us-east-1:111122223333:instance/i-1'],"
                + "'detail':" + detail + "}";
    }

    /** The properties of the detail component of one or more events merged in order. */
    static JsonNode detailComponent(String... events) {
        Shape merged = null;
        for (String e : events) merged = ShapeInference.merge(merged, ShapeInference.infer(json(e)));
        JsonNode doc = OpenApiDocs.render((Shape.Obj) merged, "com.example.orders", "Order Placed");
        return doc.path("components").path("schemas").path("OrderPlaced");
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("scalars: string, integer, number, boolean",
                        new String[] {event("{'id':'o-1','qty':3,'price':9.5,'gift':false}")},
                        "{'type':'object','required':['gift','id','price','qty'],'properties':{'gift':{'type':'boolean'},"
                                + "'id':{'type':'string'},'price':{'type':'number'},'qty':{'type':'integer'}}}"),
                Arguments.of("timestamps get the date-time format",
                        new String[] {event("{'at':'2026-11-30T12:00:00.123Z','day':'2026-11-30'}")},
                        "{'type':'object','required':['at','day'],'properties':{'at':{'type':'string','format':'date-time'},"
                                + "'day':{'type':'string'}}}"),
                Arguments.of("nested objects are components named after the member",
                        new String[] {event("{'customer':{'name':'a'}}")},
                        "{'type':'object','required':['customer'],'properties':{'customer':"
                                + "{'$ref':'#/components/schemas/Customer'}}}"),
                Arguments.of("arrays of scalars and of nothing yet",
                        new String[] {event("{'tags':['a','b'],'none':[]}")},
                        "{'type':'object','required':['none','tags'],'properties':{'none':{'type':'array','items':{}},"
                                + "'tags':{'type':'array','items':{'type':'string'}}}}"),
                Arguments.of("a member seen once is kept but not required",
                        new String[] {event("{'id':'o-1'}"), event("{'id':'o-2','coupon':'X'}")},
                        "{'type':'object','required':['id'],'properties':{'coupon':{'type':'string'},"
                                + "'id':{'type':'string'}}}"),
                Arguments.of("integer widened to number",
                        new String[] {event("{'n':1}"), event("{'n':1.5}")},
                        "{'type':'object','required':['n'],'properties':{'n':{'type':'number'}}}"),
                Arguments.of("null then a value: the value's type",
                        new String[] {event("{'n':null}"), event("{'n':'x'}")},
                        "{'type':'object','required':['n'],'properties':{'n':{'type':'string'}}}"),
                Arguments.of("a date-time member that later carries text is a plain string",
                        new String[] {event("{'t':'2026-11-30T12:00:00Z'}"), event("{'t':'soon'}")},
                        "{'type':'object','required':['t'],'properties':{'t':{'type':'string'}}}"),
                Arguments.of("conflicting kinds keep the first seen",
                        new String[] {event("{'v':'x'}"), event("{'v':{'a':1}}")},
                        "{'type':'object','required':['v'],'properties':{'v':{'type':'string'}}}"),
                Arguments.of("an empty object stays an untyped object",
                        new String[] {event("{'extra':{}}")},
                        "{'type':'object','required':['extra'],'properties':{'extra':{'type':'object'}}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void detailShape(String name, String[] events, String expected) {
        assertThat(detailComponent(events)).isEqualTo(json(expected));
    }

    @Test
    void theWholeDocumentOfAnEvent() {
        JsonNode doc = OpenApiDocs.render((Shape.Obj) ShapeInference.infer(json(event(
                "{'orderId':'o-1','items':[{'sku':'a','qty':1},{'sku':'b'}]}"))), "com.example.orders", "Order Placed");
        assertThat(doc).isEqualTo(json("{'openapi':'3.0.0','info':{'version':'1.0.0','title':'OrderPlaced'},'paths':{},"
                + "'components':{'schemas':{"
                + "'AWSEvent':{'type':'object','required':['account','detail','detail-type','id','region','resources',"
                + "'source','time','version'],'properties':{'account':{'type':'string'},"
                + "'detail':{'$ref':'#/components/schemas/OrderPlaced'},'detail-type':{'type':'string'},"
                + "'id':{'type':'string'},'region':{'type':'string'},"
                + "'resources':{'type':'array','items':{'type':'string'}},'source':{'type':'string'},"
                + "'time':{'type':'string','format':'date-time'},'version':{'type':'string'}},"
                + "'x-amazon-events-source':'com.example.orders','x-amazon-events-detail-type':'Order Placed'},"
                + "'OrderPlaced':{'type':'object','required':['items','orderId'],'properties':{"
                + "'items':{'type':'array','items':{'$ref':'#/components/schemas/ItemsItem'}},"
                + "'orderId':{'type':'string'}}},"
                + "'ItemsItem':{'type':'object','required':['sku'],'properties':{'qty':{'type':'integer'},"
                + "'sku':{'type':'string'}}}}}}"));
    }

    @Test
    void aRenderedDocumentReadsBackToTheSameShape() {
        Shape.Obj shape = (Shape.Obj) ShapeInference.merge(ShapeInference.infer(json(event(
                "{'a':{'b':[{'c':1}]},'t':'2026-11-30T12:00:00Z','e':[],'n':null}"))),
                ShapeInference.infer(json(event("{'a':{'b':[{'c':2.5,'d':true}]},'t':'2026-11-30T12:00:00Z'}"))));
        assertThat(OpenApiDocs.parse(OpenApiDocs.render(shape, "s", "Some Type"))).isEqualTo(shape);
    }

    @Test
    void schemaNamesFollowAwsDiscovery() {
        assertThat(OpenApiDocs.schemaName("aws.cloudwatch", "CloudWatch Alarm State Change"))
                .isEqualTo("aws.cloudwatch@CloudWatchAlarmStateChange");
        assertThat(OpenApiDocs.schemaName("aws.iam", "AWS API Call via CloudTrail"))
                .isEqualTo("aws.iam@AWSAPICallViaCloudTrail");
        assertThat(OpenApiDocs.schemaName("my.app", "order-placed v2")).isEqualTo("my.app@OrderPlacedV2");
    }
}
