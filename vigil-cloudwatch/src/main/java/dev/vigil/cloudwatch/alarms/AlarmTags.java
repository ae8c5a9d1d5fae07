package dev.vigil.cloudwatch.alarms;

import dev.vigil.cloudwatch.ResourceTags;
import java.util.List;
import java.util.SortedMap;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** Tags given on PutMetricAlarm / PutCompositeAlarm: CloudWatch's tag rules (shared with dashboards). Stateless. */
final class AlarmTags {
    static final int MAX_TAGS = 50;

    private AlarmTags() {}

    static SortedMap<String, String> validate(List<Tag> tags) {
        return ResourceTags.validate(tags, "Tags");
    }
}
