CREATE TABLE contract_kv (
    account    VARCHAR(12)  NOT NULL,
    key        VARCHAR(128) NOT NULL,
    value      VARCHAR,
    updated_at BIGINT       NOT NULL,
    PRIMARY KEY (account, key)
);
