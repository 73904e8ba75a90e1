package cn.taihang.bridge.module;

import io.vertx.ext.web.Route;

/**
 * Where a module registers its HTTP routes (under {@code /api/v1/}), each with who may call it. The host puts the
 * access check and the audit of state-changing calls in front of the handlers added to the returned route; a refusal
 * (401 without a believable credential, 403 without the scope) never reaches them. Paths use Vert.x syntax
 * ({@code /tickets/:ticketId}) relative to {@code /api/v1}.
 */
public interface ApiRoutes {

    /** @return the GET route, checked by {@code access}; add the handlers to it */
    Route get(String path, Access access);

    /** @return the POST route, checked by {@code access}; add the handlers to it */
    Route post(String path, Access access);

    /** @return the PUT route, checked by {@code access}; add the handlers to it */
    Route put(String path, Access access);

    /** @return the DELETE route, checked by {@code access}; add the handlers to it */
    Route delete(String path, Access access);
}
