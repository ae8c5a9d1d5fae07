package dev.vigil.iam.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The inheritance operators of management policies ("Policy syntax and inheritance for management policy types"). */
class OrgEffectivePoliciesTest {

    @Test
    void assignAtTheRootIsInheritedAsAPlainValue() {
        String root = "{\"tags\":{\"costcenter\":{\"tag_key\":{\"@@assign\":\"CostCenter\"}}}}";
        assertThat(EffectivePolicies.merge(List.of(List.of(root), List.of(), List.of())))
                .isEqualTo("{\"tags\":{\"costcenter\":{\"tag_key\":\"CostCenter\"}}}");
    }

    @Test
    void aChildAssignReplacesAndAppendAddsToTheParentsList() {
        String root = "{\"tags\":{\"cc\":{\"tag_value\":{\"@@assign\":[\"100\",\"200\"]}}}}";
        String ou = "{\"tags\":{\"cc\":{\"tag_value\":{\"@@append\":[\"300\",\"100\"]}}}}";
        assertThat(EffectivePolicies.merge(List.of(List.of(root), List.of(ou))))
                .isEqualTo("{\"tags\":{\"cc\":{\"tag_value\":[\"100\",\"200\",\"300\"]}}}");
        String account = "{\"tags\":{\"cc\":{\"tag_value\":{\"@@assign\":[\"900\"]}}}}";
        assertThat(EffectivePolicies.merge(List.of(List.of(root), List.of(ou), List.of(account))))
                .isEqualTo("{\"tags\":{\"cc\":{\"tag_value\":[\"900\"]}}}");
    }

    @Test
    void removeDropsTheParentsValue() {
        String root = "{\"tags\":{\"cc\":{\"tag_key\":{\"@@assign\":\"CostCenter\"}},\"env\":{\"tag_key\":{\"@@assign\":\"Env\"}}}}";
        String account = "{\"tags\":{\"env\":{\"@@remove\":null}}}";
        assertThat(EffectivePolicies.merge(List.of(List.of(root), List.of(account))))
                .isEqualTo("{\"tags\":{\"cc\":{\"tag_key\":\"CostCenter\"}}}");
    }

    @Test
    void aParentCanForbidChildrenToChangeAValue() {
        String root = "{\"tags\":{\"cc\":{\"@@operators_allowed_for_child_policies\":[\"@@none\"],"
                + "\"tag_key\":{\"@@assign\":\"CostCenter\"}}}}";
        String account = "{\"tags\":{\"cc\":{\"tag_key\":{\"@@assign\":\"costcenter\"}}}}";
        assertThat(EffectivePolicies.merge(List.of(List.of(root), List.of(account))))
                .isEqualTo("{\"tags\":{\"cc\":{\"tag_key\":\"CostCenter\"}}}");
    }
}
