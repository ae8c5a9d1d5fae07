-- One row per periodic job (DESIGN §4/§5): the node whose lease is unexpired runs the job.
-- expires_at is epoch milliseconds, like every instant in the store.
CREATE TABLE store_lease (
    job        VARCHAR(200) NOT NULL PRIMARY KEY,
    owner      VARCHAR(200) NOT NULL,
    expires_at BIGINT       NOT NULL
);
