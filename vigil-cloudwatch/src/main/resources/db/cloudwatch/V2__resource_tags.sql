-- Tags of CloudWatch resources (dashboards now; alarms later). resource_type is the ARN's resource type
-- ("dashboard"), resource_name the rest of its resource part. Dashboards are global per account, so the
-- account and the name identify one. Deleting a dashboard deletes its tags in the same transaction.
CREATE TABLE cw_tags (
    account_id    VARCHAR(12)   NOT NULL,
    resource_type VARCHAR(32)   NOT NULL,
    resource_name VARCHAR(1024) NOT NULL,
    tag_key       VARCHAR(128)  NOT NULL,
    tag_value     VARCHAR(256)  NOT NULL,
    PRIMARY KEY (account_id, resource_type, resource_name, tag_key)
);
