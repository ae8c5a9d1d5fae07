package dev.vigil.iam.policy;

import static dev.vigil.iam.policy.EngineCase.allow;
import static dev.vigil.iam.policy.EngineCase.allowIf;
import static dev.vigil.iam.policy.EngineCase.denyIf;
import static dev.vigil.iam.policy.EngineCase.of;

import java.util.stream.Stream;

/** ForAllValues / ForAnyValue with multivalued keys, including their documented empty-set results. */
final class SetOperatorCases {
    private static final String CAT = "cond:set";
    private static final String MULTI = "Creating a condition with multiple keys or values (set operators)";
    private static final String EMPTY = MULTI + ": If the key values in the request resolve to an empty data set, ForAllValues returns true, and ForAnyValue returns false";
    private static final String TABLE = "arn:aws:dynamodb:us-east-1:111122223333:table/Thread";

    private static final String FOR_ALL = "{\"ForAllValues:StringLike\": {\"dynamodb:requestedAttributes\": [\"PostDateTime\", \"Message\", \"Tags\"]}}";
    private static final String FOR_ANY_DENY = "{\"ForAnyValue:StringLike\": {\"dynamodb:requestedAttributes\": [\"ID\", \"PostDateTime\"]}}";

    private SetOperatorCases() {}

    private static EngineCase.Builder getItem(String name, String source) {
        return of(CAT, name, source).action("dynamodb:GetItem").resource(TABLE).identity(allowIf("dynamodb:GetItem", TABLE, FOR_ALL));
    }

    private static EngineCase.Builder putItem(String name, String source) {
        return of(CAT, name, source).action("dynamodb:PutItem").resource(TABLE).identity(allow("dynamodb:*", "*"))
                .identity(denyIf("dynamodb:PutItem", TABLE, FOR_ANY_DENY));
    }

    private static EngineCase.Builder tags(String name, String source, String condition) {
        return of(CAT, name, source).action("ec2:CreateTags").resource("*").identity(allowIf("ec2:CreateTags", "*", condition));
    }

    static Stream<EngineCase> cases() {
        String allowedKeys = "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"Environment\", \"CostCenter\"]}}";
        String anyKey = "{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [\"Environment\", \"CostCenter\"]}}";
        return Stream.of(
                getItem("ForAllValues: every requested attribute is listed", MULTI + ": the request is allowed, because the user's requested attributes all match")
                        .ctx("dynamodb:requestedAttributes", "PostDateTime", "Message").allow(),
                getItem("ForAllValues: one attribute is not listed", MULTI + ": if the user's request includes the ID attribute, the request fails")
                        .ctx("dynamodb:requestedAttributes", "PostDateTime", "ID").implicitDeny(PolicyType.IDENTITY),
                getItem("ForAllValues: UserName has no match", MULTI + ": There's no match for UserName, so the condition operator returns false")
                        .ctx("dynamodb:requestedAttributes", "PostDateTime", "UserName").implicitDeny(PolicyType.IDENTITY),
                getItem("ForAllValues with an empty set", EMPTY)
                        .ctx("dynamodb:requestedAttributes").allow(),
                getItem("ForAllValues with the key missing", "Condition operators, set operators: ForAllValues returns true if there are no context keys in the request")
                        .allow(),
                getItem("ForAllValues with an empty string", EMPTY + " (for example, an empty string)")
                        .ctx("dynamodb:requestedAttributes", "").allow(),
                putItem("ForAnyValue: one forbidden attribute is enough", MULTI + ": there is one match (PostDateTime), so the condition is true ... the request is denied")
                        .ctx("dynamodb:requestedAttributes", "UserName", "Message", "PostDateTime").explicitDeny(PolicyType.IDENTITY),
                putItem("ForAnyValue: no forbidden attribute", MULTI + ": None of the attributes in the request ... match ... The condition returns false")
                        .ctx("dynamodb:requestedAttributes", "UserName").allow(),
                putItem("ForAnyValue with an empty set", EMPTY)
                        .ctx("dynamodb:requestedAttributes").allow(),
                putItem("ForAnyValue with the key missing", EMPTY).allow(),
                tags("ForAllValues on aws:TagKeys: only allowed keys", "AWS global condition context keys: aws:TagKeys with ForAllValues", allowedKeys)
                        .ctx("aws:TagKeys", "Environment").allow(),
                tags("ForAllValues on aws:TagKeys: an extra key", "AWS global condition context keys: aws:TagKeys with ForAllValues", allowedKeys)
                        .ctx("aws:TagKeys", "Environment", "Owner").implicitDeny(PolicyType.IDENTITY),
                tags("ForAnyValue on aws:TagKeys: one listed key", "AWS global condition context keys: aws:TagKeys with ForAnyValue", anyKey)
                        .ctx("aws:TagKeys", "Owner", "CostCenter").allow(),
                tags("ForAnyValue on aws:TagKeys: no listed key", "AWS global condition context keys: aws:TagKeys with ForAnyValue", anyKey)
                        .ctx("aws:TagKeys", "Owner").implicitDeny(PolicyType.IDENTITY),
                tags("ForAnyValue with IfExists and the key missing", "Condition operators, ...IfExists: If the key is not present, evaluate the condition element as true",
                        "{\"ForAnyValue:StringEqualsIfExists\": {\"aws:TagKeys\": \"Environment\"}}").allow(),
                tags("ForAnyValue:StringLike with wildcards", MULTI + ": ForAnyValue:StringLike",
                        "{\"ForAnyValue:StringLike\": {\"aws:TagKeys\": \"cost*\"}}")
                        .ctx("aws:TagKeys", "Owner", "costcenter").allow(),
                of(CAT, "ForAnyValue:StringNotEquals denies an unexpected tag key", "Condition policy examples: Deny policy with condition set operator ForAnyValue")
                        .action("ec2:CreateTags").resource("*").identity(allow("*", "*"))
                        .identity(denyIf("ec2:CreateTags", "*", "{\"ForAnyValue:StringNotEquals\": {\"aws:TagKeys\": [\"Environment\", \"CostCenter\"]}}"))
                        .ctx("aws:TagKeys", "Environment", "Owner").explicitDeny(PolicyType.IDENTITY),
                of(CAT, "ForAnyValue:StringNotEquals with only expected tag keys", "Condition policy examples: Deny policy with condition set operator ForAnyValue")
                        .action("ec2:CreateTags").resource("*").identity(allow("*", "*"))
                        .identity(denyIf("ec2:CreateTags", "*", "{\"ForAnyValue:StringNotEquals\": {\"aws:TagKeys\": [\"Environment\", \"CostCenter\"]}}"))
                        .ctx("aws:TagKeys", "Environment", "CostCenter").allow(),
                of(CAT, "ForAllValues deny with an empty set applies", "Condition policy examples: Deny policy with condition set operator ForAllValues (true for an empty set)")
                        .action("ec2:CreateTags").resource("*").identity(allow("*", "*"))
                        .identity(denyIf("ec2:CreateTags", "*", "{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"Temp\"]}}"))
                        .explicitDeny(PolicyType.IDENTITY),
                tags("a plain operator on a multivalued key matches any value", "Single-valued vs. multivalued context keys: multivalued keys require a set operator (Vigil: any value matches)",
                        "{\"StringEquals\": {\"aws:TagKeys\": \"Environment\"}}")
                        .ctx("aws:TagKeys", "Owner", "Environment").allow());
    }
}
