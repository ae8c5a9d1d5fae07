package dev.vigil.core.service;

/** The AWS wire protocols Vigil speaks. */
public enum Protocol {
    AWS_QUERY, AWS_JSON_1_0, AWS_JSON_1_1, RPC_V2_CBOR, REST_JSON_1
}
