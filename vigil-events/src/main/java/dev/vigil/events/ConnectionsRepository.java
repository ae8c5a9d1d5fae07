package dev.vigil.events;

import java.util.List;
import java.util.Optional;

/** The store of connections and API destinations. Implementations are thread-safe. */
interface ConnectionsRepository {
    /** Inserts a connection; false when one of that name exists. */
    boolean createConnection(ApiConnection c);

    Optional<ApiConnection> connection(String account, String region, String name);

    /** Every connection of an account and region, in name order. */
    List<ApiConnection> connections(String account, String region);

    /** Replaces a stored connection (same name); false when it is gone. */
    boolean saveConnection(ApiConnection c);

    boolean deleteConnection(String account, String region, String name);

    boolean createDestination(ApiDestinationDef d);

    Optional<ApiDestinationDef> destination(String account, String region, String name);

    List<ApiDestinationDef> destinations(String account, String region);

    boolean saveDestination(ApiDestinationDef d);

    boolean deleteDestination(String account, String region, String name);
}
